/**
 * The drift check: reads inheritance, versioning and role assignments of each Chefsache list through SharePoint
 * REST (AllSites.Read; SharePoint also wants the user's EnumeratePermissions, which setup's levels carry) and
 * turns them into the domain's PermissionCheck. Lists that do not exist are left out (setup creates them).
 */
import type { ListPermissionState, PermissionCheck } from '../../domain';
import { GraphError, LIST_NAMES, type SharePointRestGateway, type SpRoleAssignment } from '../../graph';
import { DELETE_KINDS, WRITE_KINDS } from './permissionModel';

function holders(assignments: readonly SpRoleAssignment[]): ListPermissionState['holders'] {
  return assignments.map((a) => {
    const kinds = new Set(a.roles.flatMap((r) => r.permissions));
    return {
      name: a.principal.title,
      ...(a.principal.entraObjectId ? { entraObjectId: a.principal.entraObjectId } : {}),
      canWrite: WRITE_KINDS.some((k) => kinds.has(k)),
      canDelete: DELETE_KINDS.some((k) => kinds.has(k)),
    };
  });
}

export async function checkPermissions(sharePoint: Pick<SharePointRestGateway, 'list' | 'roleAssignments'>): Promise<PermissionCheck> {
  try {
    const lists: ListPermissionState[] = [];
    for (const title of Object.values(LIST_NAMES)) {
      const list = await sharePoint.list(title);
      if (!list) continue;
      // An inheriting list is an alarm by itself; its (the site's) assignments need rights a reader may lack.
      const assignments = list.hasUniqueRoleAssignments ? await sharePoint.roleAssignments(title) : [];
      lists.push({ title, inheritsFromSite: !list.hasUniqueRoleAssignments, versioning: list.enableVersioning, holders: holders(assignments) });
    }
    return { ok: true, lists };
  } catch (error) {
    if (error instanceof GraphError) return { ok: false, reason: `${error.status || ''} ${error.message}`.trim() };
    if (error instanceof Error) return { ok: false, reason: error.message };
    throw error;
  }
}
