/** Applies an accept/reject decision to an item's display fields (rules: domain reviewRules.ts). */
import { assertReviewAllowed, type EvidenceItem, type PersonRef } from '../../domain';
import type { ReviewDecision } from './evidenceStore';
import { withoutUndefined } from './captureItem';

/** Throws ReviewNotAllowedError when the decision breaks the four-eyes rule or a rejection has no reason. */
export function checkDecision(item: Pick<EvidenceItem, 'capturedBy'>, decision: ReviewDecision, reviewer: PersonRef): void {
  // Roles are checked where they are known (the panel) and enforced by SharePoint's permissions.
  assertReviewAllowed({ reviewer, mayReview: true, capturedBy: item.capturedBy, ...decision });
}

export function applyDecision(item: EvidenceItem, decision: ReviewDecision, reviewer: PersonRef, now: Date): EvidenceItem {
  checkDecision(item, decision, reviewer);
  const comment = decision.comment?.trim();
  return withoutUndefined({
    ...item,
    reviewStatus: decision.status,
    reviewer,
    reviewedAt: now.toISOString(),
    reviewComment: comment ? comment : undefined,
  });
}
