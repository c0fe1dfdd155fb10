/**
 * Effective permissions: the union of the role definitions bound to every principal the user is in, on the
 * nearest securable with unique role assignments (item → list → web). Site collection administrators hold
 * every permission everywhere. Learn: "SecurableObject.BreakRoleInheritance" / "HasUniqueRoleAssignments";
 * group-connected team sites make the Microsoft 365 group's owners site collection admins (Learn,
 * "Site collection admins in SharePoint": "group owners are site admins").
 */
import type { Store } from '../../../store/store';
import type { StoredSite } from '../repo';
import { FULL_MASK } from './basePermissions';
import { roleDefKey, roleDefs, securableKey, securables, type SecurableRecord, type SecurableScope } from './model';
import { getPrincipal, principalContains } from './principals';

export function webSecurable(store: Store, site: StoredSite): SecurableRecord | undefined {
  return securables(store).get(securableKey(site.id, { kind: 'web' }))?.data;
}

/** The securable whose role assignments apply to a scope. */
export function nearestSecurable(store: Store, site: StoredSite, scope: SecurableScope): { record: SecurableRecord | undefined; scope: SecurableScope } {
  const chain: SecurableScope[] =
    scope.kind === 'item' ? [scope, { kind: 'list', listId: scope.listId }, { kind: 'web' }] : scope.kind === 'list' ? [scope, { kind: 'web' }] : [scope];
  for (const s of chain) {
    const record = securables(store).get(securableKey(site.id, s))?.data;
    if (record) return { record, scope: s };
  }
  return { record: undefined, scope: { kind: 'web' } };
}

export function hasUniqueRoleAssignments(store: Store, site: StoredSite, scope: SecurableScope): boolean {
  return securables(store).get(securableKey(site.id, scope)) !== undefined;
}

export function isSiteAdmin(store: Store, site: StoredSite, userId: string): boolean {
  const web = webSecurable(store, site);
  return (web?.siteAdmins ?? []).some((id) => {
    const principal = getPrincipal(store, site, id);
    return principal !== undefined && principalContains(store, site, principal, userId);
  });
}

export function roleMask(store: Store, site: StoredSite, roleDefId: number): bigint {
  const def = roleDefs(store).get(roleDefKey(site.id, roleDefId))?.data;
  return def ? BigInt(def.mask) : 0n;
}

/** The permission mask of a user on a securable. */
export function effectiveMask(store: Store, site: StoredSite, userId: string, scope: SecurableScope): bigint {
  if (isSiteAdmin(store, site, userId)) return FULL_MASK;
  const { record } = nearestSecurable(store, site, scope);
  let mask = 0n;
  for (const assignment of record?.assignments ?? []) {
    const principal = getPrincipal(store, site, assignment.principalId);
    if (!principal || !principalContains(store, site, principal, userId)) continue;
    for (const id of assignment.roleDefIds) mask |= roleMask(store, site, id);
  }
  return mask;
}
