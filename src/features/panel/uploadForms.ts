/**
 * Upload forms for the documents no mailbox produces: the fields each evidence type needs, and
 * the capture input built from a filled form. Files go to the library with their SHA-256 like
 * every other evidence (the store hashes them).
 */
import { EVIDENCE_TYPES, evidenceTypeById, uploadSourceKey, type PersonRef, type UploadEvidenceTypeId } from '../../domain';
import type { CaptureInput, EvidenceContent } from '../evidence/evidenceStore';

export type UploadFieldKind = 'text' | 'multiline' | 'date' | 'number' | 'year' | 'person' | 'url';

export const UPLOAD_FIELD_IDS = [
  'title',
  'effectiveDate',
  'version',
  'signedBy',
  'nextReview',
  'fiscalYear',
  'securityAmount',
  'lineItems',
  'amount',
  'vendor',
  'appointee',
  'target',
  'owner',
  'due',
  'businessGoal',
  'presentedTo',
  'topic',
  'participantCount',
  'author',
  'summary',
] as const;
export type UploadFieldId = (typeof UPLOAD_FIELD_IDS)[number];

export interface UploadField {
  id: UploadFieldId;
  kind: UploadFieldKind;
  required: boolean;
}

/** The registered evidence types with an upload form (`upload: true` in src/domain/sources). */
export type UploadType = UploadEvidenceTypeId;
export const UPLOAD_TYPES = EVIDENCE_TYPES.filter((type) => type.upload).map((type) => type.id) as readonly UploadType[];

const f = (id: UploadFieldId, kind: UploadFieldKind, required = true): UploadField => ({ id, kind, required });
const TITLE = f('title', 'text');
const DATE = f('effectiveDate', 'date');
const SUMMARY = f('summary', 'multiline', false);

export const UPLOAD_FORMS: Record<UploadType, readonly UploadField[]> = {
  securityPolicy: [TITLE, f('version', 'text'), f('signedBy', 'person'), DATE, f('nextReview', 'date'), SUMMARY],
  budgetPlan: [TITLE, f('fiscalYear', 'year'), f('securityAmount', 'number'), f('lineItems', 'multiline'), f('signedBy', 'person', false), DATE],
  securityInvoice: [TITLE, f('vendor', 'text'), f('amount', 'number'), DATE, SUMMARY],
  isbAppointment: [TITLE, f('appointee', 'person'), f('signedBy', 'person'), DATE, SUMMARY],
  roleDescription: [TITLE, DATE, SUMMARY],
  orgChart: [TITLE, DATE, SUMMARY],
  securityObjectives: [TITLE, f('target', 'multiline'), f('owner', 'person'), f('due', 'date'), f('businessGoal', 'url'), DATE],
  objectiveProgressReport: [TITLE, DATE, f('summary', 'multiline')],
  internalAuditReport: [TITLE, DATE, f('presentedTo', 'text'), SUMMARY],
  trainingRecord: [TITLE, f('topic', 'text'), f('participantCount', 'number'), DATE],
  intranetPost: [TITLE, f('author', 'person'), DATE, SUMMARY],
  allHandsSlides: [TITLE, f('author', 'person'), DATE, SUMMARY],
};

export type UploadValues = Partial<Record<UploadFieldId, string>>;
export type UploadError = 'required' | 'invalidDate' | 'futureDate' | 'invalidNumber' | 'invalidYear' | 'invalidUrl' | 'unknownPerson' | 'fileRequired';

export interface UploadRequest {
  type: UploadType;
  values: UploadValues;
  file?: EvidenceContent;
  /** People the person fields can name, by id. */
  people: readonly PersonRef[];
  /** A fresh id for the source key (crypto.randomUUID()). */
  uploadId: string;
  now: Date;
  /** Labels for the extra fields kept in the summary, in the user's language. */
  label: (field: UploadFieldId) => string;
}

export type UploadResult = { ok: true; input: CaptureInput } | { ok: false; errors: Partial<Record<UploadFieldId | 'file', UploadError>> };

/** The typed fields stay typed in the item; the others are kept as "label: value" lines in the summary. */
const ITEM_FIELDS: ReadonlySet<UploadFieldId> = new Set(['title', 'effectiveDate', 'signedBy', 'appointee', 'author', 'fiscalYear', 'summary']);

function plainDateToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  // Noon UTC: the same calendar day in every European time zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? date.toISOString() : undefined;
}

export function buildUploadCapture(request: UploadRequest): UploadResult {
  const fields = UPLOAD_FORMS[request.type];
  const errors: Partial<Record<UploadFieldId | 'file', UploadError>> = {};
  const value = (id: UploadFieldId) => (request.values[id] ?? '').trim();
  const person = (id: UploadFieldId) => request.people.find((p) => p.id === value(id));

  for (const field of fields) {
    const raw = value(field.id);
    if (!raw) {
      if (field.required) errors[field.id] = 'required';
      continue;
    }
    if (field.kind === 'date') {
      const iso = plainDateToIso(raw);
      if (!iso) errors[field.id] = 'invalidDate';
      else if (field.id === 'effectiveDate' && Date.parse(iso) > request.now.getTime() + 12 * 3_600_000) errors[field.id] = 'futureDate';
    }
    if (field.kind === 'number' && !(Number.isFinite(Number(raw.replace(',', '.'))) && Number(raw.replace(',', '.')) >= 0)) errors[field.id] = 'invalidNumber';
    if (field.kind === 'year' && !/^(19|2\d)\d{2}$/.test(raw)) errors[field.id] = 'invalidYear';
    if (field.kind === 'url' && !/^https?:\/\/\S+$/i.test(raw)) errors[field.id] = 'invalidUrl';
    if (field.kind === 'person' && !person(field.id)) errors[field.id] = 'unknownPerson';
  }
  if (!request.file || request.file.bytes.byteLength === 0) errors.file = 'fileRequired';
  if (Object.keys(errors).length > 0 || !request.file) return { ok: false, errors };

  const effective = plainDateToIso(value('effectiveDate'))!;
  // A date at noon UTC may lie a few hours after "now" on the same day: cap it at now.
  const effectiveDate = Date.parse(effective) > request.now.getTime() ? request.now.toISOString() : effective;
  const extra = fields
    .filter((field) => !ITEM_FIELDS.has(field.id) && value(field.id))
    .map((field) => `${request.label(field.id)}: ${field.kind === 'person' ? person(field.id)!.displayName : value(field.id)}`);
  const summary = [...extra, value('summary')].filter(Boolean).join('\n');
  const type = evidenceTypeById(request.type);
  const input: CaptureInput = {
    title: value('title'),
    type: request.type,
    clauses: [...type.clauses],
    source: 'upload',
    sourceKey: uploadSourceKey(request.uploadId),
    effectiveDate,
    summary,
    content: request.file,
    ...(person('signedBy') ? { signedBy: person('signedBy')! } : {}),
    ...(person('appointee') ? { appointee: person('appointee')! } : {}),
    ...(person('author') ? { author: person('author')! } : {}),
    ...(value('fiscalYear') ? { fiscalYear: Number(value('fiscalYear')) } : {}),
  };
  return { ok: true, input };
}
