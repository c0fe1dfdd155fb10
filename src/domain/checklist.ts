/**
 * The seed's checklist, evaluated: per item missing, waiting for review, accepted or stale,
 * with the freshness rule in words and the evidence that counts.
 */
import { CHECKLIST_ITEMS, type ChecklistItemId, type ChecklistSection } from './checklistItems';
import type { EvidenceItem } from './evidence';
import { evidenceTypeById, evidenceTypesFor } from './evidenceTypes';
import { describeFreshnessRule } from './freshness';
import { evaluateItems, type EvaluatedEvidence, type EvaluationContext } from './standing';
import type { Localized, Message } from './text';

export type ChecklistState = 'missing' | 'waitingForReview' | 'accepted' | 'stale';

export const CHECKLIST_STATE_LABELS: Record<ChecklistState, Localized> = {
  missing: { de: 'Fehlt', en: 'Missing' },
  waitingForReview: { de: 'Wartet auf Prüfung', en: 'Waiting for review' },
  accepted: { de: 'Angenommen', en: 'Accepted' },
  stale: { de: 'Veraltet', en: 'Out of date' },
};

export interface ChecklistEntry {
  id: ChecklistItemId;
  section: ChecklistSection;
  label: Localized;
  state: ChecklistState;
  stateLabel: Localized;
  /** The freshness rule(s) in words, one per evidence type that counts. */
  rules: Message[];
  /** Evidence that fulfils the item (primary types), newest first, rejected items left out. */
  evidence: EvaluatedEvidence[];
  /** Supporting evidence (e.g. invoices next to the budget plan), newest first, rejected left out. */
  supporting: EvaluatedEvidence[];
  /** Until when the item stays accepted; null when it is not accepted or counts until revoked. */
  acceptedUntil: Date | null;
}

function stateOf(evidence: readonly EvaluatedEvidence[]): ChecklistState {
  if (evidence.some((e) => e.standing === 'current')) return 'accepted';
  if (evidence.some((e) => e.standing === 'pending')) return 'waitingForReview';
  if (evidence.some((e) => e.standing === 'stale')) return 'stale';
  return 'missing';
}

function latestExpiry(evidence: readonly EvaluatedEvidence[]): Date | null {
  const current = evidence.filter((e) => e.standing === 'current');
  if (current.length === 0 || current.some((e) => e.expiresAt === null)) return null;
  return new Date(Math.max(...current.map((e) => e.expiresAt!.getTime())));
}

function uniqueTexts(texts: Message[]): Message[] {
  const same = (a: Message, b: Message) => a.key === b.key && JSON.stringify(a.values) === JSON.stringify(b.values);
  return texts.filter((text, index) => texts.findIndex((other) => same(other, text)) === index);
}

export function evaluateChecklist(items: readonly EvidenceItem[], context: EvaluationContext): ChecklistEntry[] {
  const evaluated = evaluateItems(items, context).filter((e) => e.standing !== 'rejected');
  return CHECKLIST_ITEMS.map((definition) => {
    const counting = evaluated.filter((e) => evidenceTypeById(e.item.type).checklistItem === definition.id);
    const evidence = counting.filter((e) => definition.primaryTypes.includes(e.item.type));
    const supporting = counting.filter((e) => !definition.primaryTypes.includes(e.item.type));
    const state = stateOf(evidence);
    return {
      id: definition.id,
      section: definition.section,
      label: definition.label,
      state,
      stateLabel: CHECKLIST_STATE_LABELS[state],
      rules: uniqueTexts(evidenceTypesFor(definition.id).map((type) => describeFreshnessRule(type.id, context.settings))),
      evidence,
      supporting,
      acceptedUntil: state === 'accepted' ? latestExpiry(evidence) : null,
    };
  });
}
