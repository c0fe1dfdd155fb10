/**
 * /me/events (single and recurring, with Teams meetings), /me/events/{id}/instances,
 * /me/calendarView, cancel. Outlook's rules: time windows required for expansion, times in UTC
 * unless `Prefer: outlook.timezone`, occurrences are virtual until changed.
 */
import { randomUUID } from 'node:crypto';
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok, type EmulatorResponse } from '../../http/response';
import type { GraphRoute } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions, project, type Resource } from '../../odata';
import { findUser } from '../identity/directory';
import { updateOnlineMeeting } from '../meetings/model';
import { meetingProviderFor } from './calendarSettings';
import { events, parseOccurrenceId, type StoredAttendee, type StoredEvent } from './model';
import { goOnline, onlineAfterPatch, onlineMeetingParticipants } from './onlineMeeting';
import { parseRecurrence } from './recurrence';
import { durationMs, EVENT_PROPERTIES, occurrenceStarts, serializeEvent } from './serialize';
import { ianaZone, instantOf, parseWall, preferredTimeZone, type DateTimeTimeZone } from './timeZones';
import type { StoredResource } from '../../store/store';

const notFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const invalid = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);

function zoneFor(ctx: GraphContext, fallback = 'UTC'): string {
  return preferredTimeZone(ctx.headers) ?? fallback;
}

function requestUrl(ctx: GraphContext): URL {
  return new URL(`${ctx.baseUrl}${ctx.path}?${ctx.query.toString()}`);
}

function ownEvent(ctx: GraphContext, id: string): StoredResource<StoredEvent> {
  const r = events(ctx.store).get(id);
  if (!r || r.data.ownerId !== ctx.user.id) throw notFound();
  return r;
}

function parseDateTimeTimeZone(value: unknown, what: string): DateTimeTimeZone {
  const v = value as Partial<DateTimeTimeZone> | undefined;
  if (!v || typeof v.dateTime !== 'string' || typeof v.timeZone !== 'string') throw invalid(`${what} needs dateTime and timeZone.`);
  parseWall(v.dateTime);
  ianaZone(v.timeZone);
  return { dateTime: v.dateTime, timeZone: v.timeZone };
}

function parseAttendees(value: unknown): StoredAttendee[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('attendees must be a collection.');
  return value.map((a: { type?: string; emailAddress?: { name?: string; address?: string } }) => {
    const address = a?.emailAddress?.address;
    if (typeof address !== 'string' || !address.includes('@')) throw invalid('Every attendee needs an emailAddress.address.');
    const type = a.type === 'optional' || a.type === 'resource' ? a.type : 'required';
    return { type, emailAddress: { name: a.emailAddress?.name ?? address, address } };
  });
}

function serialize(ctx: GraphContext, r: StoredResource<StoredEvent>, zone: string, occurrence?: { start: Date }): Resource {
  return serializeEvent(r, { timeZone: zone, userId: ctx.user.id }, occurrence);
}

