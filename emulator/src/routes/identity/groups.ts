/** GET /me/memberOf, /users/{id}/memberOf, /groups, /groups/{id}, /groups/{id}/members, /groups/{id}/transitiveMembers, /groups/{id}/owners. */
import type { Group, User } from '@microsoft/microsoft-graph-types';
import { permissions } from '../../auth/permissions';
import { errors } from '../../http/graphError';
import type { GraphContext } from '../../http/context';
import type { GraphRoute } from '../../module';
import { groups, groupsOf, membersOf, ownersOf } from './directory';
import { getDirectoryObject, listDirectoryObjects, type DirectoryShape } from './collections';
import { DEFAULT_GROUP_PROPERTIES, DEFAULT_USER_PROPERTIES, GROUP_SEARCHABLE, USER_PROPERTIES, USER_SEARCHABLE, fullGroup, fullUser } from './shapes';
import { requireUser } from './users';

const GROUP_SHAPE: DirectoryShape = {
  entitySet: 'groups',
  typeName: 'microsoft.graph.group',
  knownProperties: DEFAULT_GROUP_PROPERTIES,
  defaultSelect: DEFAULT_GROUP_PROPERTIES,
  searchable: GROUP_SEARCHABLE,
  sortable: ['displayName'],
};

/**
 * memberOf answers directoryObjects: each item carries its @odata.type. Graph: "ConsistencyLevel
 * and $count are required when using $search, $filter, $orderby" on memberOf and members.
 */
const MEMBER_OF_SHAPE: DirectoryShape = {
  ...GROUP_SHAPE,
  entitySet: 'directoryObjects',
  typeName: 'microsoft.graph.directoryObject',
  queriesNeedAdvanced: true,
};
const MEMBER_OF_GROUPS_SHAPE: DirectoryShape = { ...GROUP_SHAPE, queriesNeedAdvanced: true };
const MEMBERS_SHAPE: DirectoryShape = {
  entitySet: 'directoryObjects',
  typeName: 'microsoft.graph.directoryObject',
  knownProperties: USER_PROPERTIES,
  defaultSelect: DEFAULT_USER_PROPERTIES,
  searchable: USER_SEARCHABLE,
  sortable: ['displayName'],
  queriesNeedAdvanced: true,
};

function asGroupObject(group: Group): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.group', ...fullGroup(group) };
}

function asUserObject(user: User): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.user', ...fullUser(user) };
}

function requireGroup(ctx: GraphContext, id: string): Group {
  const group = groups(ctx.store).get(id)?.data;
  if (!group) throw errors.directoryNotFound(id);
  return group;
}

/** Permissions that may read group objects; without one, memberOf answers groups with limited information. */
const GROUP_READERS = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/**
 * Graph's "limited information returned for inaccessible member objects": a caller that may not read
 * groups (e.g. only User.Read) gets each group with its @odata.type and id, every other property null.
 */
function visibleGroup(ctx: GraphContext, group: Record<string, unknown>): Record<string, unknown> {
  return mayRead(ctx, GROUP_READERS) ? group : limited(group);
}

/**
 * Permissions that may read user objects. GroupMember.Read.All alone lists a group's members, but each
 * user comes back with its @odata.type and id only, the rest null (same Graph rule as above; public
 * Q&A "Microsoft Graph API /members - returns mail: null", answered with that documented rule).
 */
const USER_READERS = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

function visibleUser(ctx: GraphContext, user: Record<string, unknown>): Record<string, unknown> {
  return mayRead(ctx, USER_READERS) ? user : limited(user);
}

function mayRead(ctx: GraphContext, readers: readonly string[]): boolean {
  const granted = new Set(ctx.user.scopes.map((s) => s.toLowerCase()));
  return readers.some((scope) => granted.has(scope.toLowerCase()));
}

function limited(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === 'id' || key === '@odata.type' ? value : null]));
}

function memberOf(ctx: GraphContext, userIdOrUpn: string) {
  const user = requireUser(ctx, userIdOrUpn);
  return listDirectoryObjects(ctx, groupsOf(ctx.store, user.id as string).map((g) => visibleGroup(ctx, asGroupObject(g))), MEMBER_OF_SHAPE);
}

/** `/memberOf/microsoft.graph.group`: the OData cast answers groups (context `groups`, no @odata.type). */
function memberOfGroups(ctx: GraphContext, userIdOrUpn: string) {
  const user = requireUser(ctx, userIdOrUpn);
  return listDirectoryObjects(ctx, groupsOf(ctx.store, user.id as string).map((g) => visibleGroup(ctx, fullGroup(g))), MEMBER_OF_GROUPS_SHAPE);
}

export const groupRoutes: GraphRoute[] = [
  { method: 'GET', path: '/me/memberOf', permission: permissions.memberOf, handler: (ctx) => memberOf(ctx, ctx.user.id) },
  { method: 'GET', path: '/users/{id}/memberOf', permission: permissions.memberOf, handler: (ctx) => memberOf(ctx, ctx.params.id ?? '') },
  { method: 'GET', path: '/me/memberOf/microsoft.graph.group', permission: permissions.memberOf, handler: (ctx) => memberOfGroups(ctx, ctx.user.id) },
  {
    method: 'GET',
    path: '/users/{id}/memberOf/microsoft.graph.group',
    permission: permissions.memberOf,
    handler: (ctx) => memberOfGroups(ctx, ctx.params.id ?? ''),
  },
  {
    method: 'GET',
    path: '/groups',
    permission: permissions.groupsRead,
    handler: (ctx) => listDirectoryObjects(ctx, groups(ctx.store).list().map((r) => fullGroup(r.data)), GROUP_SHAPE),
  },
  {
    method: 'GET',
    path: '/groups/{id}',
    permission: permissions.groupsRead,
    handler: (ctx) => getDirectoryObject(ctx, fullGroup(requireGroup(ctx, ctx.params.id ?? '')), GROUP_SHAPE),
  },
  {
    method: 'GET',
    path: '/groups/{id}/members',
    permission: permissions.groupMembersRead,
    handler: (ctx) => {
      const group = requireGroup(ctx, ctx.params.id ?? '');
      return listDirectoryObjects(ctx, membersOf(ctx.store, group.id as string).map((u) => visibleUser(ctx, asUserObject(u))), MEMBERS_SHAPE);
    },
  },
  {
    // Learn "List group transitive members": a flat list of all nested members, least privileged GroupMember.Read.All,
    // limited information without a user-reading permission. The emulated directory has no nested groups, so the
    // flat list is the group's users.
    method: 'GET',
    path: '/groups/{id}/transitiveMembers',
    permission: permissions.groupMembersRead,
    handler: (ctx) => {
      const group = requireGroup(ctx, ctx.params.id ?? '');
      return listDirectoryObjects(ctx, membersOf(ctx.store, group.id as string).map((u) => visibleUser(ctx, asUserObject(u))), MEMBERS_SHAPE);
    },
  },
  {
    // Learn "List group owners": GET /groups/{id}/owners, least privileged GroupMember.Read.All (same table as members);
    // directoryObjects with @odata.type, limited information without a user-reading permission.
    method: 'GET',
    path: '/groups/{id}/owners',
    permission: permissions.groupMembersRead,
    handler: (ctx) => {
      const group = requireGroup(ctx, ctx.params.id ?? '');
      return listDirectoryObjects(ctx, ownersOf(ctx.store, group.id as string).map((u) => visibleUser(ctx, asUserObject(u))), MEMBERS_SHAPE);
    },
  },
];
