/**
 * What the binder checks the evidence against (issue 11): review decisions and minutes
 * signatures, items of their own in append-only lists (LIST_NAMES.decisions, .signatures) whose
 * `createdBy`/`createdDateTime` SharePoint sets. The binder takes them through this port; the
 * default knows none (a binder without decisions or signatures flags nothing against them).
 */
import { evidenceSetDigest } from '../../domain';
import type { MinutesIntegrity } from '../reviews/minutesChecks';

/** One review decision on an evidence item, as recorded when it was taken. */
export interface DecisionRecord {
  /** Absent: an acceptance (the port may return acceptances only). */
  decision?: 'accepted' | 'rejected';
  /** `createdDateTime` of the decision item. */
  decidedAt: string;
  /** Who decided (`createdBy` display name). */
  decidedBy?: string;
  /** SHA-256 of the evidence's content at decision time. */
  contentSha256?: string;
  /** SharePoint item version of the evidence at decision time ("3.0"). */
  evidenceVersion?: string;
}

/** One evidence item as a signature covered it: a line `id|version|contentSha256`. */
export interface SignedEntry {
  itemId: string;
  version: string;
  contentSha256: string;
}

/** A signature of minutes, with the digest of the evidence at signing time. */
export interface SignatureRecord {
  /** The signature item's id in its list. */
  id: string;
  /** `createdDateTime` of the signature item. */
  signedAt: string;
  /** `createdBy` display name. */
  signedBy?: string;
  occurrenceStart?: string;
  /** The evidence item of the signed minutes' PDF: stored right after signing, so not among the signed entries. */
  pdfEvidenceId?: string;
  /** sha256 over the sorted lines `id|version|contentSha256`. */
  evidenceDigest: string;
  evidenceCount: number;
  entries: SignedEntry[];
}

export interface BinderRecords {
  decisionsFor(itemId: string): Promise<DecisionRecord[]>;
  signatures(): Promise<SignatureRecord[]>;
  /** Signed minutes whose signature no longer holds (features/reviews/minutesChecks.ts). Absent: minutes not checked. */
  minutes?(): Promise<MinutesIntegrity[]>;
}

/** No decision or signature records (before setup, or a caller that has none). */
export const NO_BINDER_RECORDS: BinderRecords = {
  decisionsFor: async () => [],
  signatures: async () => [],
};

/** The digest over entries: the domain's evidence digest (SHA-256 of the sorted lines `id|version|contentSha256`). */
export async function evidenceDigest(entries: readonly SignedEntry[]): Promise<string> {
  return evidenceSetDigest(entries.map((e) => ({ id: e.itemId, version: e.version, contentSha256: e.contentSha256 }))).digest;
}

/** The newest signature (by signing time), if any. */
export function latestSignature(signatures: readonly SignatureRecord[]): SignatureRecord | undefined {
  return [...signatures].sort((a, b) => Date.parse(b.signedAt) - Date.parse(a.signedAt))[0];
}

/** SharePoint versions compare by number: "3.0", "3" and 3 are the same version. */
export function sameVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = Number.parseFloat(a);
  const y = Number.parseFloat(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x === y : a === b;
}
