/**
 * Teams activity feed notifications (Graph v1.0, "userTeamwork: sendActivityNotification"):
 * `POST /users/{id | upn}/teamwork/sendActivityNotification`, delegated TeamsActivity.Send, 204 No Content.
 * What Teams refuses, as documented on Microsoft Learn ("Send activity feed notifications to users in Microsoft
 * Teams") and, where Learn names no wording, as public issue threads report it:
 * - the calling Entra app (token `appid`) must belong to a Teams app (`webApplicationInfo.id`) that is installed
 *   for the recipient, else 403 ("… not authorized to generate custom text notifications … Ensure that the
 *   expected Teams app is installed in the target scope", OfficeDev/microsoft-365-agents-toolkit#6067);
 * - two installed Teams apps with the same Entra app → 409 Conflict (Learn FAQ);
 * - `activityType` must be declared in that app's manifest, except the reserved `systemDefault`;
 * - a `text` topic needs a `webUrl` on the Teams domain;
 * - a user cannot notify themselves (Learn FAQ).
 */
import { anyOf } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { errors, GraphError } from '../../http/graphError';
import { noContent } from '../../http/response';
import type { GraphRoute } from '../../module';
import { findUser } from '../identity/directory';
import { notifications, SYSTEM_DEFAULT, teamsApps, type StoredNotification } from './model';

const bad = (message: string) => new GraphError(400, 'BadRequest', message);
const TEAMS_HOSTS = ['teams.microsoft.com', 'teams.cloud.microsoft'];

function parseTopic(value: unknown): StoredNotification['topic'] {
  const t = (value ?? {}) as Record<string, unknown>;
  if (t.source !== 'entityUrl' && t.source !== 'text') throw bad("topic.source must be 'entityUrl' or 'text'.");
  if (typeof t.value !== 'string' || !t.value) throw bad('topic.value is required.');
  if (t.source === 'entityUrl') return { source: 'entityUrl', value: t.value };
  if (typeof t.webUrl !== 'string') throw bad("topic.webUrl is required when topic.source is 'text'.");
  let host = '';
  try {
    const url = new URL(t.webUrl);
    host = url.protocol === 'https:' ? url.hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  if (!TEAMS_HOSTS.includes(host)) throw bad('topic.webUrl must start with the Microsoft Teams domain (https://teams.microsoft.com/...).');
  return { source: 'text', value: t.value, webUrl: t.webUrl };
}

function parseParameters(value: unknown): StoredNotification['templateParameters'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw bad('templateParameters must be a collection of keyValuePair.');
  return value.map((p: unknown) => {
    const kv = (p ?? {}) as Record<string, unknown>;
    if (typeof kv.name !== 'string' || typeof kv.value !== 'string') throw bad('Every template parameter needs name and value strings.');
    return { name: kv.name, value: kv.value };
  });
}

function fill(template: string, actor: string, parameters: StoredNotification['templateParameters']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name === 'actor' ? actor : parameters.find((p) => p.name === name)?.value ?? whole));
}

function send(ctx: GraphContext) {
  const activityType = (ctx.body as { activityType?: unknown } | null)?.activityType;
  const recipient = findUser(ctx.store, ctx.params.userId!);
  if (!recipient?.id) throw errors.directoryNotFound(ctx.params.userId!);
  const recipientId = recipient.id;
  const b = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
  const topic = parseTopic(b.topic);
  if (typeof activityType !== 'string' || !activityType) throw bad('activityType is required.');
  const preview = (b.previewText ?? {}) as { content?: unknown };
  if (preview.content !== undefined && typeof preview.content !== 'string') throw bad('previewText.content must be a string.');
  const templateParameters = parseParameters(b.templateParameters);
  if (b.chainId !== undefined && !Number.isInteger(b.chainId)) throw bad('chainId must be an Int64.');
  if (recipientId === ctx.user.id) throw bad('A user cannot send an activity notification to themselves; use application permissions.');

  const installed = teamsApps(ctx.store)
    .list()
    .map((r) => r.data)
    .filter((app) => app.entraAppId.toLowerCase() === ctx.user.appId.toLowerCase() && app.installedFor.includes(recipientId));
  if (installed.length === 0) {
    throw new GraphError(
      403,
      'Forbidden',
      `Application with AAD App Id '${ctx.user.appId}' is not authorized to generate custom text notifications about '/v1.0/users/${recipientId}/teamwork/sendActivityNotification' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
    );
  }
  if (installed.length > 1) throw new GraphError(409, 'Conflict', `Found multiple applications with the same Microsoft Entra App ID '${ctx.user.appId}'.`);
  const app = installed[0]!;
  let template: string;
  if (activityType === SYSTEM_DEFAULT) {
    template = templateParameters.find((p) => p.name === 'systemDefaultText')?.value ?? '';
  } else {
    const declared = app.activityTypes.find((t) => t.type === activityType);
    if (!declared) throw bad(`The activity type '${activityType}' is not declared in the Teams app manifest (activities.activityTypes).`);
    template = declared.templateText;
  }
  notifications(ctx.store).insert({
    recipientId: recipientId,
    teamsAppId: app.teamsAppId,
    activityType,
    topic,
    previewText: typeof preview.content === 'string' ? preview.content : '',
    templateParameters,
    text: fill(template, ctx.user.displayName, templateParameters),
    ...(typeof b.chainId === 'number' ? { chainId: b.chainId } : {}),
    actor: { id: ctx.user.id, displayName: ctx.user.displayName, userPrincipalName: ctx.user.userPrincipalName },
    createdDateTime: ctx.now.toISOString(),
  });
  return noContent();
}

export const teamworkRoutes: GraphRoute[] = [
  {
    method: 'POST',
    path: '/users/{userId}/teamwork/sendActivityNotification',
    permission: anyOf(['TeamsActivity.Send']),
    handler: send,
  },
];
