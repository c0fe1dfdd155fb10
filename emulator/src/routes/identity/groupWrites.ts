/**
 * Writing groups, as a tenant's users and administrators do through Graph:
 * - POST /groups (Learn "Create group", https://learn.microsoft.com/graph/api/group-post-groups): delegated
 *   Group.ReadWrite.All (least privileged) or Directory.ReadWrite.All; displayName, mailEnabled, mailNickname and
 *   securityEnabled are required; 201 with the group. Created with a delegated token, the signed-in user becomes its
 *   owner (pnp/pnpframework#680: "similar behavior as when we use delegated permissions").
 * - PATCH /groups/{id} (Learn "Update group", https://learn.microsoft.com/graph/api/group-update): Group.ReadWrite.All
 *   or Directory.ReadWrite.All; 204 No Content. Display names are not unique in Entra.
 * - POST /groups/{id}/members/$ref (Learn "Add members", https://learn.microsoft.com/graph/api/group-post-members):
 *   GroupMember.ReadWrite.All (least privileged), Group.ReadWrite.All, Directory.ReadWrite.All; body
 *   `{ "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}" }`; 204; an existing member → 400.
 * In delegated scenarios Graph also wants the signed-in user to hold an Entra role or own the group ("owners are a set
 * of users ... who are allowed to modify the group object", Learn "Add owners"); the emulator has no directory roles,
 * so only owners may change a group (others → 403 Authorization_RequestDenied).
 */
import { randomUUID } from 'node:crypto';
import type { Group } from '@microsoft/microsoft-graph-types';
import { anyOf, DIRECTORY_DENIED } from '../../auth/permissions';
import { errors, GraphError } from '../../http/graphError';
import type { GraphContext } from '../../http/context';
import { created, noContent } from '../../http/response';
import type { GraphRoute } from '../../module';
import { groups, isOwnerOf, membershipId, memberships, ownerships, users } from './directory';
import { fullGroup } from './shapes';

const groupWrite = anyOf(['Group.ReadWrite.All', 'Directory.ReadWrite.All']);
const memberWrite = anyOf(['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All']);
const WRITABLE = ['displayName', 'description', 'mailNickname', 'visibility'] as const;

function objectBody(ctx: GraphContext): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) throw errors.badRequest('The request body must be a JSON object.');
  return ctx.body as Record<string, unknown>;
}

function ownedGroup(ctx: GraphContext, id: string): Group {
  const group = groups(ctx.store).get(id)?.data;
  if (!group) throw errors.directoryNotFound(id);
  if (!isOwnerOf(ctx.store, id, ctx.user.id)) throw new GraphError(403, DIRECTORY_DENIED.code, DIRECTORY_DENIED.message);
  return group;
}

function createGroup(ctx: GraphContext) {
  const body = objectBody(ctx);
  for (const property of ['displayName', 'mailNickname'] as const) {
    if (typeof body[property] !== 'string' || (body[property] as string).trim() === '') throw errors.badRequest(`Invalid value specified for property '${property}' of resource 'Group'.`);
  }
  for (const property of ['mailEnabled', 'securityEnabled'] as const) {
    if (typeof body[property] !== 'boolean') throw errors.badRequest(`Invalid value specified for property '${property}' of resource 'Group'.`);
  }
  const id = randomUUID();
  const nickname = body.mailNickname as string;
  const group: Group = {
    id,
    displayName: body.displayName as string,
    description: typeof body.description === 'string' ? body.description : null,
    mailNickname: nickname,
    mailEnabled: body.mailEnabled as boolean,
    securityEnabled: body.securityEnabled as boolean,
    groupTypes: Array.isArray(body.groupTypes) ? (body.groupTypes as string[]) : [],
    mail: body.mailEnabled ? `${nickname}@${ctx.tenant.domain}` : null,
    visibility: typeof body.visibility === 'string' ? body.visibility : null,
    createdDateTime: ctx.now.toISOString(),
  };
  groups(ctx.store).insert(group, { id });
  ownerships(ctx.store).insert({ groupId: id, memberId: ctx.user.id }, { id: membershipId(id, ctx.user.id), parentId: id });
  return created({ '@odata.context': ctx.odataContext('groups/$entity'), ...fullGroup(group) });
}

function updateGroup(ctx: GraphContext) {
  const id = ctx.params.id ?? '';
  ownedGroup(ctx, id);
  const body = objectBody(ctx);
  const changes: Partial<Group> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(WRITABLE as readonly string[]).includes(key)) throw errors.badRequest(`Property '${key}' is read-only or unknown and cannot be set.`);
    if (typeof value !== 'string') throw errors.badRequest(`Invalid value specified for property '${key}' of resource 'Group'.`);
    (changes as Record<string, string>)[key] = value;
  }
  groups(ctx.store).update(id, (current) => ({ ...current, ...changes }));
  return noContent();
}

function addMember(ctx: GraphContext) {
  const id = ctx.params.id ?? '';
  ownedGroup(ctx, id);
  const ref = objectBody(ctx)['@odata.id'];
  const memberId = typeof ref === 'string' ? /\/([0-9a-f-]{36})\/?$/i.exec(ref)?.[1] : undefined;
  if (!memberId) throw errors.badRequest("Invalid URL format specified in @odata.id.");
  if (!users(ctx.store).get(memberId) && !groups(ctx.store).get(memberId)) throw errors.directoryNotFound(memberId);
  if (memberships(ctx.store).get(membershipId(id, memberId))) {
    throw errors.badRequest('One or more added object references already exist for the following modified properties: \'members\'.');
  }
  memberships(ctx.store).insert({ groupId: id, memberId }, { id: membershipId(id, memberId), parentId: id });
  return noContent();
}

export const groupWriteRoutes: GraphRoute[] = [
  { method: 'POST', path: '/groups', permission: groupWrite, handler: createGroup },
  { method: 'PATCH', path: '/groups/{id}', permission: groupWrite, handler: updateGroup },
  { method: 'POST', path: '/groups/{id}/members/$ref', permission: memberWrite, handler: addMember },
];
