/** Where an evidence item stands at a given moment: current, waiting for review, stale or rejected. */
import type { EvidenceItem } from './evidence';
import { computeExpiresAt, isCurrentAt, type FreshnessContext } from './freshness';
import type { FreshnessSettings } from './freshnessSettings';
import { effectiveReviewStatus, type ReviewTrust } from './trustedReview';

export type EvidenceStanding = 'current' | 'pending' | 'stale' | 'rejected';

export interface EvaluatedEvidence {
  item: EvidenceItem;
  expiresAt: Date | null;
  standing: EvidenceStanding;
}

/** The moment and company settings every evaluation needs. */
export interface EvaluationContext extends FreshnessContext {
  now: Date;
  settings: FreshnessSettings;
  /**
   * Decision records and group membership: when given, an item counts as accepted only with a valid,
   * still matching decision record (trustedReview.ts), never by its own review fields.
   */
  trust?: ReviewTrust;
}

export function evaluateItem(item: EvidenceItem, context: EvaluationContext): EvaluatedEvidence {
  const expiresAt = computeExpiresAt(item, context.settings, context);
  const reviewStatus = effectiveReviewStatus(item, context.trust);
  let standing: EvidenceStanding;
  if (reviewStatus === 'rejected') standing = 'rejected';
  else if (!isCurrentAt(expiresAt, context.now)) standing = 'stale';
  else standing = reviewStatus === 'accepted' ? 'current' : 'pending';
  return { item, expiresAt, standing };
}

/** Evaluates items, newest effective date first. */
export function evaluateItems(items: readonly EvidenceItem[], context: EvaluationContext): EvaluatedEvidence[] {
  return items
    .map((item) => evaluateItem(item, context))
    .sort((a, b) => Date.parse(b.item.effectiveDate) - Date.parse(a.item.effectiveDate));
}

/** Current or waiting for review: counts for the user's own progress, not yet for the auditor. */
export function isLive(evaluated: EvaluatedEvidence): boolean {
  return evaluated.standing === 'current' || evaluated.standing === 'pending';
}
