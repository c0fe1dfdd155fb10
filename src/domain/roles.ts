/**
 * From the object ids of the signed-in user's directory groups to Chefsache roles and what they may do.
 * The role groups are chosen by object id during setup; group names never count (they are not unique: anyone
 * may name a group "Geschäftsführung"). The job title only gives hints. SharePoint enforces the same
 * roles on the lists (setup's permission levels); this is what the UI offers.
 */
import { z } from 'zod';
import { message, type Message } from './text';

export const ROLES = ['topManagement', 'isb', 'auditor', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Message> = {
  topManagement: message('roles.labels.topManagement'),
  isb: message('roles.labels.isb'),
  auditor: message('roles.labels.auditor'),
  staff: message('roles.labels.staff'),
};

/** An Entra object id (GUID). Roles are bound to these, never to display names (which are not unique). */
const objectId = z.guid();

/**
 * The role groups chosen once, by Entra object id, during setup (settings item `roles` on the evidence site).
 * `allStaff` is optional and grants nothing: it only names who counts as staff.
 */
export const RoleGroupsSchema = z.object({
  topManagement: objectId,
  isb: objectId,
  auditors: objectId,
  allStaff: objectId.optional(),
});
export type RoleGroups = z.infer<typeof RoleGroupsSchema>;

export const RoleSettingsSchema = z.object({
  /** Job titles that suggest a role (matched at a word start, case-insensitively). They only ever give hints. */
  jobTitles: z
    .object({
      topManagement: z.array(z.string().trim().min(1)).default(['Geschäftsführer', 'CEO', 'Managing Director', 'Vorstand']),
      isb: z
        .array(z.string().trim().min(1))
        .default(['Informationssicherheitsbeauftragte', 'ISB', 'CISO', 'Information Security Officer']),
    })
    .default({
      topManagement: ['Geschäftsführer', 'CEO', 'Managing Director', 'Vorstand'],
      isb: ['Informationssicherheitsbeauftragte', 'ISB', 'CISO', 'Information Security Officer'],
    }),
});

export type RoleSettings = z.infer<typeof RoleSettingsSchema>;
export const DEFAULT_ROLE_SETTINGS: RoleSettings = RoleSettingsSchema.parse({});

export interface RoleResolution {
  /** Every role the user has, most privileged first; ['staff'] when none applies. */
  roles: Role[];
  primary: Role;
  /** False when setup has not chosen the role groups: then nobody has a role. */
  configured: boolean;
  /** Roles the job title suggests. */
  titleSuggests: Role[];
  /** Mismatches worth telling an administrator about. */
  hints: Message[];
}

const normalise = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('de');

function titleMatches(title: string, pattern: string): boolean {
  const t = normalise(title);
  const p = normalise(pattern);
  for (let at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + 1)) {
    const before = at === 0 ? '' : t[at - 1]!;
    if (!/[\p{L}\p{N}]/u.test(before)) return true;
  }
  return false;
}

/**
 * Roles from the object ids of the user's groups, compared with the role groups setup chose. Without role
 * groups (setup not run) nobody has a role. The job title never grants anything; it only produces hints.
 */
export function resolveRoles(
  user: { groupIds: readonly string[]; jobTitle?: string | null },
  groups: RoleGroups | undefined,
  settings: RoleSettings = DEFAULT_ROLE_SETTINGS,
): RoleResolution {
  const mine = new Set(user.groupIds.map((id) => id.toLowerCase()));
  const fromGroups = new Set<Role>();
  if (groups) {
    if (mine.has(groups.topManagement.toLowerCase())) fromGroups.add('topManagement');
    if (mine.has(groups.isb.toLowerCase())) fromGroups.add('isb');
    if (mine.has(groups.auditors.toLowerCase())) fromGroups.add('auditor');
  }

  const title = user.jobTitle ?? '';
  const titleSuggests: ('topManagement' | 'isb')[] = [];
  if (title && settings.jobTitles.topManagement.some((p) => titleMatches(title, p))) titleSuggests.push('topManagement');
  if (title && settings.jobTitles.isb.some((p) => titleMatches(title, p))) titleSuggests.push('isb');

  const hints: Message[] = [];
  for (const role of titleSuggests) {
    if (!groups || fromGroups.has(role)) continue;
    hints.push(message(`roles.titleHint.${role}`, { title }));
  }
  const roles = ROLES.filter((role) => fromGroups.has(role));
  const effective: Role[] = roles.length > 0 ? roles : ['staff'];
  return { roles: effective, primary: effective[0]!, configured: groups !== undefined, titleSuggests, hints };
}

export interface Permissions {
  /** See the evidence panel and dashboard. */
  maySeePanel: boolean;
  /** Read every evidence item, including other people's. */
  mayReadAll: boolean;
  /** File new evidence. */
  mayCapture: boolean;
  /** Accept or reject evidence. */
  mayReview: boolean;
  /** Sign management review minutes (top management only). */
  maySignMinutes: boolean;
}

/**
 * What a set of roles allows. Auditors are read-only even if they hold another role, so that the
 * audit stays independent of the evidence it judges.
 */
export function permissionsFor(roles: readonly Role[]): Permissions {
  const has = (role: Role) => roles.includes(role);
  const auditor = has('auditor');
  const management = has('topManagement') && !auditor;
  const isb = has('isb') && !auditor;
  return {
    maySeePanel: management || isb || auditor,
    mayReadAll: management || isb || auditor,
    mayCapture: management || isb,
    mayReview: management || isb,
    maySignMinutes: management,
  };
}
