/**
 * Signing the minutes of one occurrence (top management only): the PDF becomes evidence, the
 * signature goes into the signature list (its createdBy is the proof), then the record label.
 */
import type { Language } from '../../domain';
import type { RecordLabelOutcome } from '../evidence/recordLabel';
import { ReviewsError } from './errors';
import { signMinutes, type Minutes } from './minutes';
import type { ReviewsContext } from './reviewsContext';
import type { Stored } from './reviewRecords';
import { saveSigned, signedPdfSummary, storeSignedPdf, type SigningDeps } from './signing';
import { addSignatureRecord, evidenceSnapshot } from './signatureRecords';

export async function signOccurrence(ctx: ReviewsContext, occurrenceStart: string, lang: Language): Promise<Stored<Minutes> & { recordLabel?: RecordLabelOutcome }> {
  const { evidence, records, options } = ctx;
  const stored = await ctx.minutesFor(occurrenceStart);
  if (!stored) throw new ReviewsError('noMinutes', occurrenceStart);
  const p = await ctx.people();
  const signed = await signMinutes(stored.value, { person: p.me, roles: p.myRoles, at: ctx.clock() });
  // What the evidence looked like when signing: digest over id|version|sha of every item, printed in the PDF.
  const snapshot = evidenceSnapshot(await evidence.sync());
  const minutes: Minutes = { ...signed.minutes, signature: { ...signed.minutes.signature!, evidenceDigest: snapshot.digest, evidenceCount: snapshot.count } };
  const day = minutes.occurrenceStart.slice(0, 10);
  const deps: SigningDeps = {
    evidence,
    records,
    // pdf-lib loads when someone signs, not with the Reviews section.
    render: async (m, language) => (await import('./minutesPdf')).renderMinutesPdf(m, { lang: language, companyName: options.companyName, timeZone: 'Europe/Berlin' }),
    reload: () => ctx.minutesFor(occurrenceStart),
  };
  const pdf = await storeSignedPdf(minutes, lang, deps, (sourceKey, bytes) => ({
    title: `Protokoll Management-Review ${day} (Fassung ${minutes.version})`,
    type: 'reviewMinutes',
    clauses: ['9.3', '9.3.3', '5.1e', '5.1g'],
    source: 'manual',
    sourceKey,
    effectiveDate: minutes.signature!.at,
    signedBy: { ...(p.me.id ? { id: p.me.id } : {}), upn: p.me.upn, displayName: p.me.displayName },
    participants: minutes.participants
      .filter((x) => x.id !== undefined || x.upn !== undefined)
      .map((x) => ({ ...(x.id ? { id: x.id } : {}), ...(x.upn ? { upn: x.upn } : {}), displayName: x.displayName })),
    summary: signedPdfSummary(minutes),
    content: { fileName: `Protokoll-Management-Review-${day}-v${minutes.version}.pdf`, contentType: 'application/pdf', bytes },
  }));
  const linked = pdf.minutes;
  const signature = linked.signature!;
  // The signature record: SharePoint's createdBy there is the proof of who signed (top management only).
  const record = await addSignatureRecord(ctx.graph.records, options.siteUrl, {
    occurrenceStart: linked.occurrenceStart,
    minutesVersion: linked.version,
    minutesSha256: signature.sha256,
    ...(signature.evidenceId ? { pdfEvidenceId: signature.evidenceId } : {}),
    ...(pdf.pdfSha256 ? { pdfSha256: pdf.pdfSha256 } : {}),
    evidenceDigest: signature.evidenceDigest ?? snapshot.digest,
    evidenceCount: signature.evidenceCount ?? snapshot.count,
    ...(signature.evidenceDigest === snapshot.digest ? { entries: snapshot.lines } : {}),
  });
  const saved = await saveSigned({ ...linked, signature: { ...signature, recordId: record.id } }, stored.etag, deps);
  // The signature stands whatever happens to the label (applyRecordLabel never throws).
  const recordLabel = pdf.pdfContentItemId && evidence.applyRecordLabel ? await evidence.applyRecordLabel({ contentItemId: pdf.pdfContentItemId }) : undefined;
  return { ...saved, ...(recordLabel && recordLabel.state !== 'notConfigured' ? { recordLabel } : {}) };
}
