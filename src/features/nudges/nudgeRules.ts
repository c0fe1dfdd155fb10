/**
 * Which nudges are due: one rule per activity type of the manifest (`activities.activityTypes`). A rule fires
 * when its readiness alarm is critical, or when it will turn critical within 30 days, and names who can fix it
 * and the tab section that fixes it. Pure: everything comes in through `NudgeInput`.
 */
import { message, type Readiness } from '../../domain';
import type { AppMessage } from '../../i18n';

export const NUDGE_KINDS = ['policyStale', 'reviewNotBooked', 'minutesAwaitingSignature', 'evidenceAwaitingReview', 'staffNotAcknowledged'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Days before an alarm turns critical from which its owner is nudged. */
export const LEAD_DAYS = 30;

export interface Nudge {
  kind: NudgeKind;
  /** Who can fix it. */
  recipients: 'topManagement' | 'isb';
  /** The Teams tab section that fixes it (`?view=` / subEntityId). */
  section: 'dashboard' | 'evidence' | 'reviews';
  /** Values of the activity type's template parameters. */
  params: Record<string, string>;
  /** The notification's preview line (locales/features/nudges `preview.*`), written in the sender's language. */
  preview: AppMessage;
}

export interface NudgeInput {
  readiness: Readiness;
  now: Date;
  /** Start (ISO) of every past review occurrence whose saved minutes carry no signature. */
  unsignedMinutes: readonly string[];
  /** Evidence items waiting for review (accept or reject). */
  pendingEvidence: number;
  /**
   * Staff acknowledgement (issue 15, H11): the share of "all staff" who acknowledged the current policy
   * version and whether that is an auditor alarm. Until that evidence source exists this stays undefined
   * and the rule never fires.
   */
  staffAcknowledgement?: { share: number; alarm: boolean };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (d: Date) => d.toISOString().slice(0, 10);

type Rule = (input: NudgeInput) => Nudge | null;

export const NUDGE_RULES: Record<NudgeKind, Rule> = {
  policyStale: ({ readiness, now }) => {
    const alarm = readiness.alarms.find((a) => a.id === 'policyOutdated');
    const until = readiness.checklist.find((e) => e.id === 'policy')?.acceptedUntil ?? null;
    const soon = until !== null && until.getTime() - now.getTime() <= LEAD_DAYS * DAY_MS;
    if (!alarm && !soon) return null;
    const dueDate = alarm || !until ? day(now) : day(until);
    return {
      kind: 'policyStale',
      recipients: 'topManagement',
      section: 'dashboard',
      params: { dueDate },
      preview: alarm ? message('nudges.preview.policyStale') : message('nudges.preview.policyStaleSoon', { dueDate }),
    };
  },
  reviewNotBooked: ({ readiness, now }) =>
    readiness.alarms.some((a) => a.id === 'reviewNotScheduled')
      ? {
          kind: 'reviewNotBooked',
          recipients: 'isb',
          section: 'reviews',
          params: { dueDate: day(now) },
          preview: message('nudges.preview.reviewNotBooked'),
        }
      : null,
  minutesAwaitingSignature: ({ unsignedMinutes }) => {
    const oldest = [...unsignedMinutes].sort()[0];
    if (!oldest) return null;
    const review = day(new Date(oldest));
    return {
      kind: 'minutesAwaitingSignature',
      recipients: 'topManagement',
      section: 'reviews',
      params: { review },
      preview: message('nudges.preview.minutesAwaitingSignature', { review }),
    };
  },
  evidenceAwaitingReview: ({ pendingEvidence }) =>
    pendingEvidence > 0
      ? {
          kind: 'evidenceAwaitingReview',
          recipients: 'isb',
          section: 'evidence',
          params: { count: String(pendingEvidence) },
          preview: message('nudges.preview.evidenceAwaitingReview', { count: pendingEvidence }),
        }
      : null,
  // Entry point for the staff acknowledgement alarm (H11): fires once `staffAcknowledgement` is passed in.
  staffNotAcknowledged: ({ staffAcknowledgement }) => {
    if (!staffAcknowledgement?.alarm) return null;
    const share = `${Math.round(staffAcknowledgement.share * 100)} %`;
    return {
      kind: 'staffNotAcknowledged',
      recipients: 'isb',
      section: 'dashboard',
      params: { share },
      preview: message('nudges.preview.staffNotAcknowledged', { share }),
    };
  },
};

export function dueNudges(input: NudgeInput): Nudge[] {
  return NUDGE_KINDS.flatMap((kind) => NUDGE_RULES[kind](input) ?? []);
}
