/**
 * Auditor alarms for evidence that was tampered with or broken after the fact (issue 11): items whose review state
 * the decision records do not back (forged acceptance, changed after acceptance, decided without role or on one's
 * own evidence), items that fail validation, and minutes whose signature no longer holds. Each names what and how to
 * fix it, in German and English; the item ids let the dashboard point at the items.
 */
import type { Alarm } from './alarms';
import { dayValue } from './messageWords';
import { message } from './text';
import type { SignatureFlag } from './trustedSignature';
import { REVIEW_FLAGS, trustedReview, type ReviewFlag, type ReviewTrust } from './trustedReview';
import type { EvidenceItem } from './evidence';

export interface IntegrityInput {
  /** Readable evidence items with their ids. */
  evidence: readonly EvidenceItem[];
  /** Decision records and membership; without them the review state cannot be checked. */
  trust?: ReviewTrust;
  /** Ids of items that fail validation. */
  unreadableIds?: readonly string[];
  /** Signed minutes whose signature is flagged (features/reviews/minutesChecks.ts). */
  minutes?: readonly { occurrenceStart: string; flags: readonly SignatureFlag[] }[];
  timeZone: string;
}

/** The flags' own texts (locales review.* / signature.*), read as one sentence after the alarm's. */
const reviewFlagText = (flag: ReviewFlag) => message(`review.flags.${flag}`);
const signatureFlagText = (flag: SignatureFlag) => message(`signature.flags.${flag}`);

function reviewAlarm(evidence: readonly EvidenceItem[], trust: ReviewTrust): Alarm[] {
  const flagged = new Map<ReviewFlag, string[]>();
  for (const item of evidence) {
    if (!item.id) continue;
    for (const flag of trustedReview({ ...item, id: item.id }, trust.decisionsFor(item.id), trust.membership).flags) flagged.set(flag, [...(flagged.get(flag) ?? []), item.id]);
  }
  if (flagged.size === 0) return [];
  const itemIds = [...new Set([...flagged.values()].flat())];
  const count = itemIds.length;
  return [
    {
      id: 'evidenceReviewIrregular',
      severity: 'critical',
      message: message(count === 1 ? 'alarms.integrity.reviewIrregularOne' : 'alarms.integrity.reviewIrregularOther', {
        count,
        flags: REVIEW_FLAGS.filter((flag) => flagged.has(flag)).map(reviewFlagText),
      }),
      fix: message('alarms.integrity.reviewIrregularFix'),
      itemIds,
    },
  ];
}

export function integrityAlarms(input: IntegrityInput): Alarm[] {
  const alarms: Alarm[] = input.trust ? reviewAlarm(input.evidence, input.trust) : [];
  const unreadable = input.unreadableIds ?? [];
  if (unreadable.length > 0) {
    alarms.push({
      id: 'evidenceUnreadable',
      severity: 'critical',
      message: message(unreadable.length === 1 ? 'alarms.integrity.unreadableOne' : 'alarms.integrity.unreadableOther', { count: unreadable.length }),
      fix: message('alarms.integrity.unreadableFix'),
      itemIds: [...unreadable],
    });
  }
  for (const minutes of input.minutes ?? []) {
    const day = dayValue(new Date(minutes.occurrenceStart), input.timeZone);
    alarms.push({
      id: 'minutesChangedAfterSignature',
      severity: 'critical',
      message: message('alarms.integrity.minutesChanged', { day, flags: minutes.flags.map(signatureFlagText) }),
      fix: message('alarms.integrity.minutesChangedFix'),
      itemIds: [],
    });
  }
  return alarms;
}
