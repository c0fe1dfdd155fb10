/**
 * SharePoint principals of a site collection: users, Entra groups by claim, SharePoint site groups.
 * Claims (login names) as SharePoint Online writes them:
 *   i:0#.f|membership|<upn>                                  a user
 *   c:0t.c|tenant|<objectId>                                 an Entra security group
 *   c:0o.c|federateddirectoryclaimprovider|<objectId>        the members of a Microsoft 365 group
 *   c:0o.c|federateddirectoryclaimprovider|<objectId>_o      the owners of a Microsoft 365 group
 *   c:0-.f|rolemanager|spo-grid-all-users/<tenantId>         Everyone except external users
 */
import { GraphError } from '../../../http/graphError';
import type { Store } from '../../../store/store';
import { findUser, groups, isMemberOf, isOwnerOf } from '../../identity/directory';
import type { StoredSite } from '../repo';
import { ensureUser, ensureUserInfoList } from '../userInfo';
import { lists } from '../repo';
import { principalKey, principals, type PrincipalClaim, type PrincipalRecord } from './model';

export const USER_CLAIM_PREFIX = 'i:0#.f|membership|';
export const SECURITY_GROUP_CLAIM_PREFIX = 'c:0t.c|tenant|';
export const M365_GROUP_CLAIM_PREFIX = 'c:0o.c|federateddirectoryclaimprovider|';
export const EVERYONE_CLAIM_PREFIX = 'c:0-.f|rolemanager|spo-grid-all-users/';

/** SharePoint's error for a logon name it cannot resolve (SPException). */
export function userNotFound(logonName: string): GraphError {
  return new GraphError(404, '-2146232832, Microsoft.SharePoint.SPException', `The user does not exist or is not unique: ${logonName}`);
}

export function getPrincipal(store: Store, site: StoredSite, id: number): PrincipalRecord | undefined {
  return principals(store).get(principalKey(site.id, id))?.data;
}

export function sitePrincipals(store: Store, site: StoredSite): PrincipalRecord[] {
  return principals(store)
    .list({ parentId: site.id })
    .map((p) => p.data)
    .sort((a, b) => a.id - b.id);
}

function upsert(store: Store, site: StoredSite, record: PrincipalRecord, at: Date): PrincipalRecord {
  const key = principalKey(site.id, record.id);
  const c = principals(store);
  if (c.get(key)) return c.update(key, (current) => ({ ...current, ...record, members: current.members ?? record.members }), { at }).data;
  return c.insert(record, { id: key, parentId: site.id, at }).data;
}

/** A new principal id from the site's one sequence (shared with the User Information List). */
export function nextPrincipalId(store: Store, site: StoredSite, at: Date): number {
  const listId = ensureUserInfoList(store, site, at);
  const updated = lists(store).update(listId, (current) => ({ ...current, nextItemId: current.nextItemId + 1 }), { at });
  return updated.data.nextItemId - 1;
}

export function ensureUserPrincipal(store: Store, site: StoredSite, user: { id: string; displayName: string; email?: string; upn: string }, at: Date): PrincipalRecord {
  const id = ensureUser(store, site, { id: user.id, displayName: user.displayName, email: user.email ?? user.upn }, at);
  const existing = getPrincipal(store, site, id);
  if (existing) return existing;
  return upsert(store, site, { siteId: site.id, id, type: 1, claim: 'user', loginName: `${USER_CLAIM_PREFIX}${user.upn.toLowerCase()}`, title: user.displayName, email: user.email ?? user.upn, objectId: user.id }, at);
}

export function ensureClaimPrincipal(
  store: Store,
  site: StoredSite,
  claim: Exclude<PrincipalClaim, 'user' | 'siteGroup'>,
  loginName: string,
  title: string,
  objectId: string | undefined,
  email: string,
  at: Date,
): PrincipalRecord {
  const existing = principals(store).find((p) => p.loginName.toLowerCase() === loginName.toLowerCase(), { parentId: site.id });
  if (existing) return existing.data;
  // Groups appear in the User Information List too; the identity key is the login name.
  const id = ensureUser(store, site, { id: loginName, displayName: title, email: undefined }, at);
  return upsert(store, site, { siteId: site.id, id, type: 4, claim, loginName, title, email, ...(objectId ? { objectId } : {}) }, at);
}

