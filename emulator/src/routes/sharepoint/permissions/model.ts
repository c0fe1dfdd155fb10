/**
 * What SharePoint's permission model keeps in the store, per site collection (each emulated site is one):
 *   sp.roleDefs     id `<siteId>:<roleDefId>`                 role definitions (permission levels), parent = site id
 *   sp.principals   id `<siteId>:<principalId>`               users, Entra groups (claims), SharePoint site groups
 *   sp.securables   id `web:<siteId>` | `list:<listId>` | `item:<listId>:<itemId>`
 *                   a securable with unique role assignments (no record = inherits from its parent)
 *   sp.listSettings id `<listId>`                             EnableVersioning, ReadSecurity, WriteSecurity
 * Principal ids share one sequence with the User Information List (a user's principal id is its lookup id).
 */
import type { Store } from '../../../store/store';

export const ROLE_DEFS = 'sp.roleDefs';
export const PRINCIPALS = 'sp.principals';
export const SECURABLES = 'sp.securables';
export const LIST_SETTINGS = 'sp.listSettings';

export interface RoleDefRecord {
  siteId: string;
  id: number;
  name: string;
  description: string;
  order: number;
  roleTypeKind: number;
  hidden: boolean;
  /** The base permission mask, decimal. */
  mask: string;
}

/** SP.PrincipalType: User 1, SecurityGroup 4, SharePointGroup 8. */
export type PrincipalType = 1 | 4 | 8;

export type PrincipalClaim =
  /** A user; `objectId` = the user's Entra object id. */
  | 'user'
  /** An Entra security group or the members of a Microsoft 365 group; `objectId` = the group's id. */
  | 'group'
  /** The owners of a Microsoft 365 group (claim `…|<groupId>_o`). */
  | 'groupOwners'
  /** "Everyone except external users": every member of the tenant. */
  | 'everyone'
  /** A SharePoint site group; `members` = principal ids. */
  | 'siteGroup';

export interface PrincipalRecord {
  siteId: string;
  id: number;
  type: PrincipalType;
  claim: PrincipalClaim;
  loginName: string;
  title: string;
  email: string;
  objectId?: string;
  /** Site groups: member principal ids, owner title, description. */
  members?: number[];
  ownerTitle?: string;
  description?: string;
}

export interface RoleAssignmentRecord {
  principalId: number;
  roleDefIds: number[];
}

export type SecurableScope = { kind: 'web' } | { kind: 'list'; listId: string } | { kind: 'item'; listId: string; itemId: number };

export interface SecurableRecord {
  siteId: string;
  scope: SecurableScope;
  assignments: RoleAssignmentRecord[];
  /** Only on the web: principal ids of the site collection administrators (they bypass every check). */
  siteAdmins?: number[];
}

export interface ListSettingsRecord {
  enableVersioning: boolean;
  /** 1 = read all items, 2 = read only items one created. */
  readSecurity: 1 | 2;
  /** 1 = edit all items, 2 = edit only items one created, 4 = none. */
  writeSecurity: 1 | 2 | 4;
}

export const roleDefs = (store: Store) => store.collection<RoleDefRecord>(ROLE_DEFS);
export const principals = (store: Store) => store.collection<PrincipalRecord>(PRINCIPALS);
export const securables = (store: Store) => store.collection<SecurableRecord>(SECURABLES);
export const listSettingsCollection = (store: Store) => store.collection<ListSettingsRecord>(LIST_SETTINGS);

export function securableKey(siteId: string, scope: SecurableScope): string {
  if (scope.kind === 'web') return `web:${siteId}`;
  if (scope.kind === 'list') return `list:${scope.listId}`;
  return `item:${scope.listId}:${scope.itemId}`;
}

export function principalKey(siteId: string, id: number): string {
  return `${siteId}:${id}`;
}

export function roleDefKey(siteId: string, id: number): string {
  return `${siteId}:${id}`;
}

/**
 * A list's settings. SharePoint Online turns versioning on for new lists and libraries; items are readable
 * and editable by everyone with permission (ReadSecurity = WriteSecurity = 1) until a list owner changes it.
 */
export function listSettings(store: Store, listId: string): ListSettingsRecord {
  return listSettingsCollection(store).get(listId)?.data ?? { enableVersioning: true, readSecurity: 1, writeSecurity: 1 };
}

export function setListSettings(store: Store, listId: string, siteId: string, changes: Partial<ListSettingsRecord>, at: Date): ListSettingsRecord {
  const next = { ...listSettings(store, listId), ...changes };
  const c = listSettingsCollection(store);
  if (c.get(listId)) c.update(listId, () => next, { at });
  else c.insert(next, { id: listId, parentId: siteId, at });
  return next;
}
