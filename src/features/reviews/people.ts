/** Who the reviews need from the directory: the signed-in user's roles, top management, the ISB. */
import { resolveRoles, type Role, type RoleGroups } from '../../domain';
import { readRoleGroups } from '../setup/settingsStore';
import type { GraphGateways, Person } from '../../graph';
import type { Attendee } from './booking';

export interface ReviewPeople {
  me: { id: string; upn: string; displayName: string };
  myRoles: Role[];
  topManagement: Attendee[];
  isb: Attendee[];
  /** Setup's role groups (object ids); undefined before setup. */
  roleGroups?: RoleGroups;
}

export function toAttendee(p: Person): Attendee {
  const lang = p.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de';
  return { id: p.id, upn: p.userPrincipalName, displayName: p.displayName, lang };
}

async function membersOf(graph: Pick<GraphGateways, 'groups'>, groupId: string | undefined): Promise<Attendee[]> {
  if (!groupId) return [];
  const unique = new Map((await graph.groups.members(groupId)).map((p) => [p.id, toAttendee(p)]));
  return [...unique.values()];
}

/** The signed-in user's roles and the members of the role groups, by the object ids setup stored on the site. */
export async function loadReviewPeople(graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems'>, siteUrl: string): Promise<ReviewPeople> {
  const [me, groupIds, roleGroups] = await Promise.all([graph.users.me(), graph.users.memberOfIds(), readRoleGroups(graph, siteUrl)]);
  const roles = resolveRoles({ groupIds, jobTitle: me.jobTitle ?? null }, roleGroups).roles;
  const [topManagement, isb] = await Promise.all([membersOf(graph, roleGroups?.topManagement), membersOf(graph, roleGroups?.isb)]);
  return { me: { id: me.id, upn: me.userPrincipalName, displayName: me.displayName }, myRoles: roles, topManagement, isb, ...(roleGroups ? { roleGroups } : {}) };
}
