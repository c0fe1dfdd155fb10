/**
 * Changing role assignments: break and reset inheritance, add and remove a principal's role binding.
 * Learn, "SecurableObject.BreakRoleInheritance(copyRoleAssignments, clearSubscopes)": with
 * copyRoleAssignments=false "the collection of role assignments must contain only 1 role assignment containing
 * the current user after the operation"; clearSubscopes=true makes every child inherit again. A root web cannot
 * break inheritance (SPWeb.BreakRoleInheritance: "This site is a root site"). A principal given access to a list
 * or item gets Limited Access on the web (Learn, "RoleType Enumeration", Guest).
 */
import { GraphError } from '../../../http/graphError';
import type { Store } from '../../../store/store';
import type { StoredSite } from '../repo';
import { ROLE_IDS } from './basePermissions';
import { nearestSecurable, webSecurable } from './effective';
import { securableKey, securables, type RoleAssignmentRecord, type SecurableScope } from './model';

/** SharePoint's answer when a role assignment is changed on an object that still inherits. */
export function inheritsError(): GraphError {
  return new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
}

export function breakRoleInheritance(store: Store, site: StoredSite, scope: SecurableScope, copy: boolean, clearSubscopes: boolean, callerPrincipalId: number, at: Date): void {
  if (scope.kind === 'web') throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This site is a root site. Its permissions cannot be inherited or broken.');
  store.transaction(() => {
    const key = securableKey(site.id, scope);
    if (!securables(store).get(key)) {
      const inherited = nearestSecurable(store, site, scope).record?.assignments ?? [];
      const assignments: RoleAssignmentRecord[] = copy
        ? inherited.map((a) => ({ principalId: a.principalId, roleDefIds: [...a.roleDefIds] }))
        : [{ principalId: callerPrincipalId, roleDefIds: [ROLE_IDS.fullControl] }];
      securables(store).insert({ siteId: site.id, scope, assignments }, { id: key, parentId: site.id, at });
    }
    if (clearSubscopes && scope.kind === 'list') {
      for (const child of securables(store).list({ parentId: site.id })) {
        if (child.data.scope.kind === 'item' && child.data.scope.listId === scope.listId) securables(store).delete(child.id);
      }
    }
  });
}

export function resetRoleInheritance(store: Store, site: StoredSite, scope: SecurableScope): void {
  if (scope.kind === 'web') throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This site is a root site. Its permissions cannot be inherited or broken.');
  const key = securableKey(site.id, scope);
  if (securables(store).get(key)) securables(store).delete(key);
}

function uniqueOrThrow(store: Store, site: StoredSite, scope: SecurableScope) {
  const key = securableKey(site.id, scope);
  const record = securables(store).get(key);
  if (!record) throw inheritsError();
  return { key, record };
}

export function addRoleAssignment(store: Store, site: StoredSite, scope: SecurableScope, principalId: number, roleDefId: number, at: Date): void {
  store.transaction(() => {
    const { key } = uniqueOrThrow(store, site, scope);
    securables(store).update(
      key,
      (current) => {
        const existing = current.assignments.find((a) => a.principalId === principalId);
        const assignments = existing
          ? current.assignments.map((a) => (a.principalId === principalId && !a.roleDefIds.includes(roleDefId) ? { ...a, roleDefIds: [...a.roleDefIds, roleDefId] } : a))
          : [...current.assignments, { principalId, roleDefIds: [roleDefId] }];
        return { ...current, assignments };
      },
      { at },
    );
    if (scope.kind !== 'web') {
      const web = webSecurable(store, site);
      if (web && !web.assignments.some((a) => a.principalId === principalId)) {
        securables(store).update(securableKey(site.id, { kind: 'web' }), (current) => ({ ...current, assignments: [...current.assignments, { principalId, roleDefIds: [ROLE_IDS.limitedAccess] }] }), { at });
      }
    }
  });
}

export function removeRoleAssignment(store: Store, site: StoredSite, scope: SecurableScope, principalId: number, roleDefId: number | undefined, at: Date): void {
  const { key } = uniqueOrThrow(store, site, scope);
  securables(store).update(
    key,
    (current) => ({
      ...current,
      assignments: current.assignments
        .map((a) => (a.principalId !== principalId ? a : { ...a, roleDefIds: roleDefId === undefined ? [] : a.roleDefIds.filter((r) => r !== roleDefId) }))
        .filter((a) => a.roleDefIds.length > 0),
    }),
    { at },
  );
}

/** Securables removed with their list or item (SharePoint deletes an object's role assignments with it). */
export function forgetSecurables(store: Store, listId: string, itemId?: number): void {
  for (const s of securables(store).list()) {
    const scope = s.data.scope;
    if (scope.kind === 'web') continue;
    if (scope.listId !== listId) continue;
    if (itemId !== undefined && !(scope.kind === 'item' && scope.itemId === itemId)) continue;
    securables(store).delete(s.id);
  }
}
