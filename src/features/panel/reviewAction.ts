/**
 * Accept or reject one item. A concurrent change by someone else comes back as a conflict with
 * both versions (the decision that was not saved and the item as it is now): never lost.
 */
import { permissionsFor, REVIEW_RULE_MESSAGES, reviewRuleViolation, type Message, type PersonRef, type Role } from '../../domain';
import { ReviewConflictError } from '../evidence/errors';
import type { EvidenceStore, ReviewConflict, ReviewDecision, StoredEvidence } from '../evidence/evidenceStore';
import type { RecordLabelOutcome } from '../evidence/recordLabel';

export type ReviewOutcome =
  /** `recordLabel`: after an acceptance, whether the configured record label now protects the file. */
  | { kind: 'saved'; item: StoredEvidence; recordLabel?: RecordLabelOutcome }
  | { kind: 'conflict'; conflict: ReviewConflict }
  | { kind: 'refused'; reason: Message };

export async function submitReview(
  store: Pick<EvidenceStore, 'review' | 'applyRecordLabel'>,
  item: StoredEvidence,
  decision: ReviewDecision,
  reviewer: { person: PersonRef; roles: readonly Role[] },
): Promise<ReviewOutcome> {
  const violation = reviewRuleViolation({ reviewer: reviewer.person, mayReview: permissionsFor(reviewer.roles).mayReview, capturedBy: item.capturedBy, ...decision });
  if (violation) return { kind: 'refused', reason: REVIEW_RULE_MESSAGES[violation] };
  try {
    const saved = await store.review(item.id, item.etag, decision, reviewer.person);
    // The decision stands whatever happens to the label (applyRecordLabel never throws).
    const recordLabel = decision.status === 'accepted' && store.applyRecordLabel ? await store.applyRecordLabel(saved) : undefined;
    return { kind: 'saved', item: saved, ...(recordLabel && recordLabel.state !== 'notConfigured' ? { recordLabel } : {}) };
  } catch (error) {
    if (error instanceof ReviewConflictError) return { kind: 'conflict', conflict: error.conflict };
    throw error;
  }
}
