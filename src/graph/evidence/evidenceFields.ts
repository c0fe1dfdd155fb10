/**
 * Mapping between domain evidence items and the list item fields of "Chefsache Nachweise".
 * Readable columns carry what people look at in SharePoint (title, type, dates, review); the hidden
 * JSON column "EvidenceDetails" carries person references and type-specific fields exactly, plus
 * the original date strings (SharePoint keeps instants in UTC, the domain keeps the offset).
 * Every item read back is validated with the domain schema; an item someone broke by hand is
 * reported, not guessed.
 */
import { z } from 'zod';
import {
  describeIssues,
  evidenceIssueMessage,
  EvidenceItemSchema,
  PersonRefSchema,
  type EvidenceIssue,
  type EvidenceItem,
  type Message,
  type PersonRef,
  type StoredEvidence,
} from '../../domain';
import type { ListItem } from '../models';
import { COL, VERSION_FIELD } from './evidenceSchema';

/** What a create writes besides the domain item. */
export interface EvidenceWriteExtras {
  contentItemId?: string;
  /** Random id of the store's write (tells a retried create from a duplicate): column CaptureId. */
  writeId?: string;
}

/** A new item as the evidence gateway creates it. */
export interface EvidenceWrite extends EvidenceWriteExtras {
  item: EvidenceItem;
}

const DETAILS_VERSION = 1;

const detailsSchema = z.looseObject({
  v: z.number().int(),
  capturedBy: PersonRefSchema,
  reviewer: PersonRefSchema.optional(),
  signedBy: PersonRefSchema.optional(),
  author: PersonRefSchema.optional(),
  participants: z.array(PersonRefSchema).optional(),
  appointee: PersonRefSchema.optional(),
  revokedAt: z.string().optional(),
  scheduledFor: z.string().optional(),
  fiscalYear: z.number().int().optional(),
  relatesTo: z.array(z.string()).optional(),
  dates: z.record(z.string(), z.string()).optional(),
  /** The item counts until revoked (expiresAt null). */
  noExpiry: z.boolean().optional(),
});
type Details = z.infer<typeof detailsSchema>;

const text = z.string().nullish();
/** The columns as Graph returns them (extra system fields pass through unread). */
const evidenceFieldsSchema = z.looseObject({
  [COL.title]: z.string(),
  [COL.type]: z.string(),
  [COL.clauses]: text,
  [COL.source]: z.string(),
  [COL.sourceKey]: z.string(),
  [COL.effectiveDate]: z.string(),
  [COL.capturedAt]: text,
  [COL.summary]: text,
  [COL.contentUrl]: text,
  [COL.contentSha256]: text,
  [COL.contentItemId]: text,
  [COL.contentSentSha256]: text,
  [COL.contentSize]: z.number().nullish(),
  [COL.contentQuickXorHash]: text,
  [COL.reviewStatus]: text,
  [COL.reviewedAt]: text,
  [COL.reviewComment]: text,
  [COL.expiresAt]: text,
  [COL.details]: z.string(),
  [COL.writeId]: text,
});

function personText(person: PersonRef | undefined): string | null {
  if (!person) return null;
  return person.upn ? `${person.displayName} <${person.upn}>` : person.displayName;
}

const DATE_FIELDS = ['effectiveDate', 'capturedAt', 'reviewedAt', 'expiresAt', 'revokedAt', 'scheduledFor'] as const;

function detailsOf(item: EvidenceItem): Details {
  const dates: Record<string, string> = {};
  for (const key of DATE_FIELDS) {
    const value = item[key];
    if (typeof value === 'string') dates[key] = value;
  }
  const details: Details = { v: DETAILS_VERSION, capturedBy: item.capturedBy, dates };
  if (item.expiresAt === null) details.noExpiry = true;
  if (item.reviewer) details.reviewer = item.reviewer;
  if (item.signedBy) details.signedBy = item.signedBy;
  if (item.author) details.author = item.author;
  if (item.participants) details.participants = item.participants;
  if (item.appointee) details.appointee = item.appointee;
  if (item.revokedAt) details.revokedAt = item.revokedAt;
  if (item.scheduledFor) details.scheduledFor = item.scheduledFor;
  if (item.fiscalYear !== undefined) details.fiscalYear = item.fiscalYear;
  if (item.relatesTo) details.relatesTo = item.relatesTo;
  return details;
}

/** All fields of a new list item. */
export function toEvidenceFields(item: EvidenceItem, extras: EvidenceWriteExtras = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    [COL.title]: item.title,
    [COL.type]: item.type,
    [COL.clauses]: item.clauses.join('; '),
    [COL.source]: item.source,
    [COL.sourceKey]: item.sourceKey,
    [COL.effectiveDate]: item.effectiveDate,
    [COL.capturedAt]: item.capturedAt,
    [COL.capturedBy]: personText(item.capturedBy),
    [COL.summary]: item.summary,
    [COL.reviewStatus]: item.reviewStatus,
    [COL.details]: JSON.stringify(detailsOf(item)),
  };
  const optional: Record<string, unknown> = {
    [COL.contentUrl]: item.contentUrl,
    [COL.contentSha256]: item.contentSha256,
    [COL.contentItemId]: extras.contentItemId,
    [COL.contentSentSha256]: item.contentSentSha256,
    [COL.contentSize]: item.contentSize,
    [COL.contentQuickXorHash]: item.contentQuickXorHash,
    [COL.reviewer]: personText(item.reviewer) ?? undefined,
    [COL.reviewedAt]: item.reviewedAt,
    [COL.reviewComment]: item.reviewComment,
    [COL.expiresAt]: item.expiresAt ?? undefined,
    [COL.writeId]: extras.writeId,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined && value !== '') fields[key] = value;
  return fields;
}