export function createSiteGroup(store: Store, site: StoredSite, title: string, members: number[], at: Date, description = ''): PrincipalRecord {
  const existing = principals(store).find((p) => p.claim === 'siteGroup' && p.title.toLowerCase() === title.toLowerCase(), { parentId: site.id });
  if (existing) return existing.data;
  const id = nextPrincipalId(store, site, at);
  return upsert(store, site, { siteId: site.id, id, type: 8, claim: 'siteGroup', loginName: title, title, email: '', members, ownerTitle: title, description }, at);
}

/**
 * Resolves a logon name (claim, UPN or e-mail) to a principal, adding it to the site like `ensureuser` does.
 * Groups must exist in the directory; a group claim of the wrong kind (security vs. Microsoft 365) is not resolved.
 */
export function ensurePrincipalByLogonName(store: Store, site: StoredSite, logonName: string, tenantId: string, at: Date): PrincipalRecord {
  const name = logonName.trim();
  const lower = name.toLowerCase();
  if (lower.startsWith(EVERYONE_CLAIM_PREFIX)) {
    if (lower !== `${EVERYONE_CLAIM_PREFIX}${tenantId}`.toLowerCase()) throw userNotFound(logonName);
    return ensureClaimPrincipal(store, site, 'everyone', name, 'Everyone except external users', undefined, '', at);
  }
  const groupClaim = lower.startsWith(SECURITY_GROUP_CLAIM_PREFIX) ? 'security' : lower.startsWith(M365_GROUP_CLAIM_PREFIX) ? 'm365' : undefined;
  if (groupClaim) {
    const rest = name.slice(groupClaim === 'security' ? SECURITY_GROUP_CLAIM_PREFIX.length : M365_GROUP_CLAIM_PREFIX.length);
    const owners = groupClaim === 'm365' && rest.toLowerCase().endsWith('_o');
    const objectId = (owners ? rest.slice(0, -2) : rest).toLowerCase();
    const group = groups(store).get(objectId)?.data;
    if (!group) throw userNotFound(logonName);
    const unified = (group.groupTypes ?? []).includes('Unified');
    if ((groupClaim === 'm365') !== unified) throw userNotFound(logonName);
    const title = owners ? `${group.displayName ?? ''} Owners` : (group.displayName ?? objectId);
    return ensureClaimPrincipal(store, site, owners ? 'groupOwners' : 'group', name.toLowerCase(), title, objectId, owners ? '' : (group.mail ?? ''), at);
  }
  const upn = lower.startsWith(USER_CLAIM_PREFIX) ? name.slice(USER_CLAIM_PREFIX.length) : name;
  const user = findUser(store, upn) ?? (lower.includes('@') ? undefined : undefined);
  if (!user?.id || !user.userPrincipalName) throw userNotFound(logonName);
  return ensureUserPrincipal(store, site, { id: user.id, displayName: user.displayName ?? upn, email: user.mail ?? undefined, upn: user.userPrincipalName }, at);
}

/** Whether the user is this principal or in it (groups transitively, site groups through their members). */
export function principalContains(store: Store, site: StoredSite, principal: PrincipalRecord, userId: string, seen: Set<number> = new Set()): boolean {
  switch (principal.claim) {
    case 'user':
      return principal.objectId === userId;
    case 'group':
      return principal.objectId !== undefined && isMemberOf(store, principal.objectId, userId);
    case 'groupOwners':
      return principal.objectId !== undefined && isOwnerOf(store, principal.objectId, userId);
    case 'everyone':
      return findUser(store, userId) !== undefined;
    case 'siteGroup': {
      if (seen.has(principal.id)) return false;
      seen.add(principal.id);
      return (principal.members ?? []).some((m) => {
        const member = getPrincipal(store, site, m);
        return member !== undefined && principalContains(store, site, member, userId, seen);
      });
    }
  }
}
