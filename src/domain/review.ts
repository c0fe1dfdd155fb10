/**
 * Reviewing evidence: accept or reject (with a reason), as pure transitions that enforce who may
 * review (roles.ts, four-eyes rule) and return a new item.
 */
import type { EvidenceItem } from './evidence';
import type { PersonRef } from './people';
import { mayReviewItem, type Role } from './roles';
import { REVIEW_RULE_MESSAGES } from './reviewRules';
import type { Localized } from './text';

export class ReviewNotAllowedError extends Error {
  override readonly name = 'ReviewNotAllowedError';
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

export interface ReviewerContext {
  person: PersonRef;
  roles: readonly Role[];
  /** The moment of the review (injected clock). */
  at: Date;
}

function check(item: EvidenceItem, reviewer: ReviewerContext): void {
  const decision = mayReviewItem(reviewer, item);
  if (!decision.allowed) throw new ReviewNotAllowedError(decision.reason!);
  if (reviewer.at.getTime() < Date.parse(item.capturedAt)) {
    throw new ReviewNotAllowedError({
      de: 'Der Prüfzeitpunkt liegt vor der Erfassung des Nachweises.',
      en: 'The review time lies before the item was captured.',
    });
  }
}

export function acceptEvidence(item: EvidenceItem, reviewer: ReviewerContext, comment?: string): EvidenceItem {
  check(item, reviewer);
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
  check(item, reviewer);
  const trimmed = comment.trim();
  if (!trimmed) {
    throw new ReviewNotAllowedError(REVIEW_RULE_MESSAGES.commentRequired);
  }
  return {
    ...item,
    reviewStatus: 'rejected',
    reviewer: reviewer.person,
    reviewedAt: reviewer.at.toISOString(),
    reviewComment: trimmed,
  };
}
