/** Who the reviews need from the directory: the signed-in user's roles, top management, the ISB. */
import { DEFAULT_ROLE_SETTINGS, resolveRoles, type Role } from '../../domain';
import type { GraphGateways, Person } from '../../graph';
import type { Attendee } from './booking';

export interface ReviewPeople {
  me: { id: string; upn: string; displayName: string };
  myRoles: Role[];
  topManagement: Attendee[];
  isb: Attendee[];
}

export function toAttendee(p: Person): Attendee {
  const lang = p.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de';
  return { id: p.id, upn: p.userPrincipalName, displayName: p.displayName, lang };
}

async function membersOf(graph: Pick<GraphGateways, 'groups'>, names: readonly string[]): Promise<Attendee[]> {
  for (const name of names) {
    const groups = await graph.groups.find(name);
    if (groups.length > 0) {
      const people = (await Promise.all(groups.map((g) => graph.groups.members(g.id)))).flat();
      const unique = new Map(people.map((p) => [p.id, toAttendee(p)]));
      return [...unique.values()];
    }
  }
  return [];
}

export async function loadReviewPeople(graph: Pick<GraphGateways, 'users' | 'groups'>): Promise<ReviewPeople> {
  const [me, groups] = await Promise.all([graph.users.me(), graph.users.memberOf()]);
  const roles = resolveRoles({ groups, jobTitle: me.jobTitle ?? null }).roles;
  const [topManagement, isb] = await Promise.all([
    membersOf(graph, DEFAULT_ROLE_SETTINGS.groups.topManagement),
    membersOf(graph, DEFAULT_ROLE_SETTINGS.groups.isb),
  ]);
  return { me: { id: me.id, upn: me.userPrincipalName, displayName: me.displayName }, myRoles: roles, topManagement, isb };
}
