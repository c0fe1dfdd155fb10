/** Applies an accept/reject decision to an item (four-eyes rule, reason required for a rejection). */
import { ReviewNotAllowedError, samePerson, type EvidenceItem, type PersonRef } from '../../domain';
import type { ReviewDecision } from './evidenceStore';
import { withoutUndefined } from './captureItem';

export function applyDecision(item: EvidenceItem, decision: ReviewDecision, reviewer: PersonRef, now: Date): EvidenceItem {
  if (samePerson(reviewer, item.capturedBy)) {
    throw new ReviewNotAllowedError({
      de: 'Eigene Nachweise prüft eine andere Person (Vier-Augen-Prinzip).',
      en: 'Someone else has to review your own evidence (four-eyes principle).',
    });
  }
  const comment = decision.comment?.trim();
  if (decision.status === 'rejected' && !comment) {
    throw new ReviewNotAllowedError({
      de: 'Bitte begründen, warum der Nachweis abgelehnt wird.',
      en: 'Please explain why the item is rejected.',
    });
  }
  return withoutUndefined({
    ...item,
    reviewStatus: decision.status,
    reviewer,
    reviewedAt: now.toISOString(),
    reviewComment: comment ? comment : undefined,
  });
}
