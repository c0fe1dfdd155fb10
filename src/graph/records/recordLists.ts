/**
 * The two append-only lists that make review decisions and signatures evidence of their own
 * (issue 11). Only the deciding role may add items (setup's permission levels), nobody edits or
 * deletes them; SharePoint's createdBy/createdDateTime say who and when. Column names are internal
 * names (stable); display names are German like the rest of the tenant.
 */
import type { ColumnDefinition, ListDefinition } from '../models';
import { LIST_NAMES } from '../evidence/listNames';

/** Internal column names of the decision list. */
export const DECISION_COL = {
  evidenceItemId: 'EvidenceItemId',
  decision: 'Decision',
  comment: 'Comment',
  contentSha256: 'ContentSha256',
  itemDigest: 'ItemDigest',
  evidenceVersion: 'EvidenceVersion',
} as const;

export const DECISION_COLUMNS: readonly ColumnDefinition[] = [
  { name: DECISION_COL.evidenceItemId, displayName: 'Nachweis-ID', type: 'text', maxLength: 64, indexed: true, required: true },
  { name: DECISION_COL.decision, displayName: 'Entscheidung', type: 'choice', choices: ['accepted', 'rejected'], required: true },
  { name: DECISION_COL.comment, displayName: 'Begründung', type: 'text', allowMultipleLines: true },
  { name: DECISION_COL.contentSha256, displayName: 'SHA-256 des Dokuments', type: 'text', maxLength: 64 },
  { name: DECISION_COL.itemDigest, displayName: 'SHA-256 der Angaben', type: 'text', maxLength: 64, required: true },
  { name: DECISION_COL.evidenceVersion, displayName: 'Version des Nachweises', type: 'text', maxLength: 32 },
];

export const DECISION_LIST: ListDefinition = {
  displayName: LIST_NAMES.decisions,
  description: 'Chefsache: Prüfentscheidungen (Annahme/Ablehnung) zu Nachweisen. Nur hinzufügen; wer und wann sagen „Erstellt von“ und „Erstellt“.',
  template: 'genericList',
  columns: [...DECISION_COLUMNS],
};

/** Internal column names of the signature list. */
export const SIGNATURE_COL = {
  occurrenceStart: 'OccurrenceStart',
  minutesVersion: 'MinutesVersion',
  minutesSha256: 'MinutesSha256',
  pdfEvidenceId: 'PdfEvidenceId',
  pdfSha256: 'PdfSha256',
  evidenceDigest: 'EvidenceDigest',
  evidenceCount: 'EvidenceCount',
  entries: 'Entries',
} as const;

/** A multi-line text column holds at most 63,999 characters (SharePoint's column limit). */
export const MULTILINE_TEXT_MAX = 63_999;

export const SIGNATURE_COLUMNS: readonly ColumnDefinition[] = [
  { name: SIGNATURE_COL.occurrenceStart, displayName: 'Termin (UTC)', type: 'text', maxLength: 32, indexed: true, required: true },
  { name: SIGNATURE_COL.minutesVersion, displayName: 'Fassung', type: 'number', decimalPlaces: 'none', minimum: 1, required: true },
  { name: SIGNATURE_COL.minutesSha256, displayName: 'SHA-256 des Protokolls', type: 'text', maxLength: 64, required: true },
  { name: SIGNATURE_COL.pdfEvidenceId, displayName: 'Nachweis-ID des PDF', type: 'text', maxLength: 64 },
  { name: SIGNATURE_COL.pdfSha256, displayName: 'SHA-256 des PDF', type: 'text', maxLength: 64 },
  { name: SIGNATURE_COL.evidenceDigest, displayName: 'Nachweis-Digest', type: 'text', maxLength: 64, required: true },
  { name: SIGNATURE_COL.evidenceCount, displayName: 'Anzahl Nachweise', type: 'number', decimalPlaces: 'none', minimum: 0 },
  {
    name: SIGNATURE_COL.entries,
    displayName: 'Nachweise (JSON)',
    description: 'Zeilen „ID|Version|SHA-256“ aller Nachweise zum Zeitpunkt der Unterschrift.',
    type: 'text',
    allowMultipleLines: true,
  },
];

export const SIGNATURE_LIST: ListDefinition = {
  displayName: LIST_NAMES.signatures,
  description: 'Chefsache: Unterschriften unter Management-Review-Protokollen. Nur hinzufügen; wer und wann sagen „Erstellt von“ und „Erstellt“.',
  template: 'genericList',
  columns: [...SIGNATURE_COLUMNS],
};

/** The record lists setup provisions (and grants "add only" on). */
export const RECORD_LISTS = { decisions: DECISION_LIST, signatures: SIGNATURE_LIST } as const;
