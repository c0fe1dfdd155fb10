/**
 * What changed between two versions of an evidence list item, in the list's own columns: the
 * binder's item history asks this without knowing SharePoint column names.
 */
import { COL } from './evidenceSchema';

/** Review columns: a review changes them; they are a display cache, never proof. */
const REVIEW_FIELDS = new Set<string>([COL.reviewStatus, COL.reviewer, COL.reviewedAt, COL.reviewComment]);
const CONTENT_FIELDS = Object.values(COL).filter((c) => !REVIEW_FIELDS.has(c));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The details JSON without its review parts (reviewer, review date), to tell a review from a change. */
function detailsWithoutReview(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    const { reviewer: _reviewer, dates, ...rest } = parsed;
    const { reviewedAt: _reviewedAt, ...otherDates } = (dates ?? {}) as Record<string, unknown>;
    return { ...rest, dates: otherDates };
  } catch {
    return value;
  }
}

/** Whether a column is one of the review columns (changed by a review, not by a change of the evidence). */
export function isEvidenceReviewColumn(column: string): boolean {
  return REVIEW_FIELDS.has(column);
}

export interface EvidenceVersionChange {
  /** The columns whose values differ. */
  changed: string[];
  /** Something besides the review changed (the evidence itself, not only its review cache). */
  contentChanged: boolean;
}

/** How a version's fields differ from the version before it. */
export function evidenceVersionChange(fields: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>>): EvidenceVersionChange {
  return {
    changed: Object.values(COL).filter((c) => !same(fields[c], before[c])),
    contentChanged: CONTENT_FIELDS.some((c) => (c === COL.details ? !same(detailsWithoutReview(fields[c]), detailsWithoutReview(before[c])) : !same(fields[c], before[c]))),
  };
}
