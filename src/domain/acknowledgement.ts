/**
 * Staff acknowledgement of the security policy and objectives (issue 15): what was published, who acknowledged
 * which policy version (by hash), the anonymous self-check, the share of all staff, the auditor alarms and the
 * binder pages. Pure: the acknowledgement feature (src/features/acknowledgements) reads SharePoint and calls this.
 */
import type { Alarm } from './alarms';
import type { ClauseId } from './clauses';
import { dayValue } from './messageWords';
import { isAmong, samePerson, type PersonRef } from './people';
import { acknowledgementSource } from './sources/acknowledgement';
import { message } from './text';

/** Clauses an acknowledgement serves (its registered source, src/domain/sources/acknowledgement). */
export const ACKNOWLEDGEMENT_CLAUSES: readonly ClauseId[] = acknowledgementSource.types.staffAcknowledgement.clauses;

/** Below this share of all staff, thirty days after publishing, an auditor would flag missing commitment. */
export const ACKNOWLEDGEMENT_TARGET = 0.8;
export const ACKNOWLEDGEMENT_GRACE_DAYS = 30;

/** What top management or the ISB published for acknowledgement. */
export interface Publication {
  id: string;
  /** Evidence id of the accepted, signed policy. */
  policyEvidenceId: string;
  policyTitle: string;
  /** The policy version: SHA-256 of the stored policy file. */
  policySha256: string;
  /** Text staff read (the policy's text or its summary). */
  policyPreview: string;
  /** The current security objectives in plain words. */
  objectives: string[];
  /** Wrong answers for the self-check ("which of these is one of our objectives?"). */
  distractors: string[];
  /** Plain date (YYYY-MM-DD) by which staff should acknowledge. */
  dueDate: string;
  /** The CEO's message sent with the publication. */
  message: string;
  publishedAt: string;
  /** SharePoint's createdBy of the publication item. */
  publishedBy?: PersonRef;
}

/** One "I have read and understood": who and when are SharePoint's createdBy/createdDateTime. */
export interface Acknowledgement {
  id: string;
  publicationId: string;
  policySha256: string;
  person: PersonRef;
  at: string;
}

/** One self-check answer: no person is kept with it, only whether it was right. */
export interface SelfCheckAnswer {
  publicationId: string;
  correct: boolean;
}

export interface AcknowledgementStatus {
  publication: Publication;
  /** Members of the "all staff" group chosen at setup. */
  staffCount: number;
  /** Staff who acknowledged the current version (each person once, earliest acknowledgement). */
  acknowledged: { person: PersonRef; at: string }[];
  /** acknowledged / staffCount (0 when nobody counts as staff). */
  share: number;
  selfCheck: { answers: number; correct: number; share: number | null };
  alarms: Alarm[];
}

const DAY_MS = 86_400_000;

