/**
 * The seed's checklist, evaluated: per item missing, waiting for review, accepted or stale,
 * with the freshness rule in words and the evidence that counts.
 */
import { CHECKLIST_ITEMS, type ChecklistItemId, type ChecklistSection } from './checklistItems';
import type { EvidenceItem } from './evidence';
import { evidenceTypeById, evidenceTypesFor } from './evidenceTypes';
import { describeFreshnessRule } from './freshness';
import { evaluateItems, type EvaluatedEvidence, type EvaluationContext } from './standing';
import { message, type Message } from './text';

export type ChecklistState = 'missing' | 'waitingForReview' | 'accepted' | 'stale';

export const CHECKLIST_STATE_LABELS: Record<ChecklistState, Message> = {
  missing: message('checklist.states.missing'),
  waitingForReview: message('checklist.states.waitingForReview'),
  accepted: message('checklist.states.accepted'),
  stale: message('checklist.states.stale'),
};

export interface ChecklistEntry {
  id: ChecklistItemId;
  section: ChecklistSection;
  label: Message;
  state: ChecklistState;
  stateLabel: Message;
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

/** A freshness rule in words, as freshness.ts describes it. */
type FreshnessRuleText = ReturnType<typeof describeFreshnessRule>;

/** Each text once (texts are plain data: equal when their JSON is). */
function uniqueTexts<T>(texts: T[]): T[] {
  const seen = texts.map((text) => JSON.stringify(text));
  return texts.filter((_, index) => seen.indexOf(seen[index]!) === index);
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
