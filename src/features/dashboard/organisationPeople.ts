/**
 * The people the readiness evaluation needs, from the tenant: members of the role groups
 * (top management, ISB) today. Without GroupMember.Read.All the dashboard still works, but it
 * cannot tell whether a signer or the ISB has left: it says so instead of guessing.
 */
import type { OrganisationPeople, PersonRef, RoleGroups } from '../../domain';
import { GraphForbiddenError, type GraphGateways, type Person } from '../../graph';

export interface LoadedPeople {
  people: OrganisationPeople;
  /** True when the group members could not be read (missing consent): alarms about people are incomplete. */
  incomplete: boolean;
}

type MembersGraph = { groups: Pick<GraphGateways['groups'], 'members'> };

const toRef = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });

async function membersOf(graph: MembersGraph, groupId: string | undefined): Promise<PersonRef[]> {
  if (!groupId) return [];
  return (await graph.groups.members(groupId)).map(toRef);
}

/** Members of the role groups setup chose (by object id); nobody when setup has not run. */
export async function loadOrganisationPeople(
  graph: MembersGraph,
  fallback: { me: PersonRef; isTopManagement: boolean; isIsb: boolean },
  roleGroups: RoleGroups | undefined,
): Promise<LoadedPeople> {
  try {
    const [topManagement, isb] = await Promise.all([membersOf(graph, roleGroups?.topManagement), membersOf(graph, roleGroups?.isb)]);
    return { people: { topManagement, isb }, incomplete: false };
  } catch (error) {
    if (!(error instanceof GraphForbiddenError)) throw error;
    return {
      people: { topManagement: fallback.isTopManagement ? [fallback.me] : [], isb: fallback.isIsb ? [fallback.me] : [] },
      incomplete: true,
    };
  }
}
