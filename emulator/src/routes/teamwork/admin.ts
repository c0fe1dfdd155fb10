/**
 * Admin API of the teamwork module (plain JSON, outside /v1.0):
 * - `PUT /_admin/teamwork/apps/{teamsAppId}` `{ webApplicationInfo: { id }, activities?: { activityTypes: [...] },
 *   installedFor: [upn | id] }` — uploads the app to the tenant's catalog and installs it for those users
 *   (what a Teams admin does with the app package and a setup policy). The manifest's own shapes are checked:
 *   activityTypes need type (≤ 64), description and templateText (≤ 128); `systemDefault` is reserved.
 * - `GET /_admin/teamwork/apps` → the registered apps.
 * - `GET /_admin/teamwork/notifications?user=<upn | id>` → the activity feed of that user, newest first.
 */
import type { BaseContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { PlainRoute } from '../../module';
import { findUser } from '../identity/directory';
import { notifications, SYSTEM_DEFAULT, teamsApps, type ActivityType } from './model';

const bad = (message: string) => new GraphError(400, 'BadRequest', message);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function activityTypes(value: unknown): ActivityType[] {
  if (value === undefined) return [];
  const list = (value as { activityTypes?: unknown }).activityTypes;
  if (!Array.isArray(list)) throw bad('activities.activityTypes must be an array.');
  if (list.length > 128) throw bad('activities.activityTypes holds at most 128 types.');
  const seen = new Set<string>();
  return list.map((raw: unknown) => {
    const t = (raw ?? {}) as Record<string, unknown>;
    if (typeof t.type !== 'string' || !t.type || t.type.length > 64) throw bad('Every activity type needs a type of 1 to 64 characters.');
    if (t.type === SYSTEM_DEFAULT) throw bad('systemDefault is a reserved activity type and cannot be declared.');
    if (seen.has(t.type)) throw bad(`The activity type "${t.type}" is declared twice.`);
    seen.add(t.type);
    for (const key of ['description', 'templateText'] as const) {
      if (typeof t[key] !== 'string' || !t[key] || (t[key] as string).length > 128) throw bad(`Activity type "${t.type}" needs a ${key} of 1 to 128 characters.`);
    }
    return { type: t.type, description: t.description as string, templateText: t.templateText as string };
  });
}

export const teamworkAdminRoutes: PlainRoute[] = [
  {
    method: 'PUT',
    path: '/teamwork/apps/{teamsAppId}',
    handler: (ctx: BaseContext) => {
      const teamsAppId = ctx.params.teamsAppId!;
      if (!UUID.test(teamsAppId)) throw bad('The Teams app id (manifest id) must be a GUID.');
      const body = (ctx.body ?? {}) as { webApplicationInfo?: { id?: unknown }; activities?: unknown; installedFor?: unknown };
      const entraAppId = body.webApplicationInfo?.id;
      if (typeof entraAppId !== 'string' || !UUID.test(entraAppId)) throw bad('webApplicationInfo.id (the Entra app id) must be a GUID.');
      if (!Array.isArray(body.installedFor)) throw bad('installedFor must list users (upn or id).');
      const installedFor = body.installedFor.map((u: unknown) => {
        const user = typeof u === 'string' ? findUser(ctx.store, u) : undefined;
        if (!user?.id) throw bad(`Unknown user: ${String(u)}`);
        return user.id;
      });
      const data = { teamsAppId, entraAppId, activityTypes: activityTypes(body.activities), installedFor: [...new Set(installedFor)] };
      const existing = teamsApps(ctx.store).get(teamsAppId);
      if (existing) teamsApps(ctx.store).update(teamsAppId, () => data);
      else teamsApps(ctx.store).insert(data, { id: teamsAppId });
      return ok(data);
    },
  },
  {
    method: 'GET',
    path: '/teamwork/apps',
    handler: (ctx: BaseContext) => ok(teamsApps(ctx.store).list().map((r) => r.data)),
  },
  {
    method: 'GET',
    path: '/teamwork/notifications',
    handler: (ctx: BaseContext) => {
      const wanted = ctx.query.get('user');
      const user = wanted ? findUser(ctx.store, wanted) : undefined;
      if (!user?.id) throw bad('Name the recipient: ?user=<upn or id>.');
      const feed = notifications(ctx.store)
        .list()
        .filter((r) => r.data.recipientId === user.id)
        .map((r) => ({ id: r.id, ...r.data }))
        .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
      return ok(feed);
    },
  },
];
