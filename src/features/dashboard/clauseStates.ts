/**
 * The ISO clauses next to the checklist: per top-level clause (5.1, 5.2, …, 9.3, A.5.4) whether
 * evidence for it or its sub-clauses is accepted, waiting for review, stale or missing.
 */
import {
  CLAUSES,
  clauseWithAncestors,
  evaluateItems,
  type ChecklistState,
  type Clause,
  type EvaluationContext,
  type EvidenceItem,
} from '../../domain';

export interface ClauseState {
  clause: Clause;
  state: ChecklistState;
  /** Items citing the clause or a sub-clause, rejected ones left out. */
  count: number;
}

export function evaluateClauses(items: readonly EvidenceItem[], context: EvaluationContext): ClauseState[] {
  const evaluated = evaluateItems(items, context).filter((e) => e.standing !== 'rejected');
  return CLAUSES.filter((clause) => clause.parent === null).map((clause) => {
    const citing = evaluated.filter((e) => e.item.clauses.some((id) => clauseWithAncestors(id).includes(clause.id)));
    const state: ChecklistState = citing.some((e) => e.standing === 'current')
      ? 'accepted'
      : citing.some((e) => e.standing === 'pending')
        ? 'waitingForReview'
        : citing.some((e) => e.standing === 'stale')
          ? 'stale'
          : 'missing';
    return { clause, state, count: citing.length };
  });
}
