/**
 * Reviewing evidence: accept or reject (with a reason), as pure transitions that enforce the review
 * rules (reviewRules.ts: role, four-eyes, a rejection's reason) and return a new item.
 */
import type { EvidenceItem } from './evidence';
import type { PersonRef } from './people';
import { permissionsFor, type Role } from './roles';
import { assertReviewAllowed, ReviewNotAllowedError, type DecisionText } from './reviewRules';
import { message } from './text';

export interface ReviewerContext {
  person: PersonRef;
  roles: readonly Role[];
  /** The moment of the review (injected clock). */
  at: Date;
}

function check(item: EvidenceItem, reviewer: ReviewerContext, decision: DecisionText): void {
  assertReviewAllowed({ reviewer: reviewer.person, mayReview: permissionsFor(reviewer.roles).mayReview, capturedBy: item.capturedBy, ...decision });
  if (reviewer.at.getTime() < Date.parse(item.capturedAt)) throw new ReviewNotAllowedError(message('review.rule.beforeCapture'));
}

export function acceptEvidence(item: EvidenceItem, reviewer: ReviewerContext, comment?: string): EvidenceItem {
  check(item, reviewer, { status: 'accepted' });
  const trimmed = comment?.trim();
  return {
    ...item,
    reviewStatus: 'accepted',
    reviewer: reviewer.person,
    reviewedAt: reviewer.at.toISOString(),
    reviewComment: trimmed ? trimmed : undefined,
  };
}

export function rejectEvidence(item: EvidenceItem, reviewer: ReviewerContext, comment: string): EvidenceItem {
  check(item, reviewer, { status: 'rejected', comment });
  const trimmed = comment.trim();
  return {
    ...item,
    reviewStatus: 'rejected',
    reviewer: reviewer.person,
    reviewedAt: reviewer.at.toISOString(),
    reviewComment: trimmed,
  };
}
