/**
 * The evidence list's typed query: which conditions Graph evaluates, on which column, in which order.
 * Graph "can only filter one indexed field at a time" (Microsoft Learn, "List items"), and on a list
 * above SharePoint's 5,000-item list view threshold a condition on a non-indexed column fails even with
 * the Prefer header. So the query filters on the most selective indexed condition only; the store
 * applies every other condition (and the clause, kept in a multi-value text column) to each page.
 */
import type { EvidenceSource, EvidenceTypeId, ReviewStatus } from '../../domain';
import type { FieldCondition } from '../gateways/odata';
import type { TypedQuery } from '../gateways/typedList';
import { COL } from './evidenceSchema';

export interface EvidenceListQuery {
  types?: EvidenceTypeId[];
  statuses?: ReviewStatus[];
  sources?: EvidenceSource[];
  /** Inclusive ISO 8601 bounds on the effective date. */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Default: newest effective date first. */
  order?: 'effectiveDateDesc' | 'effectiveDateAsc';
  /** Page size. */
  top: number;
}

/** SharePoint keeps instants to the second. */
const isoSeconds = (iso: string) => new Date(iso).toISOString().replace(/\.\d+Z$/, 'Z');

const anyOf = (field: string, values: readonly string[] | undefined): FieldCondition | undefined =>
  values && values.length > 0 ? { field, anyOf: values } : undefined;

function effectiveRange(query: EvidenceListQuery): FieldCondition | undefined {
  if (!query.effectiveFrom && !query.effectiveTo) return undefined;
  return {
    field: COL.effectiveDate,
    ...(query.effectiveFrom ? { ge: isoSeconds(query.effectiveFrom) } : {}),
    // Stored instants are cut to whole seconds: compare against the next second, exactness comes from the store's own check.
    ...(query.effectiveTo ? { le: isoSeconds(new Date(Date.parse(query.effectiveTo) + 999).toISOString()) } : {}),
  };
}

/**
 * The most selective indexed condition the query has: the evidence type, else the date range,
 * else the review status, else the source. Undefined when the query names none.
 */
export function indexedCondition(query: EvidenceListQuery): FieldCondition | undefined {
  return anyOf(COL.type, query.types) ?? effectiveRange(query) ?? anyOf(COL.reviewStatus, query.statuses) ?? anyOf(COL.source, query.sources);
}

/** The query as the list helper sends it: one indexed condition, ordered by effective date. */
export function toTypedQuery(query: EvidenceListQuery): TypedQuery {
  const condition = indexedCondition(query);
  return {
    ...(condition ? { where: [condition] } : {}),
    orderBy: { field: COL.effectiveDate, direction: query.order === 'effectiveDateAsc' ? 'asc' : 'desc' },
    top: query.top,
  };
}

/** The lookup of one item by its unique source key. */
export const bySourceKey = (key: string): TypedQuery => ({ where: [{ field: COL.sourceKey, eq: key }], top: 2 });
