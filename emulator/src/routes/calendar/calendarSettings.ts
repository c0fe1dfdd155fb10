/**
 * The mailbox's default calendar (GET /me/calendar) with the online meeting providers the
 * organization allows for it ("Get calendar", https://learn.microsoft.com/en-us/graph/api/calendar-get?view=graph-rest-1.0;
 * calendar resource type: allowedOnlineMeetingProviders, defaultOnlineMeetingProvider). Every
 * mailbox allows Teams unless an admin call says otherwise:
 *   PATCH /_admin/calendar/mailboxes/{user}   { allowedOnlineMeetingProviders: [...], defaultOnlineMeetingProvider? }
 */
import { permissions } from '../../auth/permissions';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { GraphRoute, PlainRoute } from '../../module';
import { parseQueryOptions, project } from '../../odata';
import type { Store } from '../../store/store';
import { findUser } from '../identity/directory';

export const PROVIDERS = ['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'] as const;
export type OnlineMeetingProvider = (typeof PROVIDERS)[number];

export interface CalendarSettings {
  allowedOnlineMeetingProviders: OnlineMeetingProvider[];
  defaultOnlineMeetingProvider: OnlineMeetingProvider;
}

const SETTINGS = 'calendar.settings';
const DEFAULTS: CalendarSettings = { allowedOnlineMeetingProviders: ['teamsForBusiness'], defaultOnlineMeetingProvider: 'teamsForBusiness' };

export const isProvider = (value: unknown): value is OnlineMeetingProvider => typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);

export function calendarSettings(store: Store, userId: string): CalendarSettings & { version: number } {
  const stored = store.collection<CalendarSettings>(SETTINGS).get(userId);
  return stored ? { ...stored.data, version: stored.version } : { ...DEFAULTS, version: 0 };
}

/** The provider an online meeting gets, or null when the calendar does not allow the one asked for. */
export function meetingProviderFor(store: Store, userId: string, requested: unknown): 'teamsForBusiness' | null {
  if (requested !== undefined && requested !== null && !isProvider(requested)) {
    throw new GraphError(400, 'ErrorInvalidRequest', `The value '${String(requested)}' is not valid for onlineMeetingProvider.`);
  }
  const settings = calendarSettings(store, userId);
  const provider = requested ?? settings.defaultOnlineMeetingProvider;
  // The emulator creates Teams meetings only (Skype for Business is retired).
  return provider === 'teamsForBusiness' && settings.allowedOnlineMeetingProviders.includes(provider) ? provider : null;
}

const CALENDAR_PROPERTIES = [
  'id', 'name', 'color', 'hexColor', 'isDefaultCalendar', 'changeKey', 'canShare', 'canViewPrivateItems', 'canEdit',
  'allowedOnlineMeetingProviders', 'defaultOnlineMeetingProvider', 'isTallyingResponses', 'isRemovable', 'owner',
];

export const getDefaultCalendar: GraphRoute = {
  method: 'GET',
  path: '/me/calendar',
  permission: permissions.calendarsRead,
  handler: (ctx) => {
    const me = findUser(ctx.store, ctx.user.id);
    const settings = calendarSettings(ctx.store, ctx.user.id);
    const id = Buffer.from(`calendar|${ctx.user.id}`, 'utf8').toString('base64');
    const value = {
      '@odata.id': `${ctx.baseUrl}/users('${ctx.user.id}@${ctx.tenant.id}')/calendars('${id}')`,
      id,
      name: 'Calendar',
      color: 'auto',
      hexColor: '',
      isDefaultCalendar: true,
      changeKey: Buffer.from(`${id}:${settings.version}`).toString('base64'),
      canShare: true,
      canViewPrivateItems: true,
      canEdit: true,
      allowedOnlineMeetingProviders: settings.allowedOnlineMeetingProviders,
      defaultOnlineMeetingProvider: settings.defaultOnlineMeetingProvider,
      isTallyingResponses: true,
      isRemovable: false,
      owner: { name: me?.displayName ?? ctx.user.displayName, address: me?.mail ?? ctx.user.userPrincipalName },
    };
    const query = parseQueryOptions(ctx.query);
    return ok({
      '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/calendar/$entity`),
      ...project(value, query, { typeName: 'microsoft.graph.calendar', knownProperties: CALENDAR_PROPERTIES, alwaysSelected: ['id', '@odata.id'] }),
    });
  },
};

/** Admin: which online meeting providers a mailbox's calendar allows (e.g. none, for a mailbox without Teams). */
export const setMailboxCalendar: PlainRoute = {
  method: 'PATCH',
  path: '/calendar/mailboxes/{user}',
  handler: (ctx) => {
    const user = findUser(ctx.store, ctx.params.user ?? '');
    if (!user?.id) throw new GraphError(400, 'BadRequest', `Unknown user "${String(ctx.params.user)}".`);
    const body = (ctx.body ?? {}) as Partial<Record<keyof CalendarSettings, unknown>>;
    const current = calendarSettings(ctx.store, user.id);
    const allowed = body.allowedOnlineMeetingProviders ?? current.allowedOnlineMeetingProviders;
    if (!Array.isArray(allowed) || !allowed.every(isProvider)) throw new GraphError(400, 'BadRequest', `allowedOnlineMeetingProviders must list ${PROVIDERS.join(', ')}.`);
    const fallback = allowed.find((p) => p !== 'unknown') ?? 'unknown';
    const preferred = body.defaultOnlineMeetingProvider ?? (allowed.includes(current.defaultOnlineMeetingProvider) ? current.defaultOnlineMeetingProvider : fallback);
    if (!isProvider(preferred)) throw new GraphError(400, 'BadRequest', `defaultOnlineMeetingProvider must be one of ${PROVIDERS.join(', ')}.`);
    const next: CalendarSettings = { allowedOnlineMeetingProviders: allowed, defaultOnlineMeetingProvider: preferred };
    const settings = ctx.store.collection<CalendarSettings>(SETTINGS);
    if (settings.get(user.id)) settings.update(user.id, () => next);
    else settings.insert(next, { id: user.id });
    return ok({ user: user.userPrincipalName, ...next });
  },
};
