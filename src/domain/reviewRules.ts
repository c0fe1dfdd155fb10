/**
 * The rules every accept/reject follows, in one place: only top management and the ISB decide
 * (auditors never, even if they hold another role), nobody decides on evidence they captured
 * (four-eyes principle), and a rejection needs a reason. The panel (before it saves and to show
 * the form), the stores, the trusted review state (trustedReview.ts) and the review form all ask
 * here; the texts are the keys `review.rule.*` (locales/review.{de,en}.json).
 */
import { domainText } from './domainText';
import { samePerson, type PersonRef } from './people';
import { permissionsFor, type Role } from './roles';
import { message, type Message } from './text';

export type ReviewRuleViolation = 'noRole' | 'ownEvidence' | 'commentRequired';

export const REVIEW_RULE_MESSAGES: Readonly<Record<ReviewRuleViolation, Message>> = {
  noRole: message('review.rule.noRole'),
  ownEvidence: message('review.rule.ownEvidence'),
  commentRequired: message('review.rule.commentRequired'),
};

/** A decision that breaks a review rule (or, in review.ts, a review dated before the capture). */
export class ReviewNotAllowedError extends Error {
  override readonly name = 'ReviewNotAllowedError';
  /** The reason as a key, for the reader's language (describeError). */
  readonly userMessage: Message;
  constructor(readonly reason: Message) {
    super(domainText(reason));
    this.userMessage = reason;
  }
}

/** Who decides on which item: the reviewer, whether they hold a reviewer role, who captured the item. */
export interface ReviewerOfItem {
  reviewer: PersonRef;
  /** The reviewer holds the top-management or ISB role (and is no auditor). */
  mayReview: boolean;
  /** Who captured the evidence. */
  capturedBy: PersonRef;
}

/** The decision itself. */
export interface DecisionText {
  status: 'accepted' | 'rejected';
  comment?: string;
}

export type ReviewAttempt = ReviewerOfItem & DecisionText;

/** Whether this person may decide on this item at all: role first, then four eyes. */
export function reviewerViolation(attempt: ReviewerOfItem): 'noRole' | 'ownEvidence' | undefined {
  if (!attempt.mayReview) return 'noRole';
  if (samePerson(attempt.reviewer, attempt.capturedBy)) return 'ownEvidence';
  return undefined;
}

/** A rejection needs a reason: a comment that is not blank. */
export function decisionViolation(decision: DecisionText): 'commentRequired' | undefined {
  return decision.status === 'rejected' && !decision.comment?.trim() ? 'commentRequired' : undefined;
}

/** The first rule an accept/reject breaks, or undefined when it follows them all. */
export function reviewRuleViolation(attempt: ReviewAttempt): ReviewRuleViolation | undefined {
  return reviewerViolation(attempt) ?? decisionViolation(attempt);
}

/** Throws ReviewNotAllowedError (with the rule's message) when the attempt breaks a rule. */
export function assertReviewAllowed(attempt: ReviewAttempt): void {
  const violation = reviewRuleViolation(attempt);
  if (violation) throw new ReviewNotAllowedError(REVIEW_RULE_MESSAGES[violation]);
}

export interface Decision {
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: Message;
}

/** Whether a signed-in reviewer (by role) may decide on an item: the form is shown only then. */
export function mayReviewItem(reviewer: { person: PersonRef; roles: readonly Role[] }, item: { capturedBy: PersonRef }): Decision {
  const violation = reviewerViolation({ reviewer: reviewer.person, mayReview: permissionsFor(reviewer.roles).mayReview, capturedBy: item.capturedBy });
  return violation ? { allowed: false, reason: REVIEW_RULE_MESSAGES[violation] } : { allowed: true };
}
