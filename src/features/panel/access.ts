/**
 * What the signed-in user may do, decided by the tenant: the object ids of the user's directory groups
 * (Graph /me/memberOf, User.Read) compared with the role groups setup stored on the evidence site
 * (settings list, by object id). Nothing the browser says counts, and no group name does either.
 */
import { permissionsFor, resolveRoles, type Message, type Permissions, type PersonRef, type Role, type RoleGroups } from '../../domain';
import { GraphForbiddenError, type GraphGateways } from '../../graph';
import { readRoleGroups } from '../setup/settingsStore';

export interface PanelAccess {
  person: PersonRef;
  roles: Role[];
  permissions: Permissions;
  /** False when setup has not chosen the role groups on the evidence site: nobody has a role yet. */
  configured: boolean;
  /** The role groups (object ids) when configured. */
  roleGroups?: RoleGroups;
  /** Mismatches between job title and groups, for an administrator. */
  hints: Message[];
}

export type AccessGraph = Pick<GraphGateways, 'users' | 'sites' | 'lists' | 'listItems'>;

export async function loadPanelAccess(graph: AccessGraph, siteUrl: string | undefined): Promise<PanelAccess> {
  // Whoever SharePoint does not let read the settings (staff: no access to the site) has no role: that is the answer.
  const settings = readRoleGroups(graph, siteUrl).then(
    (groups) => ({ groups, readable: true }),
    (error: unknown) => {
      if (error instanceof GraphForbiddenError) return { groups: undefined, readable: false };
      throw error;
    },
  );
  const [me, groupIds, { groups: roleGroups, readable }] = await Promise.all([graph.users.me(), graph.users.memberOfIds(), settings]);
  const resolution = resolveRoles({ groupIds, jobTitle: me.jobTitle ?? null }, roleGroups);
  return {
    person: { id: me.id, upn: me.userPrincipalName, displayName: me.displayName },
    roles: resolution.roles,
    permissions: permissionsFor(resolution.roles),
    // Refused settings: set up by someone, just not readable for this user.
    configured: resolution.configured || !readable,
    ...(roleGroups ? { roleGroups } : {}),
    hints: resolution.hints,
  };
}
