/**
 * The rules every accept/reject follows, in one place: only top management and the ISB decide
 * (auditors never, even if they hold another role), nobody decides on evidence they captured
 * (four-eyes principle), and a rejection needs a reason. The UI, the store and the trusted review
 * state (trustedReview.ts) all ask `reviewRuleViolation`.
 */
import { samePerson, type PersonRef } from './people';
import type { Localized } from './text';

export type ReviewRuleViolation = 'noRole' | 'ownEvidence' | 'commentRequired';

export const REVIEW_RULE_MESSAGES: Record<ReviewRuleViolation, Localized> = {
  noRole: {
    de: 'Nachweise prüfen dürfen nur die Geschäftsführung und der/die ISB.',
    en: 'Only top management and the ISB may review evidence.',
  },
  ownEvidence: {
    de: 'Eigene Nachweise prüft eine andere Person (Vier-Augen-Prinzip).',
    en: 'Someone else has to review your own evidence (four-eyes principle).',
  },
  commentRequired: {
    de: 'Bitte begründen, warum der Nachweis abgelehnt wird.',
    en: 'Please explain why the item is rejected.',
  },
};

export interface ReviewAttempt {
  /** Who decides. */
  reviewer: PersonRef;
  /** The reviewer holds the top-management or ISB role (and is no auditor). */
  mayReview: boolean;
  /** Who captured the evidence. */
  capturedBy: PersonRef;
  status: 'accepted' | 'rejected';
  comment?: string;
}

/** The first rule an accept/reject breaks, or undefined when it follows them all. */
export function reviewRuleViolation(attempt: ReviewAttempt): ReviewRuleViolation | undefined {
  if (!attempt.mayReview) return 'noRole';
  if (samePerson(attempt.reviewer, attempt.capturedBy)) return 'ownEvidence';
  if (attempt.status === 'rejected' && !attempt.comment?.trim()) return 'commentRequired';
  return undefined;
}
