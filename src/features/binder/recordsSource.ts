/**
 * The binder's decision and signature records, read from SharePoint's append-only lists through the
 * evidence store (decisions) and the records gateway (signatures): the one reader both the panel's
 * binder and the command line use.
 */
import { parseSignedEvidenceLine, type DecisionRecord as StoredDecision, type SignatureRecord as StoredSignature } from '../../domain';
import type { GraphGateways, RecordsGateway } from '../../graph';
import type { EvidenceStore } from '../evidence/evidenceStore';
import { minutesSignatureChecks } from '../reviews/minutesChecks';
import { signatureRecords } from '../reviews/signatureRecords';
import type { BinderRecords, DecisionRecord, SignatureRecord, SignedEntry } from './binderRecords';

function decisionOf(record: StoredDecision): DecisionRecord {
  return {
    decision: record.decision,
    decidedAt: record.createdAt,
    ...(record.createdBy.displayName ? { decidedBy: record.createdBy.displayName } : {}),
    ...(record.contentSha256 ? { contentSha256: record.contentSha256 } : {}),
    ...(record.evidenceVersion ? { evidenceVersion: record.evidenceVersion } : {}),
  };
}

function signatureOf(record: StoredSignature): SignatureRecord {
  const entries: SignedEntry[] = (record.entries ?? []).flatMap((line) => {
    const entry = parseSignedEvidenceLine(line);
    return entry ? [{ itemId: entry.id, version: entry.version, contentSha256: entry.contentSha256 }] : [];
  });
  return {
    id: record.id,
    signedAt: record.createdAt,
    ...(record.createdBy.displayName ? { signedBy: record.createdBy.displayName } : {}),
    occurrenceStart: record.occurrenceStart,
    ...(record.pdfEvidenceId ? { pdfEvidenceId: record.pdfEvidenceId } : {}),
    evidenceDigest: record.evidenceDigest,
    evidenceCount: record.evidenceCount,
    entries,
  };
}

/** Every signature item of the site as the binder lists it (none before setup created the list). */
export async function binderSignatures(graph: { records: RecordsGateway }, siteUrl: string): Promise<SignatureRecord[]> {
  return (await signatureRecords(graph, siteUrl)).records.map(signatureOf);
}

export function binderRecordsFor(
  graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems' | 'records'>,
  store: Pick<EvidenceStore, 'decisions'>,
  siteUrl: string,
): BinderRecords {
  return {
    decisionsFor: async (itemId) => ((await store.decisions(itemId)) ?? []).map(decisionOf),
    signatures: () => binderSignatures(graph, siteUrl),
    minutes: () => minutesSignatureChecks(graph, siteUrl),
  };
}
