/**
 * What the signed-in user may do in the panel, decided by the tenant: the user's directory groups
 * (Graph /me/memberOf) mapped to roles by the domain (roles.ts). Nothing the browser says counts.
 */
import { permissionsFor, resolveRoles, type Localized, type Permissions, type PersonRef, type Role, type RoleSettings } from '../../domain';
import type { GraphGateways } from '../../graph';

export interface PanelAccess {
  person: PersonRef;
  roles: Role[];
  permissions: Permissions;
  /** Mismatches between job title and groups, for an administrator. */
  hints: Localized[];
}

export async function loadPanelAccess(graph: Pick<GraphGateways, 'users'>, settings?: RoleSettings): Promise<PanelAccess> {
  const [me, groups] = await Promise.all([graph.users.me(), graph.users.memberOf()]);
  const resolution = resolveRoles({ groups, jobTitle: me.jobTitle ?? null }, settings);
  return {
    person: { id: me.id, upn: me.userPrincipalName, displayName: me.displayName },
    roles: resolution.roles,
    permissions: permissionsFor(resolution.roles),
    hints: resolution.hints,
  };
}
