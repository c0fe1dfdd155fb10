/**
 * Who holds which role, for judging decision and signature records: the users of the role groups setup chose
 * (settings item `roles`, Entra object ids), nested groups flattened. No display name counts. Loaded once per
 * session and role-group set (a renamed or re-chosen group is a new set; a reload reads the groups again).
 */
import { membershipFromGroups, type MembershipRole, type RoleGroups, type RoleMembership } from '../../domain';
import type { GroupsGateway } from '../../graph';

type MembersGraph = { groups: Pick<GroupsGateway, 'transitiveMemberIds'> };

const ROLE_OF: [MembershipRole, 'topManagement' | 'isb' | 'auditors'][] = [
  ['topManagement', 'topManagement'],
  ['isb', 'isb'],
  ['auditor', 'auditors'],
];

/** Nobody holds a role (setup has not chosen the groups): every record is judged "without role". */
export const NO_MEMBERSHIP: RoleMembership = membershipFromGroups({});

const cache = new WeakMap<object, Map<string, Promise<RoleMembership>>>();

async function load(graph: MembersGraph, groups: RoleGroups): Promise<RoleMembership> {
  const entries = await Promise.all(ROLE_OF.map(async ([role, key]) => [role, (await graph.groups.transitiveMemberIds(groups[key])).map((id) => id.toLowerCase())] as const));
  const port = membershipFromGroups(Object.fromEntries(entries));
  return { isMember: (userId, role) => port.isMember(userId.toLowerCase(), role) };
}

/**
 * The membership port from setup's role groups. Cached per Graph session (the gateway object) and group set; a
 * failed load is not cached. Without role groups: nobody is a member.
 */
export function loadRoleMembership(graph: MembersGraph, groups: RoleGroups | undefined): Promise<RoleMembership> {
  if (!groups) return Promise.resolve(NO_MEMBERSHIP);
  let perSession = cache.get(graph.groups);
  if (!perSession) cache.set(graph.groups, (perSession = new Map()));
  const key = ROLE_OF.map(([, k]) => groups[k].toLowerCase()).join('|');
  let loaded = perSession.get(key);
  if (!loaded) {
    loaded = load(graph, groups);
    perSession.set(key, loaded);
    loaded.catch(() => perSession.delete(key));
  }
  return loaded;
}
