/** Applies an accept/reject decision to an item's display fields (rules: domain reviewRules.ts). */
import { REVIEW_RULE_MESSAGES, ReviewNotAllowedError, reviewRuleViolation, type EvidenceItem, type PersonRef } from '../../domain';
import type { ReviewDecision } from './evidenceStore';
import { withoutUndefined } from './captureItem';

/** Throws ReviewNotAllowedError when the decision breaks the four-eyes rule or a rejection has no reason. */
export function checkDecision(item: Pick<EvidenceItem, 'capturedBy'>, decision: ReviewDecision, reviewer: PersonRef): void {
  const violation = reviewRuleViolation({ reviewer, mayReview: true, capturedBy: item.capturedBy, status: decision.status, ...(decision.comment !== undefined ? { comment: decision.comment } : {}) });
  if (violation) throw new ReviewNotAllowedError(REVIEW_RULE_MESSAGES[violation]);
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
