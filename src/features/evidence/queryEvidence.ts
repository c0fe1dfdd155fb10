/**
 * Filtering and ordering of evidence held locally (the delta cache, the in-memory gateway for tests).
 * A clause filter matches an item that cites the clause or one of its sub-clauses (9.3 matches 9.3.2a).
 */
import { clauseWithAncestors, type EvidenceItem } from '../../domain';
import type { EvidenceQuery } from './evidenceStore';

export const DEFAULT_PAGE_SIZE = 50;

export function matchesQuery(item: EvidenceItem, query: EvidenceQuery): boolean {
  if (query.types?.length && !query.types.includes(item.type)) return false;
  if (query.statuses?.length && !query.statuses.includes(item.reviewStatus)) return false;
  if (query.sources?.length && !query.sources.includes(item.source)) return false;
  if (query.clause) {
    const wanted = query.clause;
    if (!item.clauses.some((clause) => clauseWithAncestors(clause).includes(wanted))) return false;
  }
  const effective = Date.parse(item.effectiveDate);
  if (query.effectiveFrom && effective < Date.parse(query.effectiveFrom)) return false;
  if (query.effectiveTo && effective > Date.parse(query.effectiveTo)) return false;
  return true;
}

/** Newest first by default; ties by id so paging is stable. */
export function compareForQuery(order: EvidenceQuery['order'] = 'effectiveDateDesc') {
  const sign = order === 'effectiveDateAsc' ? 1 : -1;
  return (a: EvidenceItem, b: EvidenceItem): number => {
    const byDate = Date.parse(a.effectiveDate) - Date.parse(b.effectiveDate);
    if (byDate !== 0) return sign * byDate;
    return sign * String(a.id ?? '').localeCompare(String(b.id ?? ''), 'en', { numeric: true });
  };
}
