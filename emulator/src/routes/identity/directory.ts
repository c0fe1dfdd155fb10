/**
 * The directory (users, groups, memberships, organization) in the store. Other modules use
 * `findUser` and `identityOf` to resolve people (e.g. createdBy).
 */
import type { Group, Organization, User } from '@microsoft/microsoft-graph-types';
import type { AuthUser } from '../../http/context';
import type { Store } from '../../store/store';

export const USERS = 'directory.users';
export const GROUPS = 'directory.groups';
export const MEMBERSHIPS = 'directory.memberships';
export const ORGANIZATION = 'directory.organization';
/** Group owners: id `<groupId>|<ownerId>`, parent = group id. */
export const OWNERSHIPS = 'directory.owners';

export interface Membership {
  groupId: string;
  memberId: string;
}

export function users(store: Store) {
  return store.collection<User>(USERS);
}
export function groups(store: Store) {
  return store.collection<Group>(GROUPS);
}
export function memberships(store: Store) {
  return store.collection<Membership>(MEMBERSHIPS);
}
export function ownerships(store: Store) {
  return store.collection<Membership>(OWNERSHIPS);
}
export function organizations(store: Store) {
  return store.collection<Organization>(ORGANIZATION);
}

/** By id or userPrincipalName (case-insensitive), like /users/{id | userPrincipalName}. */
export function findUser(store: Store, idOrUpn: string): User | undefined {
  const c = users(store);
  const byId = c.get(idOrUpn);
  if (byId) return byId.data;
  const wanted = idOrUpn.toLowerCase();
  return c.find((u) => u.userPrincipalName?.toLowerCase() === wanted)?.data;
}

export function membershipId(groupId: string, memberId: string): string {
  return `${groupId}|${memberId}`;
}

export function groupsOf(store: Store, userId: string): Group[] {
  const ids = memberships(store)
    .list()
    .filter((m) => m.data.memberId === userId)
    .map((m) => m.data.groupId);
  return ids.map((id) => groups(store).get(id)?.data).filter((g): g is Group => g !== undefined);
}

export function membersOf(store: Store, groupId: string): User[] {
  return memberships(store)
    .list({ parentId: groupId })
    .map((m) => users(store).get(m.data.memberId)?.data)
    .filter((u): u is User => u !== undefined);
}

export function ownersOf(store: Store, groupId: string): User[] {
  return ownerships(store)
    .list({ parentId: groupId })
    .map((m) => users(store).get(m.data.memberId)?.data)
    .filter((u): u is User => u !== undefined);
}

export function isOwnerOf(store: Store, groupId: string, userId: string): boolean {
  return ownerships(store).get(membershipId(groupId, userId)) !== undefined;
}

/** Direct member of the group, or a member of a group that is a member (nested groups), like Entra's transitive membership. */
export function isMemberOf(store: Store, groupId: string, userId: string, seen: Set<string> = new Set()): boolean {
  if (memberships(store).get(membershipId(groupId, userId))) return true;
  if (seen.has(groupId)) return false;
  seen.add(groupId);
  return memberships(store)
    .list({ parentId: groupId })
    .some((m) => groups(store).get(m.data.memberId) !== undefined && isMemberOf(store, m.data.memberId, userId, seen));
}

/** Graph's identitySet for createdBy/lastModifiedBy. */
export function identityOf(store: Store, user: AuthUser): { user: { id: string; displayName: string; email?: string } } {
  const stored = findUser(store, user.id);
  const email = stored?.mail ?? undefined;
  return { user: email ? { id: user.id, displayName: stored?.displayName ?? user.displayName, email } : { id: user.id, displayName: user.displayName } };
}
