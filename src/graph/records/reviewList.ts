/**
 * The review list "Chefsache Protokolle" as a typed list: one row per record (the booked series, the
 * minutes of an occurrence) with its key, kind, status and the state as JSON text. Columns and OData
 * stay here; the reviews feature (src/features/reviews/reviewRecords.ts) validates the JSON it keeps.
 */
import type { ColumnDefinition, ListDefinition } from '../models';
import { openTypedList, type TypedListItems, type TypedListShape, type TypedListSite } from '../gateways/typedList';
import { LIST_NAMES } from '../evidence/listNames';

export type ReviewRecordKind = 'series' | 'minutes';
export type ReviewRecordStatus = 'booked' | 'cancelled' | 'draft' | 'signed';

const COL = { key: 'RecordKey', kind: 'RecordKind', status: 'RecordStatus', payload: 'Payload' } as const;

const REVIEW_COLUMNS: ColumnDefinition[] = [
  { name: COL.key, displayName: 'Schlüssel', type: 'text', maxLength: 255, indexed: true, enforceUniqueValues: true, required: true },
  { name: COL.kind, displayName: 'Art', type: 'choice', choices: ['series', 'minutes'], indexed: true },
  { name: COL.status, displayName: 'Status', type: 'choice', choices: ['booked', 'cancelled', 'draft', 'signed'] },
  { name: COL.payload, displayName: 'Inhalt (JSON)', type: 'text', allowMultipleLines: true },
];

export const REVIEW_LIST: ListDefinition = {
  displayName: LIST_NAMES.reviews,
  description: 'Chefsache: Management-Reviews (Serie, Protokolle, Unterschriften)',
  columns: REVIEW_COLUMNS,
};

/** What a row holds; `payload` is JSON text, checked by the feature that wrote it. */
export interface ReviewRow {
  key: string;
  kind: ReviewRecordKind;
  status: ReviewRecordStatus;
  payload: string;
}

/** A row as read: the item's id and version tag; `payload` undefined when the column is empty or not text. */
export interface ReviewRowRead {
  itemId: string;
  etag: string;
  key: string;
  payload: unknown;
}

const REVIEW_LIST_SHAPE: TypedListShape<ReviewRowRead, ReviewRow> = {
  definition: REVIEW_LIST,
  // Every read names its fields: a column someone hid in SharePoint would otherwise come back without values.
  select: ['Title', ...REVIEW_COLUMNS.map((c) => c.name)],
  read: (item) => ({ itemId: item.id, etag: item.etag, key: String(item.fields[COL.key]), payload: item.fields[COL.payload] }),
  write: (row) => ({ Title: row.key, [COL.key]: row.key, [COL.kind]: row.kind, [COL.status]: row.status, [COL.payload]: row.payload }),
};

export interface ReviewList {
  byKey(key: string): Promise<ReviewRowRead | undefined>;
  byKind(kind: ReviewRecordKind): Promise<ReviewRowRead[]>;
  /** Creates a row; the key (unique column) makes the create safe to repeat. */
  create(row: ReviewRow): Promise<ReviewRowRead>;
  /** Replaces a row if it still has version `etag` (else GraphPreconditionFailedError). */
  update(itemId: string, row: ReviewRow, etag: string): Promise<ReviewRowRead>;
}

function reviewList(items: TypedListItems<ReviewRowRead, ReviewRow>): ReviewList {
  return {
    byKey: async (key) => (await items.all({ where: [{ field: COL.key, eq: key }] }))[0],
    byKind: (kind) => items.all({ where: [{ field: COL.kind, eq: kind }] }),
    create: (row) => items.create(row, { idempotencyKey: row.key }),
    update: (itemId, row, etag) => items.replace(itemId, row, etag),
  };
}

/** The review list of a site: undefined when missing (unless `create`: then created, missing columns added). */
export async function openReviewList(graph: TypedListSite, siteUrl: string, create = false): Promise<ReviewList | undefined> {
  const items = await openTypedList(graph, siteUrl, REVIEW_LIST_SHAPE, create);
  return items && reviewList(items);
}