function window(ctx: GraphContext): { from: Date; to: Date } {
  const from = ctx.query.get('startDateTime') ?? ctx.query.get('StartDateTime');
  const to = ctx.query.get('endDateTime') ?? ctx.query.get('EndDateTime');
  if (!from || !to) {
    throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const parse = (text: string) => {
    const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(text);
    const d = hasOffset ? new Date(text) : instantOf({ dateTime: text, timeZone: zoneFor(ctx) });
    if (Number.isNaN(d.getTime())) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${text}' of parameter 'StartDateTime' is invalid.`);
    return d;
  };
  return { from: parse(from), to: parse(to) };
}

/** Occurrences (and single events) overlapping [from, to). */
function overlapping(ctx: GraphContext, rs: StoredResource<StoredEvent>[], from: Date, to: Date, zone: string): Resource[] {
  const out: { start: number; value: Resource }[] = [];
  for (const r of rs) {
    if (r.data.isCancelled) continue;
    const duration = durationMs(r.data);
    const starts = r.data.recurrence ? occurrenceStarts(r.data, to) : [instantOf(r.data.start)];
    for (const s of starts) {
      if (s.getTime() < to.getTime() && s.getTime() + duration > from.getTime()) {
        out.push({ start: s.getTime(), value: serialize(ctx, r, zone, r.data.recurrence ? { start: s } : undefined) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start).map((o) => o.value);
}

function listAnswer(ctx: GraphContext, items: Resource[], context: string): EmulatorResponse {
  const query = parseQueryOptions(ctx.query);
  const page = applyQuery(items, query, {
    requestUrl: requestUrl(ctx),
    defaultPageSize: 10,
    maxPageSize: 1000,
    allowSkip: true,
    typeName: 'microsoft.graph.event',
    knownProperties: [...EVENT_PROPERTIES],
    alwaysSelected: ['id', '@odata.etag'],
  });
  return ok(collectionBody(page, ctx.odataContext(context)));
}

function stripWindowOptions(ctx: GraphContext): void {
  for (const k of ['startDateTime', 'endDateTime', 'StartDateTime', 'EndDateTime']) ctx.query.delete(k);
}

function bodyOf(ctx: GraphContext): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null) throw invalid('The request body must be an event.');
  return ctx.body as Record<string, unknown>;
}

const createEvent: GraphRoute = {
  method: 'POST',
  path: '/me/events',
  permission: permissions.calendarsWrite,
  handler: (ctx) => {
    const b = bodyOf(ctx);
    const start = parseDateTimeTimeZone(b.start, 'start');
    const end = parseDateTimeTimeZone(b.end, 'end');
    if (instantOf(end).getTime() < instantOf(start).getTime()) throw invalid('The end of the event lies before its start.');
    const me = findUser(ctx.store, ctx.user.id);
    const address = me?.mail ?? ctx.user.userPrincipalName;
    const transactionId = typeof b.transactionId === 'string' ? b.transactionId : null;
    if (transactionId) {
      const existing = events(ctx.store).find((e) => e.ownerId === ctx.user.id && e.transactionId === transactionId);
      if (existing) return created(serialize(ctx, existing, start.timeZone));
    }
    const body = b.body as { contentType?: string; content?: string } | undefined;
    // A calendar that does not allow the provider still creates the event, just not online (201, isOnlineMeeting false).
    const isOnlineMeeting = b.isOnlineMeeting === true && meetingProviderFor(ctx.store, ctx.user.id, b.onlineMeetingProvider) !== null;
    const data: StoredEvent = {
      ownerId: ctx.user.id,
      subject: typeof b.subject === 'string' ? b.subject : '',
      body: { contentType: body?.contentType?.toLowerCase() === 'html' ? 'html' : 'text', content: body?.content ?? '' },
      start,
      end,
      recurrence: b.recurrence ? parseRecurrence(b.recurrence, start.timeZone) : null,
      attendees: parseAttendees(b.attendees),
      location: { displayName: (b.location as { displayName?: string } | undefined)?.displayName ?? (isOnlineMeeting ? 'Microsoft Teams-Besprechung' : '') },
      organizer: { emailAddress: { name: me?.displayName ?? ctx.user.displayName, address } },
      isOnlineMeeting,
      onlineMeetingProvider: isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: null,
      onlineMeetingId: null,
      iCalUId: `040000008200E00074C5B7101A82E008000000${randomUUID().replace(/-/g, '').toUpperCase()}`,
      transactionId,
      categories: Array.isArray(b.categories) ? b.categories.map(String) : [],
      isCancelled: false,
      cancelledOccurrences: [],
      importance: b.importance === 'high' || b.importance === 'low' ? b.importance : 'normal',
      showAs: 'busy',
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      allowNewTimeProposals: b.allowNewTimeProposals !== false,
      responseRequested: b.responseRequested !== false,
    };
    const r = ctx.store.transaction(() => {
      const inserted = events(ctx.store).insert(data);
      if (!isOnlineMeeting) return inserted;
      return events(ctx.store).update(inserted.id, (e) => goOnline(ctx, inserted.id, e));
    });
    return created({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/events/$entity"), ...serialize(ctx, r, zoneFor(ctx, start.timeZone)) });
  },
};

const getEvent: GraphRoute = {
  method: 'GET',
  path: '/me/events/{id}',
  permission: permissions.calendarsRead,
  handler: (ctx) => {
    const occ = parseOccurrenceId(ctx.params.id!);
    const zone = zoneFor(ctx);
    let value: Resource;
    if (occ) {
      const r = ownEvent(ctx, occ.masterId);
      const exists = occurrenceStarts(r.data, new Date(occ.start.getTime() + 1)).some((s) => s.getTime() === occ.start.getTime());
      if (!exists) throw notFound();
      value = serialize(ctx, r, zone, { start: occ.start });
    } else {
      value = serialize(ctx, ownEvent(ctx, ctx.params.id!), zone);
    }
    const query = parseQueryOptions(ctx.query);
    return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/events/$entity"), ...project(value, query, { typeName: 'microsoft.graph.event', knownProperties: [...EVENT_PROPERTIES], alwaysSelected: ['id', '@odata.etag'] }) });
  },
};

const updateEvent: GraphRoute = {
  method: 'PATCH',
  path: '/me/events/{id}',
  permission: permissions.calendarsWrite,
  handler: (ctx) => {
    if (parseOccurrenceId(ctx.params.id!)) throw invalid('Changing a single occurrence is not supported by this emulator; change the series.');
    const current = ownEvent(ctx, ctx.params.id!);
    const b = bodyOf(ctx);
    const next: StoredEvent = { ...current.data };
    if (typeof b.subject === 'string') next.subject = b.subject;
    if (b.body) {
      const body = b.body as { contentType?: string; content?: string };
      next.body = { contentType: body.contentType?.toLowerCase() === 'html' ? 'html' : 'text', content: body.content ?? '' };
    }
    if (b.start) next.start = parseDateTimeTimeZone(b.start, 'start');
    if (b.end) next.end = parseDateTimeTimeZone(b.end, 'end');
    if (instantOf(next.end).getTime() < instantOf(next.start).getTime()) throw invalid('The end of the event lies before its start.');
    if (b.recurrence !== undefined) next.recurrence = b.recurrence === null ? null : parseRecurrence(b.recurrence, next.start.timeZone);
    if (b.attendees !== undefined) next.attendees = parseAttendees(b.attendees);
    if (b.recurrence !== undefined || b.start) next.cancelledOccurrences = [];
    const r = ctx.store.transaction(() => {
      const updated = onlineAfterPatch(ctx, current.id, b, next);
      if (updated.onlineMeetingId && updated.onlineMeetingId === current.data.onlineMeetingId) {
        updateOnlineMeeting(ctx.store, updated.onlineMeetingId, {
          subject: updated.subject,
          attendees: onlineMeetingParticipants(ctx, updated),
          startDateTime: instantOf(updated.start).toISOString(),
          endDateTime: instantOf(updated.end).toISOString(),
        });
      }
      return events(ctx.store).update(current.id, () => updated);
    });
    return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/events/$entity"), ...serialize(ctx, r, zoneFor(ctx, r.data.start.timeZone)) });
  },
};

function removeEvent(ctx: GraphContext): EmulatorResponse {
  const occ = parseOccurrenceId(ctx.params.id!);
  if (occ) {
    const r = ownEvent(ctx, occ.masterId);
    events(ctx.store).update(r.id, (e) => ({ ...e, cancelledOccurrences: [...new Set([...e.cancelledOccurrences, occ.start.toISOString()])] }));
    return noContent();
  }
  const r = ownEvent(ctx, ctx.params.id!);
  events(ctx.store).delete(r.id);
  return noContent();
}

const deleteEvent: GraphRoute = { method: 'DELETE', path: '/me/events/{id}', permission: permissions.calendarsWrite, handler: removeEvent };

const cancelEvent: GraphRoute = {
  method: 'POST',
  path: '/me/events/{id}/cancel',
  permission: permissions.calendarsWrite,
  handler: (ctx) => {
    const occ = parseOccurrenceId(ctx.params.id!);
    const master = ownEvent(ctx, occ?.masterId ?? ctx.params.id!);
    if (master.data.ownerId !== ctx.user.id) throw new GraphError(400, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to cancel a meeting.');
    const comment = (ctx.body as { comment?: unknown } | undefined)?.comment;
    if (comment !== undefined && typeof comment !== 'string') throw invalid('comment must be a string.');
    removeEvent(ctx);
    return { status: 202, headers: {} };
  },
};

const listEvents: GraphRoute = {
  method: 'GET',
  path: '/me/events',
  permission: permissions.calendarsRead,
  handler: (ctx) => {
    const zone = zoneFor(ctx);
    const mine = events(ctx.store).list().filter((r) => r.data.ownerId === ctx.user.id && !r.data.isCancelled);
    return listAnswer(ctx, mine.map((r) => serialize(ctx, r, zone)), "users('" + ctx.user.id + "')/events");
  },
};

const instances: GraphRoute = {
  method: 'GET',
  path: '/me/events/{id}/instances',
  permission: permissions.calendarsRead,
  handler: (ctx) => {
    const { from, to } = window(ctx);
    const r = ownEvent(ctx, ctx.params.id!);
    stripWindowOptions(ctx);
    return listAnswer(ctx, overlapping(ctx, [r], from, to, zoneFor(ctx)), "users('" + ctx.user.id + "')/events('" + r.id + "')/instances");
  },
};

const calendarView: GraphRoute = {
  method: 'GET',
  path: '/me/calendarView',
  permission: permissions.calendarsRead,
  handler: (ctx) => {
    const { from, to } = window(ctx);
    const mine = events(ctx.store).list().filter((r) => r.data.ownerId === ctx.user.id);
    stripWindowOptions(ctx);
    return listAnswer(ctx, overlapping(ctx, mine, from, to, zoneFor(ctx)), "users('" + ctx.user.id + "')/calendarView");
  },
};

export const calendarRoutes: GraphRoute[] = [createEvent, listEvents, getEvent, updateEvent, deleteEvent, cancelEvent, instances, calendarView];
