/**
 * Accept or reject one item. A concurrent change by someone else comes back as a conflict with
 * both versions (the decision that was not saved and the item as it is now): never lost.
 */
import { mayReviewItem, REVIEW_RULE_MESSAGES, type Localized, type PersonRef, type Role } from '../../domain';
import { ReviewConflictError } from '../evidence/errors';
import type { EvidenceStore, ReviewConflict, ReviewDecision, StoredEvidence } from '../evidence/evidenceStore';

export type ReviewOutcome =
  | { kind: 'saved'; item: StoredEvidence }
  | { kind: 'conflict'; conflict: ReviewConflict }
  | { kind: 'refused'; reason: Localized };

export const REJECT_NEEDS_COMMENT: Localized = REVIEW_RULE_MESSAGES.commentRequired;

export async function submitReview(
  store: Pick<EvidenceStore, 'review'>,
  item: StoredEvidence,
  decision: ReviewDecision,
  reviewer: { person: PersonRef; roles: readonly Role[] },
): Promise<ReviewOutcome> {
  const allowed = mayReviewItem(reviewer, item);
  if (!allowed.allowed) return { kind: 'refused', reason: allowed.reason! };
  if (decision.status === 'rejected' && !decision.comment.trim()) return { kind: 'refused', reason: REJECT_NEEDS_COMMENT };
  try {
    return { kind: 'saved', item: await store.review(item.id, item.etag, decision, reviewer.person) };
  } catch (error) {
    if (error instanceof ReviewConflictError) return { kind: 'conflict', conflict: error.conflict };
    throw error;
  }
}
