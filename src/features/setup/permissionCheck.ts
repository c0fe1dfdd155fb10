/**
 * The drift check: reads inheritance, versioning and role assignments of each Chefsache list through SharePoint
 * REST (AllSites.Read; SharePoint also wants the user's EnumeratePermissions, which setup's levels carry) and
 * turns them into the domain's PermissionCheck. Lists that do not exist are left out (setup creates them).
 */
import type { ListPermissionState, PermissionCheck } from '../../domain';
import { GraphError, LIST_NAMES, type SharePointRestGateway, type SpRoleAssignment } from '../../graph';
import { DELETE_KINDS, STAFF_GRANTS, WRITE_KINDS } from './permissionModel';

/**
 * CancelCheckout ("Override List Behaviors") discards other users' checkouts, which exist only in document
 * libraries (Learn, SPList.Permissions: "applies only to document libraries"); on a list it only lifts "read only
 * own items", which is how top management, the ISB and auditors read all acknowledgements (issue 15).
 */
function holders(assignments: readonly SpRoleAssignment[], isLibrary: boolean): ListPermissionState['holders'] {
  const writeKinds = isLibrary ? WRITE_KINDS : WRITE_KINDS.filter((k) => k !== 'CancelCheckout');
  return assignments.map((a) => {
    const kinds = new Set(a.roles.flatMap((r) => r.permissions));
    return {
      name: a.principal.title,
      ...(a.principal.entraObjectId ? { entraObjectId: a.principal.entraObjectId } : {}),
      canWrite: writeKinds.some((k) => kinds.has(k)),
      canDelete: DELETE_KINDS.some((k) => kinds.has(k)),
    };
  });
}

export async function checkPermissions(sharePoint: Pick<SharePointRestGateway, 'list' | 'roleAssignments'>): Promise<PermissionCheck> {
  try {
    const lists: ListPermissionState[] = [];
    for (const [key, title] of Object.entries(LIST_NAMES) as [keyof typeof LIST_NAMES, string][]) {
      const list = await sharePoint.list(title);
      if (!list) continue;
      // An inheriting list is an alarm by itself; its (the site's) assignments need rights a reader may lack.
      const assignments = list.hasUniqueRoleAssignments ? await sharePoint.roleAssignments(title) : [];
      lists.push({
        title,
        inheritsFromSite: !list.hasUniqueRoleAssignments,
        versioning: list.enableVersioning,
        holders: holders(assignments, key === 'library'),
        // Staff add their own acknowledgements there; elsewhere the "all staff" group writing is drift.
        ...(STAFF_GRANTS[key] === 'staffAddOwn' ? { staffMayAdd: true } : {}),
      });
    }
    return { ok: true, lists };
  } catch (error) {
    if (error instanceof GraphError) return { ok: false, reason: `${error.status || ''} ${error.message}`.trim() };
    if (error instanceof Error) return { ok: false, reason: error.message };
    throw error;
  }
}