/** The latest publication (by publishing time), or undefined. */
export function currentPublication(publications: readonly Publication[]): Publication | undefined {
  return [...publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
}

/** Each person once, with their earliest acknowledgement of the given policy version. */
export function acknowledgersOf(acknowledgements: readonly Acknowledgement[], policySha256: string): { person: PersonRef; at: string }[] {
  const out: { person: PersonRef; at: string }[] = [];
  for (const ack of [...acknowledgements].sort((a, b) => a.at.localeCompare(b.at))) {
    if (ack.policySha256.toLowerCase() !== policySha256.toLowerCase()) continue;
    if (out.some((o) => samePerson(o.person, ack.person))) continue;
    out.push({ person: ack.person, at: ack.at });
  }
  return out;
}

const FIX_PUBLISH = message('alarms.acknowledgement.fixPublish');
const FIX_REMIND = message('alarms.acknowledgement.fixRemind');

const percent = (share: number) => `${Math.round(share * 100)} %`;

export interface AcknowledgementInput {
  publications: readonly Publication[];
  acknowledgements: readonly Acknowledgement[];
  answers: readonly SelfCheckAnswer[];
  /** Members of the all-staff group. */
  staff: readonly PersonRef[];
  /** SHA-256 of the current accepted policy evidence, when there is one. */
  currentPolicySha256?: string;
  now: Date;
  timeZone?: string;
}

/** The status of the current publication with its auditor alarms; undefined when nothing was published. */
export function acknowledgementStatus(input: AcknowledgementInput): AcknowledgementStatus | undefined {
  const publication = currentPublication(input.publications);
  if (!publication) return undefined;
  const acknowledged = acknowledgersOf(input.acknowledgements, publication.policySha256).filter((a) => input.staff.length === 0 || isAmong(a.person, input.staff));
  const staffCount = input.staff.length;
  const share = staffCount === 0 ? 0 : acknowledged.length / staffCount;
  const answers = input.answers.filter((a) => a.publicationId === publication.id);
  const correct = answers.filter((a) => a.correct).length;
  const alarms: Alarm[] = [];
  const publishedAt = new Date(publication.publishedAt);
  const daysSince = (input.now.getTime() - publishedAt.getTime()) / DAY_MS;
  const published = dayValue(publishedAt, input.timeZone ?? 'Europe/Berlin');
  if (daysSince >= ACKNOWLEDGEMENT_GRACE_DAYS && share < ACKNOWLEDGEMENT_TARGET) {
    alarms.push({
      id: 'acknowledgementLow',
      severity: 'critical',
      message: message('alarms.acknowledgement.low', {
        share: percent(share),
        acknowledged: acknowledged.length,
        staff: staffCount,
        published,
        target: percent(ACKNOWLEDGEMENT_TARGET),
        days: ACKNOWLEDGEMENT_GRACE_DAYS,
      }),
      fix: FIX_REMIND,
      itemIds: [],
    });
  }
  const changed = input.currentPolicySha256 !== undefined && input.currentPolicySha256.toLowerCase() !== publication.policySha256.toLowerCase();
  const earlier = input.publications.filter((p) => p.id !== publication.id && p.policySha256.toLowerCase() !== publication.policySha256.toLowerCase());
  const earlierAcknowledged = earlier.some((p) => acknowledgersOf(input.acknowledgements, p.policySha256).length > 0);
  if (changed || (earlierAcknowledged && acknowledged.length === 0 && daysSince >= ACKNOWLEDGEMENT_GRACE_DAYS)) {
    alarms.push({
      id: 'acknowledgementStale',
      severity: 'critical',
      message: message(changed ? 'alarms.acknowledgement.staleUnpublished' : 'alarms.acknowledgement.staleUnacknowledged'),
      fix: changed ? FIX_PUBLISH : FIX_REMIND,
      itemIds: [],
    });
  }
  return {
    publication,
    staffCount,
    acknowledged,
    share,
    selfCheck: { answers: answers.length, correct, share: answers.length === 0 ? null : correct / answers.length },
    alarms,
  };
}

/** The self-check's choices: the objectives and the distractors, in a stable mixed order. */
export function selfCheckChoices(publication: Pick<Publication, 'objectives' | 'distractors' | 'id'>): string[] {
  const all = [...publication.objectives.slice(0, 2), ...publication.distractors.slice(0, 2)];
  const key = (text: string) => [...`${publication.id}:${text}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return all.sort((a, b) => key(a) - key(b));
}

export function isObjective(publication: Pick<Publication, 'objectives'>, answer: string): boolean {
  return publication.objectives.some((o) => o.trim() === answer.trim());
}

/** One binder page per policy version: count, and names and dates only in the auditor's binder. */
export interface AcknowledgementPage {
  policySha256: string;
  policyTitle: string;
  publishedAt: string;
  count: number;
  entries?: { name: string; at: string }[];
}

export function acknowledgementPages(publications: readonly Publication[], acknowledgements: readonly Acknowledgement[], withNames: boolean): AcknowledgementPage[] {
  const versions = new Map<string, Publication>();
  for (const p of [...publications].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))) {
    if (!versions.has(p.policySha256.toLowerCase())) versions.set(p.policySha256.toLowerCase(), p);
  }
  return [...versions.entries()].map(([sha, p]) => {
    const people = acknowledgersOf(acknowledgements, sha);
    return {
      policySha256: sha,
      policyTitle: p.policyTitle,
      publishedAt: p.publishedAt,
      count: people.length,
      ...(withNames ? { entries: people.map((a) => ({ name: a.person.displayName, at: a.at })) } : {}),
    };
  });
}
