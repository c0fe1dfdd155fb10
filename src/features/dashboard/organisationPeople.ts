/**
 * The people the readiness evaluation needs, from the tenant: members of the role groups
 * (top management, ISB) today. Without GroupMember.Read.All the dashboard still works, but it
 * cannot tell whether a signer or the ISB has left: it says so instead of guessing.
 */
import { DEFAULT_ROLE_SETTINGS, type OrganisationPeople, type PersonRef, type RoleSettings } from '../../domain';
import { GraphForbiddenError, type GraphGateways, type Person } from '../../graph';

export interface LoadedPeople {
  people: OrganisationPeople;
  /** True when the group members could not be read (missing consent): alarms about people are incomplete. */
  incomplete: boolean;
}

const toRef = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });

async function membersOfAny(graph: Pick<GraphGateways, 'groups'>, names: readonly string[]): Promise<PersonRef[]> {
  const seen = new Map<string, PersonRef>();
  for (const name of names) {
    for (const group of await graph.groups.find(name)) {
      for (const member of await graph.groups.members(group.id)) seen.set(member.id, toRef(member));
    }
    if (seen.size > 0) break;
  }
  return [...seen.values()];
}

export async function loadOrganisationPeople(
  graph: Pick<GraphGateways, 'groups'>,
  fallback: { me: PersonRef; isTopManagement: boolean; isIsb: boolean },
  settings: RoleSettings = DEFAULT_ROLE_SETTINGS,
): Promise<LoadedPeople> {
  try {
    const [topManagement, isb] = await Promise.all([membersOfAny(graph, settings.groups.topManagement), membersOfAny(graph, settings.groups.isb)]);
    return { people: { topManagement, isb }, incomplete: false };
  } catch (error) {
    if (!(error instanceof GraphForbiddenError)) throw error;
    return {
      people: { topManagement: fallback.isTopManagement ? [fallback.me] : [], isb: fallback.isIsb ? [fallback.me] : [] },
      incomplete: true,
    };
  }
}
