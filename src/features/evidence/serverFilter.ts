/**
 * The part of an evidence query Graph evaluates: a filter on ONE indexed column. Graph "can only
 * filter one indexed field at a time" (Microsoft Learn, "List items"), and on a list above
 * SharePoint's 5,000-item list view threshold a condition on a non-indexed column fails even with
 * the Prefer header. Every other condition of the query (and the clause, which lives in a
 * multi-value text column) is applied to each page by `matchesQuery`.
 */
import { COL, odataString } from '../../graph';
import type { EvidenceQuery } from './evidenceStore';

/** SharePoint keeps instants to the second. */
const isoSeconds = (iso: string) => new Date(iso).toISOString().replace(/\.\d+Z$/, 'Z');

function anyOf(column: string, values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? `(${values.map((v) => `fields/${column} eq ${odataString(v)}`).join(' or ')})` : undefined;
}

function effectiveRange(query: EvidenceQuery): string | undefined {
  const parts = [
    query.effectiveFrom ? `fields/${COL.effectiveDate} ge ${odataString(isoSeconds(query.effectiveFrom))}` : undefined,
    // Stored instants are cut to whole seconds: compare against the next second, exactness comes from matchesQuery.
    query.effectiveTo
      ? `fields/${COL.effectiveDate} le ${odataString(isoSeconds(new Date(Date.parse(query.effectiveTo) + 999).toISOString()))}`
      : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/**
 * The most selective indexed condition the query has: the evidence type, else the date range,
 * else the review status, else the source. Undefined when the query names none.
 */
export function indexedServerFilter(query: EvidenceQuery): string | undefined {
  return anyOf(COL.type, query.types) ?? effectiveRange(query) ?? anyOf(COL.reviewStatus, query.statuses) ?? anyOf(COL.source, query.sources);
}
