/**
 * Where Chefsache keeps evidence in the customer's SharePoint site, and the columns it needs.
 * - List "Chefsache Nachweise": one item per piece of evidence (metadata, review, SHA-256 of the
 *   stored document and of the bytes sent: SharePoint may change a document it stores).
 * - Document library "Chefsache Nachweisdokumente": the stored bytes (mail snapshots, PDFs, uploads),
 *   one file per item under `<year>/<key>-<file name>`.
 * Provisioning creates both when missing and adds columns a newer app version defines; it never
 * changes or removes existing columns or data. Column names are internal names (stable); display
 * names are German like the rest of the tenant.
 */
import { CLAUSE_IDS, EVIDENCE_SOURCES, EVIDENCE_TYPE_IDS, REVIEW_STATUSES } from '../../domain';
import type { ColumnDefinition, ListDefinition } from '../models';

import { LIST_NAMES } from './listNames';

export const EVIDENCE_LIST_NAME = LIST_NAMES.evidence;
export const EVIDENCE_LIBRARY_NAME = LIST_NAMES.library;
/** Bumped when columns are added; provisioning adds what is missing. */
const COLUMNS_VERSION = 2;

/** Internal column names of the evidence list. */
export const COL = {
  title: 'Title',
  type: 'EvidenceType',
  clauses: 'Clauses',
  source: 'EvidenceSource',
  sourceKey: 'SourceKey',
  effectiveDate: 'EffectiveDate',
  capturedAt: 'CapturedAt',
  capturedBy: 'CapturedBy',
  summary: 'Summary',
  contentUrl: 'ContentUrl',
  contentSha256: 'ContentSha256',
  contentItemId: 'ContentItemId',
  contentSentSha256: 'ContentSentSha256',
  contentSize: 'ContentSize',
  contentQuickXorHash: 'ContentQuickXorHash',
  reviewStatus: 'ReviewStatus',
  reviewer: 'Reviewer',
  reviewedAt: 'ReviewedAt',
  reviewComment: 'ReviewComment',
  expiresAt: 'ExpiresAt',
  details: 'EvidenceDetails',
  /**
   * The store's write id (random per capture, kept across outbox retries): tells a retried create from
   * a duplicate. Internal name and display name stay "CaptureId"/"Erfassungs-ID" for existing lists.
   */
  writeId: 'CaptureId',
} as const;

/**
 * Every field the app reads, named in each read's `$expand=fields($select=...)`: Graph leaves out
 * the values of hidden columns (EvidenceDetails, CaptureId, ContentItemId) unless they are named.
 */
/** SharePoint's version label of an item ("3.0"): what decisions and signatures record (issue 11). */
export const VERSION_FIELD = '_UIVersionString';

export const EVIDENCE_FIELDS: readonly string[] = [...Object.values(COL), VERSION_FIELD];

/**
 * Columns that queries filter or order on are indexed, so large lists need no Prefer header. A
 * query filters on one of them only (Graph: "the service can only filter one indexed field at a
 * time"); the store applies the other conditions itself.
 */
export const EVIDENCE_COLUMNS: readonly ColumnDefinition[] = [
  { name: COL.type, displayName: 'Nachweisart', type: 'choice', choices: [...EVIDENCE_TYPE_IDS], indexed: true, required: true },
  {
    name: COL.clauses,
    displayName: 'ISO-27001-Abschnitte',
    description: `Abschnitte, getrennt durch "; " (${CLAUSE_IDS.slice(0, 3).join(', ')}, …)`,
    type: 'text',
    maxLength: 255,
  },
  { name: COL.source, displayName: 'Quelle', type: 'choice', choices: [...EVIDENCE_SOURCES], indexed: true, required: true },
  {
    name: COL.sourceKey,
    displayName: 'Quellschlüssel',
    description: 'Stabile Kennung der Quelle (Message-ID, Besprechung + Termin, Upload-ID); eindeutig.',
    type: 'text',
    maxLength: 255,
    indexed: true,
    enforceUniqueValues: true,
    required: true,
  },
  { name: COL.effectiveDate, displayName: 'Datum des Nachweises', type: 'dateTime', format: 'dateTime', indexed: true, required: true },
  { name: COL.capturedAt, displayName: 'Erfasst am', type: 'dateTime', format: 'dateTime' },
  { name: COL.capturedBy, displayName: 'Erfasst von', type: 'text', maxLength: 255 },
  { name: COL.summary, displayName: 'Zusammenfassung', type: 'text', allowMultipleLines: true },
  { name: COL.contentUrl, displayName: 'Dokument', type: 'text', allowMultipleLines: true },
  /** Over the bytes as stored in the library (what verification downloads). */
  { name: COL.contentSha256, displayName: 'SHA-256 des Dokuments', type: 'text', maxLength: 64 },
  { name: COL.contentItemId, displayName: 'Dokument-ID', type: 'text', maxLength: 255, hidden: true },
  // Schema version 2: SharePoint may store a document changed (property promotion), so the list
  // keeps the hash of what was sent next to the hash, size and quickXorHash of what is stored.
  { name: COL.contentSentSha256, displayName: 'SHA-256 wie gesendet', type: 'text', maxLength: 64 },
  { name: COL.contentSize, displayName: 'Dateigröße (Bytes)', type: 'number', decimalPlaces: 'none', minimum: 0 },
  { name: COL.contentQuickXorHash, displayName: 'QuickXorHash des Dokuments', type: 'text', maxLength: 64 },
  { name: COL.reviewStatus, displayName: 'Prüfstatus', type: 'choice', choices: [...REVIEW_STATUSES], indexed: true },
  { name: COL.reviewer, displayName: 'Geprüft von', type: 'text', maxLength: 255 },
  { name: COL.reviewedAt, displayName: 'Geprüft am', type: 'dateTime', format: 'dateTime' },
  { name: COL.reviewComment, displayName: 'Prüfkommentar', type: 'text', allowMultipleLines: true },
  { name: COL.expiresAt, displayName: 'Gültig bis', type: 'dateTime', format: 'dateTime', indexed: true },
  {
    name: COL.details,
    displayName: 'Details (JSON)',
    description: 'Personen und typabhängige Angaben in maschinenlesbarer Form; bitte nicht von Hand ändern.',
    type: 'text',
    allowMultipleLines: true,
    hidden: true,
  },
  { name: COL.writeId, displayName: 'Erfassungs-ID', type: 'text', maxLength: 64, hidden: true },
];

/**
 * The version a located list must have. It also grows with every choice value a registered evidence source adds
 * (src/domain/sources), so a browser that cached an older location locates again and provisioning adds the value.
 */
export const EVIDENCE_SCHEMA_VERSION =
  COLUMNS_VERSION * 1000 + EVIDENCE_COLUMNS.reduce((count, column) => count + (column.type === 'choice' ? column.choices.length : 0), 0);

export const EVIDENCE_LIST: ListDefinition = {
  displayName: EVIDENCE_LIST_NAME,
  description: 'Chefsache: Nachweise, dass die Leitung Informationssicherheit führt (ISO/IEC 27001:2022 5.1, 9.3, A.5.4).',
  template: 'genericList',
  columns: [...EVIDENCE_COLUMNS],
};

export const EVIDENCE_LIBRARY: ListDefinition = {
  displayName: EVIDENCE_LIBRARY_NAME,
  description: 'Chefsache: gespeicherte Nachweisdokumente. Der SHA-256 jeder Datei steht in der Liste „Chefsache Nachweise“.',
  template: 'documentLibrary',
  columns: [],
};