/** The fields a review changes (PATCH .../fields). Clears a comment when there is none. */
export function toReviewFields(item: EvidenceItem): Record<string, unknown> {
  return {
    [COL.reviewStatus]: item.reviewStatus,
    [COL.reviewer]: personText(item.reviewer),
    [COL.reviewedAt]: item.reviewedAt ?? null,
    [COL.reviewComment]: item.reviewComment ?? null,
    [COL.details]: JSON.stringify(detailsOf(item)),
  };
}

/**
 * A list item read back: the validated record, or why it is unreadable together with its raw
 * fields (as Graph returned them, annotations removed), so that nothing is dropped silently.
 */
export type EvidenceReadResult =
  | { ok: true; record: StoredEvidence; writeId?: string }
  | { ok: false; id: string; issues: EvidenceIssue[]; fields: Record<string, unknown> };

/** SharePoint keeps whole seconds: the same instant up to the milliseconds it dropped. */
const sameInstant = (a: string | undefined, b: string | null | undefined) =>
  a !== undefined && typeof b === 'string' && Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);

/** The original string when it denotes the column's instant, else the column (changed in SharePoint). */
function date(details: Details, key: (typeof DATE_FIELDS)[number], column: string | null | undefined): string | undefined {
  const original = details.dates?.[key];
  if (column === undefined) return original;
  if (column === null || column === '') return undefined;
  return sameInstant(original, column) ? original : column;
}

/** `detail`: zod's technical words, or a message to translate. */
function invalid(listItem: ListItem, detail: string | Message, path = ''): EvidenceReadResult {
  return {
    ok: false,
    id: listItem.id,
    issues: [{ path, key: 'invalid', message: evidenceIssueMessage('issue.listItem', { detail }) }],
    fields: listItem.fields ?? {},
  };
}

/** A list item (with its fields) as a validated evidence record. */
export function fromEvidenceListItem(listItem: ListItem): EvidenceReadResult {
  const parsedFields = evidenceFieldsSchema.safeParse(listItem.fields);
  if (!parsedFields.success) {
    return invalid(listItem, parsedFields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const f = parsedFields.data;
  let details: Details;
  try {
    const parsed = detailsSchema.safeParse(JSON.parse(f[COL.details]));
    if (!parsed.success) return invalid(listItem, `${COL.details}: ${parsed.error.issues.map((i) => i.message).join('; ')}`, COL.details);
    details = parsed.data;
  } catch {
    return invalid(listItem, evidenceIssueMessage('issue.notJson', { column: COL.details }), COL.details);
  }
  const candidate = {
    id: listItem.id,
    title: f[COL.title],
    type: f[COL.type],
    clauses: (f[COL.clauses] ?? '')
      .split(/[;,]/)
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    source: f[COL.source],
    sourceKey: f[COL.sourceKey],
    effectiveDate: date(details, 'effectiveDate', f[COL.effectiveDate]),
    capturedAt: date(details, 'capturedAt', f[COL.capturedAt]),
    capturedBy: details.capturedBy,
    summary: f[COL.summary] ?? '',
    contentUrl: f[COL.contentUrl] ?? undefined,
    contentSha256: f[COL.contentSha256] ?? undefined,
    contentSentSha256: f[COL.contentSentSha256] ?? undefined,
    contentSize: f[COL.contentSize] ?? undefined,
    contentQuickXorHash: f[COL.contentQuickXorHash] ?? undefined,
    reviewStatus: f[COL.reviewStatus] ?? 'pending',
    reviewer: details.reviewer,
    reviewedAt: date(details, 'reviewedAt', f[COL.reviewedAt]),
    reviewComment: f[COL.reviewComment] ?? undefined,
    expiresAt: !f[COL.expiresAt] && details.noExpiry ? null : date(details, 'expiresAt', f[COL.expiresAt]),
    signedBy: details.signedBy,
    author: details.author,
    participants: details.participants,
    appointee: details.appointee,
    revokedAt: details.revokedAt,
    scheduledFor: details.scheduledFor,
    fiscalYear: details.fiscalYear,
    relatesTo: details.relatesTo,
  };
  const parsed = EvidenceItemSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, id: listItem.id, issues: describeIssues(parsed.error), fields: listItem.fields ?? {} };
  const item = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as EvidenceItem;
  const record: StoredEvidence = { ...item, id: listItem.id, etag: listItem.etag };
  if (f[COL.contentItemId]) record.contentItemId = f[COL.contentItemId]!;
  const version = listItem.fields[VERSION_FIELD];
  if (typeof version === 'string' && version !== '') record.version = version;
  return f[COL.writeId] ? { ok: true, record, writeId: f[COL.writeId]! } : { ok: true, record };
}
