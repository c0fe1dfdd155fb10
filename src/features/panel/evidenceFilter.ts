/**
 * The panel's filters over the evidence it holds: type, status, clause, source, date range, a
 * search in titles, and sorting. Runs locally on the synced items (10,000 stay fast).
 */
import type { ClauseId, EvidenceSource, EvidenceTypeId, ReviewStatus } from '../../domain';
import type { StoredEvidence } from '../evidence/evidenceStore';
import { matchesQuery } from '../evidence/queryEvidence';

export type SortKey = 'effectiveDate' | 'title' | 'type' | 'reviewStatus' | 'capturedAt';
export type SortDirection = 'ascending' | 'descending';

export interface PanelFilter {
  types: EvidenceTypeId[];
  statuses: ReviewStatus[];
  clause?: ClauseId;
  sources: EvidenceSource[];
  /** Plain dates (YYYY-MM-DD), inclusive, in the browser's time zone. */
  from?: string;
  to?: string;
  search: string;
  sort: { key: SortKey; direction: SortDirection };
}

export const EMPTY_FILTER: PanelFilter = {
  types: [],
  statuses: [],
  sources: [],
  search: '',
  sort: { key: 'effectiveDate', direction: 'descending' },
};

/** Start of the local day `yyyy-mm-dd`, or of the day after it (exclusive end). */
function localDay(plain: string, dayOffset = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(plain);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset).getTime();
}

const normalise = (text: string) => text.normalize('NFC').toLocaleLowerCase('de');

export function matchesFilter(item: StoredEvidence, filter: PanelFilter): boolean {
  if (
    !matchesQuery(item, {
      ...(filter.types.length ? { types: filter.types } : {}),
      ...(filter.statuses.length ? { statuses: filter.statuses } : {}),
      ...(filter.sources.length ? { sources: filter.sources } : {}),
      ...(filter.clause ? { clause: filter.clause } : {}),
    })
  ) {
    return false;
  }
  const effective = Date.parse(item.effectiveDate);
  const from = filter.from ? localDay(filter.from) : undefined;
  const until = filter.to ? localDay(filter.to, 1) : undefined;
  if (from !== undefined && effective < from) return false;
  if (until !== undefined && effective >= until) return false;
  const words = normalise(filter.search).split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const title = normalise(item.title);
    if (!words.every((word) => title.includes(word))) return false;
  }
  return true;
}

function compareBy(key: SortKey): (a: StoredEvidence, b: StoredEvidence) => number {
  switch (key) {
    case 'effectiveDate':
    case 'capturedAt':
      return (a, b) => Date.parse(a[key]) - Date.parse(b[key]);
    default:
      return (a, b) => a[key].localeCompare(b[key], 'de', { sensitivity: 'base', numeric: true });
  }
}

/** Filtered and sorted; ties keep a stable order by id. */
export function applyFilter(items: readonly StoredEvidence[], filter: PanelFilter): StoredEvidence[] {
  const compare = compareBy(filter.sort.key);
  const sign = filter.sort.direction === 'ascending' ? 1 : -1;
  return items
    .filter((item) => matchesFilter(item, filter))
    .sort((a, b) => sign * compare(a, b) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export function isFiltered(filter: PanelFilter): boolean {
  return Boolean(filter.types.length || filter.statuses.length || filter.sources.length || filter.clause || filter.from || filter.to || filter.search.trim());
}
