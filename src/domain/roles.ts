/**
 * From the signed-in user's directory groups (and job title) to Chefsache roles and what they
 * may do. Group membership decides; the job title only gives hints unless a company explicitly
 * trusts it (titles are free text and easy to get wrong).
 */
import { z } from 'zod';
import type { EvidenceItem } from './evidence';
import { samePerson, type PersonRef } from './people';
import type { Localized } from './text';

export const ROLES = ['topManagement', 'isb', 'auditor', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Localized> = {
  topManagement: { de: 'Geschäftsführung', en: 'Top management' },
  isb: { de: 'Informationssicherheitsbeauftragte/r', en: 'Information security officer' },
  auditor: { de: 'Auditor/in', en: 'Auditor' },
  staff: { de: 'Mitarbeitende', en: 'Staff' },
};

const names = (defaults: string[]) => z.array(z.string().trim().min(1)).min(1).default(defaults);

export const RoleSettingsSchema = z.object({
  /** Group displayNames or mailNicknames per role (compared case-insensitively). */
  groups: z
    .object({
      topManagement: names(['Geschäftsführung', 'geschaeftsfuehrung']),
      isb: names(['Informationssicherheit', 'informationssicherheit']),
      auditor: names(['Auditoren', 'auditoren']),
    })
    .default({
      topManagement: ['Geschäftsführung', 'geschaeftsfuehrung'],
      isb: ['Informationssicherheit', 'informationssicherheit'],
      auditor: ['Auditoren', 'auditoren'],
    }),
  /** Job titles that suggest a role (matched at a word start, case-insensitively). */
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
  /** Grant roles from the job title alone. Off by default: only group membership grants rights. */
  grantRolesFromJobTitle: z.boolean().default(false),
});

export type RoleSettings = z.infer<typeof RoleSettingsSchema>;
export const DEFAULT_ROLE_SETTINGS: RoleSettings = RoleSettingsSchema.parse({});

export interface GroupRef {
  displayName: string;
  mailNickname?: string;
}

export interface RoleResolution {
  /** Every role the user has, most privileged first; ['staff'] when none applies. */
  roles: Role[];
  primary: Role;
  /** Roles the job title suggests. */
  titleSuggests: Role[];
  /** Mismatches worth telling an administrator about. */
  hints: Localized[];
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

function inGroup(groups: readonly GroupRef[], accepted: readonly string[]): boolean {
  const wanted = new Set(accepted.map(normalise));
  return groups.some(
    (g) => wanted.has(normalise(g.displayName)) || (g.mailNickname !== undefined && wanted.has(normalise(g.mailNickname))),
  );
}

export function resolveRoles(
  user: { groups: readonly GroupRef[]; jobTitle?: string | null },
  settings: RoleSettings = DEFAULT_ROLE_SETTINGS,
): RoleResolution {
  const fromGroups = new Set<Role>();
  if (inGroup(user.groups, settings.groups.topManagement)) fromGroups.add('topManagement');
  if (inGroup(user.groups, settings.groups.isb)) fromGroups.add('isb');
  if (inGroup(user.groups, settings.groups.auditor)) fromGroups.add('auditor');

  const title = user.jobTitle ?? '';
  const titleSuggests: Role[] = [];
  if (title && settings.jobTitles.topManagement.some((p) => titleMatches(title, p))) titleSuggests.push('topManagement');
  if (title && settings.jobTitles.isb.some((p) => titleMatches(title, p))) titleSuggests.push('isb');

  const hints: Localized[] = [];
  for (const role of titleSuggests) {
    if (fromGroups.has(role)) continue;
    if (settings.grantRolesFromJobTitle) fromGroups.add(role);
    else {
      hints.push({
        de: `Die Stellenbezeichnung „${title}“ deutet auf die Rolle „${ROLE_LABELS[role].de}“ hin, aber die Person ist nicht in der zugehörigen Gruppe.`,
        en: `The job title "${title}" suggests the role "${ROLE_LABELS[role].en}", but the person is not in the matching group.`,
      });
    }
  }
  const roles = ROLES.filter((role) => fromGroups.has(role));
  const effective: Role[] = roles.length > 0 ? roles : ['staff'];
  return { roles: effective, primary: effective[0]!, titleSuggests, hints };
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

export interface Decision {
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: Localized;
}

/** Four-eyes rule: reviewers may review, but never evidence they captured themselves. */
export function mayReviewItem(
  reviewer: { person: PersonRef; roles: readonly Role[] },
  item: Pick<EvidenceItem, 'capturedBy'>,
): Decision {
  if (!permissionsFor(reviewer.roles).mayReview) {
    return {
      allowed: false,
      reason: {
        de: 'Nachweise prüfen dürfen nur die Geschäftsführung und der/die ISB.',
        en: 'Only top management and the ISB may review evidence.',
      },
    };
  }
  if (samePerson(reviewer.person, item.capturedBy)) {
    return {
      allowed: false,
      reason: {
        de: 'Eigene Nachweise prüft eine andere Person (Vier-Augen-Prinzip).',
        en: 'Someone else has to review your own evidence (four-eyes principle).',
      },
    };
  }
  return { allowed: true };
}
