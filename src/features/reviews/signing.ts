/**
 * Signing minutes so that the linked PDF always shows the signed content, whatever fails in between.
 * The PDF's source key carries the SHA-256 of the signed content, so a different content can never
 * reuse an older PDF. A stored PDF is linked only when its stored hash equals the hash of a PDF
 * rendered just now from the minutes being signed. The final save of the minutes is retried after a
 * network failure; after a concurrent change (412) it is kept only when the signed content did not
 * change, else nothing is saved and signing again renders the new content.
 */
import { manualSourceKey, sha256Hex, type Language, type PersonRef } from '../../domain';
import { GraphError, GraphPreconditionFailedError } from '../../graph';
import type { CaptureInput, EvidenceStore, StoredEvidence } from '../evidence/evidenceStore';
import { canonicalContent, minutesStatus, type Minutes, type Signature } from './minutes';
import { ReviewsError } from './errors';
import type { ReviewRecords, Stored } from './reviewRecords';

const SAVE_ATTEMPTS = 3;
const TRANSIENT = new Set(['network', 'serviceUnavailable', 'server', 'throttled']);

/** The source key of the signed PDF: occurrence, version and the SHA-256 of the signed content. */
export function signedMinutesSourceKey(m: Minutes): string {
  if (!m.signature) throw new RangeError('Only signed minutes have a PDF.');
  return manualSourceKey(`review-minutes/${m.occurrenceStart}/v${m.version}/${m.signature.sha256}`);
}

export interface SigningDeps {
  evidence: EvidenceStore;
  records: ReviewRecords;
  render: (m: Minutes, lang: Language) => Promise<Uint8Array>;
  /** Re-reads the stored minutes of the occurrence (after a 412). */
  reload: () => Promise<Stored<Minutes> | undefined>;
}

/**
 * The hash of the PDF as Chefsache sent it: SharePoint may write properties into a stored PDF
 * (property promotion), so `contentSha256` (the stored bytes) can differ from what was rendered.
 */
function sentHash(item: StoredEvidence): string | undefined {
  return item.contentSentSha256 ?? item.contentSha256;
}

/**
 * An earlier attempt stored a PDF of this content but never linked it (its final save failed): take
 * over that signature (who, when) when rendering it again gives exactly the stored bytes.
 */
async function adoptEarlier(minutes: Minutes, item: StoredEvidence, lang: Language, render: SigningDeps['render']): Promise<Minutes | undefined> {
  if (!item.signedBy?.displayName) return undefined;
  const by: PersonRef & { displayName: string } = { ...item.signedBy, displayName: item.signedBy.displayName };
  const digest = parseDigestSummary(item.summary);
  const earlier: Minutes = { ...minutes, signature: { ...minutes.signature!, by, at: new Date(item.effectiveDate).toISOString(), ...digest } };
  for (const language of [lang, lang === 'de' ? 'en' : 'de'] as const) {
    if ((await sha256Hex(await render(earlier, language))) === sentHash(item)) return earlier;
  }
  return undefined;
}

/** The summary of the PDF's evidence item: content hash and the evidence digest printed in the PDF. */
export function signedPdfSummary(m: Minutes): string {
  const s = m.signature!;
  const digest = s.evidenceDigest ? `; Nachweis-Digest: ${s.evidenceDigest} (${s.evidenceCount ?? 0})` : '';
  return `SHA-256 (Inhalt): ${s.sha256}${digest}`;
}

function parseDigestSummary(summary: string): { evidenceDigest: string; evidenceCount: number } | Record<string, never> {
  const match = /Nachweis-Digest: ([0-9a-f]{64}) \((\d+)\)/.exec(summary);
  return match ? { evidenceDigest: match[1]!, evidenceCount: Number(match[2]) } : {};
}

export interface SignedPdf {
  /** The minutes linked to the stored PDF. */
  minutes: Minutes;
  /** SHA-256 of the PDF as rendered (and sent). */
  pdfSha256?: string;
  /** The PDF's file in the library (for the record label). */
  pdfContentItemId?: string;
}

/** Stores the signed PDF (or finds the one an earlier attempt stored) and returns the minutes linked to it. */
export async function storeSignedPdf(minutes: Minutes, lang: Language, deps: SigningDeps, input: (sourceKey: string, pdf: Uint8Array) => CaptureInput): Promise<SignedPdf> {
  const pdf = await deps.render(minutes, lang);
  const result = await deps.evidence.capture(input(signedMinutesSourceKey(minutes), pdf));
  if (result.status === 'queued') throw new ReviewsError('queued', result.outboxId);
  const linked = sentHash(result.item) === (await sha256Hex(pdf)) ? minutes : await adoptEarlier(minutes, result.item, lang, deps.render);
  if (!linked) throw new ReviewsError('pdfMismatch', result.item.title);
  const signature: Signature = { ...linked.signature!, evidenceId: result.item.id, ...(result.item.contentUrl ? { pdfUrl: result.item.contentUrl } : {}) };
  const pdfSha256 = sentHash(result.item);
  return { minutes: { ...linked, signature }, ...(pdfSha256 ? { pdfSha256 } : {}), ...(result.item.contentItemId ? { pdfContentItemId: result.item.contentItemId } : {}) };
}

/**
 * Saves the signed minutes over the version they were signed from. A network failure is retried; a
 * 412 reads the minutes again: already saved (an earlier attempt got through) → done; the signed
 * content unchanged (e.g. only task tracking changed) → saved over the new version; else
 * `changedWhileSigning` and nothing is saved.
 */
export async function saveSigned(signed: Minutes, etag: string, deps: SigningDeps): Promise<Stored<Minutes>> {
  let value = signed;
  let version = etag;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.records.saveMinutes(value, version);
    } catch (error) {
      if (attempt >= SAVE_ATTEMPTS || !(error instanceof GraphError)) throw error;
      if (error instanceof GraphPreconditionFailedError) {
        const current = await deps.reload();
        if (!current) throw error;
        const signature = current.value.signature;
        if (minutesStatus(current.value) === 'signed' && signature?.sha256 === signed.signature!.sha256) return current;
        if (minutesStatus(current.value) === 'signed' || canonicalContent(current.value) !== canonicalContent(signed)) {
          throw new ReviewsError('changedWhileSigning', '');
        }
        value = { ...current.value, signature: signed.signature! };
        version = current.etag;
      } else if (!TRANSIENT.has(error.kind)) throw error;
    }
  }
}
