/**
 * Signature records of minutes (list "Chefsache Unterschriften"): written when top management
 * signs, read back to check signatures (trustedSignature.ts) and by the binder (H5) to anchor its
 * manifest. Membership: who is top management / ISB, by Entra object id.
 */
import {
  evidenceSetDigest,
  type RoleMembership,
  type SignatureRecord,
  type SignedEvidenceEntry,
} from '../../domain';
import { RecordListMissingError, type GraphGateways, type RecordsGateway, type RecordsRead, type SignatureInput } from '../../graph';
import type { StoredEvidence } from '../evidence/evidenceStore';
import { loadRoleMembership } from '../setup/roleMembership';
import type { ReviewPeople } from './people';

/** The signing-time line of an item: version label and stored content hash ('' when it has none). */
export function signedEntry(item: Pick<StoredEvidence, 'id' | 'version' | 'contentSha256'>): SignedEvidenceEntry {
  return { id: item.id, version: item.version ?? '?', contentSha256: item.contentSha256 ?? '' };
}

/** Digest, count and lines over every evidence item (what a signature records and the PDF prints). */
export function evidenceSnapshot(items: readonly Pick<StoredEvidence, 'id' | 'version' | 'contentSha256'>[]): { digest: string; count: number; lines: string[] } {
  const { digest, lines } = evidenceSetDigest(items.map(signedEntry));
  return { digest, count: lines.length, lines };
}

/** The membership port from setup's role groups (object ids, nested members flattened), as the reviews loaded them. */
export function reviewMembership(graph: Pick<GraphGateways, 'groups'>, people: Pick<ReviewPeople, 'roleGroups'>): Promise<RoleMembership> {
  return loadRoleMembership(graph, people.roleGroups);
}

/** Adds a signature record; a missing list is created first (setup normally creates it). */
export async function addSignatureRecord(records: RecordsGateway, siteUrl: string, input: SignatureInput, autoProvision = true): Promise<SignatureRecord> {
  try {
    return await records.addSignature(siteUrl, input);
  } catch (error) {
    if (!(error instanceof RecordListMissingError) || !autoProvision) throw error;
    await records.provision(siteUrl, 'signatures');
    return records.addSignature(siteUrl, input);
  }
}

/** Every signature record on the site (unreadable ones listed apart, never dropped). */
export function signatureRecords(graph: { records: RecordsGateway }, siteUrl: string): Promise<RecordsRead<SignatureRecord>> {
  return graph.records.signatures(siteUrl);
}
