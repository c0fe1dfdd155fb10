/**
 * The permissions a site collection starts with. Each site gets the built-in permission levels and the three
 * default site groups "<title> Owners" (Full Control), "<title> Members" (Edit), "<title> Visitors" (Read)
 * (Learn, "Default SharePoint groups"). A group-connected team site puts the Microsoft 365 group's owners into
 * Owners and as site collection admins, and the group's members into Members (Learn, "Manage site permissions":
 * "Microsoft 365 group owners are added to the site Owners group, members to the site Members group").
 * The demo tenant's ISMS site also gave the group "Auditoren" read access (Visitors); staff are in no group.
 * The root (communication) site: the IT administrator as site collection admin, Everyone except external users as visitors.
 */
import type { Store } from '../../../store/store';
import { groups, findUser } from '../../identity/directory';
import type { StoredSite } from '../repo';
import { BUILT_IN_ROLES, ROLE_IDS } from './basePermissions';
import { roleDefKey, roleDefs, securableKey, securables } from './model';
import { createSiteGroup, ensureClaimPrincipal, ensurePrincipalByLogonName, EVERYONE_CLAIM_PREFIX, M365_GROUP_CLAIM_PREFIX } from './principals';

export function seedRoleDefinitions(store: Store, site: StoredSite, at: Date): void {
  for (const role of BUILT_IN_ROLES) {
    const key = roleDefKey(site.id, role.id);
    if (roleDefs(store).get(key)) continue;
    roleDefs(store).insert(
      { siteId: site.id, id: role.id, name: role.name, description: role.description, order: role.order, roleTypeKind: role.roleTypeKind, hidden: role.hidden, mask: String(role.mask) },
      { id: key, parentId: site.id, at },
    );
  }
}

export interface SitePermissionSeed {
  /** Entra object ids of groups whose members are visitors (Read). */
  visitorGroupIds?: string[];
  /** UPNs of site collection admins besides the group owners. */
  adminUpns?: string[];
  /** Everyone except external users may read. */
  everyoneReads?: boolean;
}

export function seedSitePermissions(store: Store, site: StoredSite, tenantId: string, seed: SitePermissionSeed, at: Date): void {
  seedRoleDefinitions(store, site, at);
  const title = site.data.displayName;
  const owners: number[] = [];
  const members: number[] = [];
  const visitors: number[] = [];
  const admins: number[] = [];
  const groupId = site.data.groupId;
  if (groupId) {
    const group = groups(store).get(groupId)?.data;
    const ownersClaim = ensureClaimPrincipal(store, site, 'groupOwners', `${M365_GROUP_CLAIM_PREFIX}${groupId}_o`, `${group?.displayName ?? title} Owners`, groupId, '', at);
    const membersClaim = ensureClaimPrincipal(store, site, 'group', `${M365_GROUP_CLAIM_PREFIX}${groupId}`, group?.displayName ?? title, groupId, group?.mail ?? '', at);
    owners.push(ownersClaim.id);
    admins.push(ownersClaim.id);
    members.push(membersClaim.id);
  }
  for (const upn of seed.adminUpns ?? []) {
    if (!findUser(store, upn)) continue;
    const principal = ensurePrincipalByLogonName(store, site, `i:0#.f|membership|${upn}`, tenantId, at);
    admins.push(principal.id);
    owners.push(principal.id);
  }
  for (const id of seed.visitorGroupIds ?? []) {
    const group = groups(store).get(id)?.data;
    if (!group) continue;
    const claim = (group.groupTypes ?? []).includes('Unified') ? `${M365_GROUP_CLAIM_PREFIX}${id}` : `c:0t.c|tenant|${id}`;
    visitors.push(ensurePrincipalByLogonName(store, site, claim, tenantId, at).id);
  }
  if (seed.everyoneReads) visitors.push(ensurePrincipalByLogonName(store, site, `${EVERYONE_CLAIM_PREFIX}${tenantId}`, tenantId, at).id);
  const ownersGroup = createSiteGroup(store, site, `${title} Owners`, owners, at, `Owners of ${title}`);
  const membersGroup = createSiteGroup(store, site, `${title} Members`, members, at, `Members of ${title}`);
  const visitorsGroup = createSiteGroup(store, site, `${title} Visitors`, visitors, at, `Visitors of ${title}`);
  const key = securableKey(site.id, { kind: 'web' });
  if (securables(store).get(key)) return;
  securables(store).insert(
    {
      siteId: site.id,
      scope: { kind: 'web' },
      assignments: [
        { principalId: ownersGroup.id, roleDefIds: [ROLE_IDS.fullControl] },
        { principalId: membersGroup.id, roleDefIds: [ROLE_IDS.edit] },
        { principalId: visitorsGroup.id, roleDefIds: [ROLE_IDS.read] },
      ],
      siteAdmins: admins,
    },
    { id: key, parentId: site.id, at },
  );
}
