/**
 * Signatures of minutes as an auditor can trust them: items of their own in an append-only list
 * (SharePoint's `createdBy` is the signer, `createdDateTime` the time). A signature counts only
 * when its author is in the top-management group (and no auditor) and its evidence digest matches
 * its own entries. Minutes whose stored content no longer matches what was signed are flagged.
 */
import { evidenceSetDigest, parseSignedEvidenceLine } from './evidenceDigest';
import type { RecordAuthor, RoleMembership } from './trustedReview';
import { message, type Message } from './text';

/** One signature as stored in the signature list. */
export interface SignatureRecord {
  /** List item id of the signature. */
  id: string;
  /** UTC start of the review occurrence (ISO). */
  occurrenceStart: string;
  minutesVersion: number;
  /** SHA-256 of the signed minutes' canonical content. */
  minutesSha256: string;
  /** Evidence item of the signed PDF, and the PDF's SHA-256 as rendered. */
  pdfEvidenceId?: string;
  pdfSha256?: string;
  /** SHA-256 over the sorted lines `id|version|contentSha256` of every evidence item at signing time. */
  evidenceDigest: string;
  evidenceCount: number;
  /**
   * Those lines; undefined when they did not fit into the item (a multi-line text column holds
   * 63,999 characters): the digest still anchors them, the binder recomputes them from version history.
   */
  entries?: string[];
  /** SharePoint's createdBy: the signer. */
  createdBy: RecordAuthor;
  /** SharePoint's createdDateTime. */
  createdAt: string;
}

export const SIGNATURE_FLAGS = ['changedAfterSignature', 'noSignatureRecord', 'signerWithoutRole', 'digestMismatch'] as const;
export type SignatureFlag = (typeof SIGNATURE_FLAGS)[number];

export const SIGNATURE_FLAG_LABELS: Record<SignatureFlag, Message> = {
  changedAfterSignature: message('signature.flags.changedAfterSignature'),
  noSignatureRecord: message('signature.flags.noSignatureRecord'),
  signerWithoutRole: message('signature.flags.signerWithoutRole'),
  digestMismatch: message('signature.flags.digestMismatch'),
};

/** Why a signature record does not count, or undefined when it does. */
export function signatureProblem(record: SignatureRecord, membership: RoleMembership): 'signerWithoutRole' | 'digestMismatch' | undefined {
  const signer = record.createdBy.id;
  if (!signer || membership.isMember(signer, 'auditor') || !membership.isMember(signer, 'topManagement')) return 'signerWithoutRole';
  if (record.entries === undefined) return undefined;
  const entries = record.entries.map(parseSignedEvidenceLine);
  if (entries.some((e) => e === undefined) || entries.length !== record.evidenceCount) return 'digestMismatch';
  if (evidenceSetDigest(entries as NonNullable<(typeof entries)[number]>[]).digest !== record.evidenceDigest) return 'digestMismatch';
  return undefined;
}

/** What the stored minutes say about their signature. */
export interface MinutesSignatureClaim {
  occurrenceStart: string;
  /** The signature the minutes carry (current or superseded), with the signed content's hash. */
  signature: { version: number; sha256: string; recordId?: string };
  /** SHA-256 of the minutes' canonical content as stored now, when the claimed version is the current one. */
  currentSha256?: string;
}

export interface TrustedSignature {
  /** Signed and backed by a valid record, content unchanged. */
  valid: boolean;
  record?: SignatureRecord;
  flags: SignatureFlag[];
}

/** Checks a signature the minutes claim against the signature records (any order, any occurrence). */
export function trustedSignature(claim: MinutesSignatureClaim, records: readonly SignatureRecord[], membership: RoleMembership): TrustedSignature {
  const start = Date.parse(claim.occurrenceStart);
  const candidates = records
    .filter((r) => Date.parse(r.occurrenceStart) === start && r.minutesVersion === claim.signature.version)
    .filter((r) => claim.signature.recordId === undefined || r.id === claim.signature.recordId);
  const flags = new Set<SignatureFlag>();
  let record: SignatureRecord | undefined;
  for (const candidate of candidates) {
    const problem = signatureProblem(candidate, membership);
    if (problem) flags.add(problem);
    else if (candidate.minutesSha256 === claim.signature.sha256) record = candidate;
  }
  if (!record) flags.add('noSignatureRecord');
  if (claim.currentSha256 !== undefined && claim.currentSha256 !== claim.signature.sha256) flags.add('changedAfterSignature');
  if (record && flags.has('noSignatureRecord')) flags.delete('noSignatureRecord');
  return { valid: record !== undefined && !flags.has('changedAfterSignature'), ...(record ? { record } : {}), flags: SIGNATURE_FLAGS.filter((f) => flags.has(f)) };
}

/** The latest valid signature per occurrence (UTC ISO start → record): what the binder checks evidence against. */
export function latestValidSignatures(records: readonly SignatureRecord[], membership: RoleMembership): Map<string, SignatureRecord> {
  const out = new Map<string, SignatureRecord>();
  for (const record of records) {
    if (signatureProblem(record, membership)) continue;
    const key = new Date(record.occurrenceStart).toISOString();
    const before = out.get(key);
    if (!before || Date.parse(record.createdAt) > Date.parse(before.createdAt) || (record.createdAt === before.createdAt && Number(record.id) > Number(before.id))) out.set(key, record);
  }
  return out;
}
