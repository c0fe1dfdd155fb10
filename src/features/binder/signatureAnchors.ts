/**
 * The binder's anchor (issue 11): the signature items it lists must be the ones in SharePoint's
 * append-only signatures list, with the same digests. `readSignatureRecords` reads that list
 * (columns per the trust contract); `checkAnchors` compares. Used by `verify-binder --graph`.
 */
import { z } from 'zod';
import { GraphNotFoundError, LIST_NAMES, type GraphGateways } from '../../graph';
import type { BinderManifest } from './binderManifest';
import type { SignatureRecord, SignedEntry } from './binderRecords';

const SIGNATURE_FIELDS = ['OccurrenceStart', 'EvidenceDigest', 'EvidenceCount', 'Entries'] as const;

const signatureFields = z.looseObject({
  OccurrenceStart: z.string().nullish(),
  EvidenceDigest: z.string(),
  EvidenceCount: z.coerce.number().int().min(0),
  Entries: z.string().nullish(),
});
const entriesSchema = z.array(z.union([z.string(), z.object({ itemId: z.string(), version: z.string(), contentSha256: z.string() })]));

function parseEntries(json: string | null | undefined): SignedEntry[] {
  if (!json) return [];
  return entriesSchema.parse(JSON.parse(json)).map((e) => {
    if (typeof e !== 'string') return e;
    const [itemId = '', version = '', contentSha256 = ''] = e.split('|');
    return { itemId, version, contentSha256 };
  });
}

/** Every signature item of the site; none when the list does not exist (setup not run). */
export async function readSignatureRecords(graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>, siteUrl: string): Promise<SignatureRecord[]> {
  const site = await graph.sites.fromWebUrl(siteUrl);
  let listId: string;
  try {
    listId = (await graph.lists.get(site.id, LIST_NAMES.signatures)).id;
  } catch (error) {
    if (error instanceof GraphNotFoundError) return [];
    throw error;
  }
  const items = await graph.listItems.forList(site.id, listId).queryAll({ select: SIGNATURE_FIELDS });
  return items.map((item) => {
    const fields = signatureFields.parse(item.fields);
    const record: SignatureRecord = {
      id: item.id,
      signedAt: item.createdDateTime ?? '',
      evidenceDigest: fields.EvidenceDigest,
      evidenceCount: fields.EvidenceCount,
      entries: parseEntries(fields.Entries),
    };
    if (item.createdBy?.displayName) record.signedBy = item.createdBy.displayName;
    if (fields.OccurrenceStart) record.occurrenceStart = fields.OccurrenceStart;
    return record;
  });
}

export interface AnchorDifference {
  signatureId: string;
  kind: 'signatureMissing' | 'digestDiffers' | 'signatureOmitted';
  expected?: string;
  actual?: string;
}

/**
 * Each signature the binder lists must exist with the same digest; a signature made before the
 * binder that the binder leaves out is reported too.
 */
export function checkAnchors(manifest: BinderManifest, server: readonly SignatureRecord[]): AnchorDifference[] {
  const differences: AnchorDifference[] = [];
  const listed = manifest.signatures ?? [];
  const byId = new Map(server.map((s) => [s.id, s]));
  for (const signature of listed) {
    const found = byId.get(signature.id);
    if (!found) differences.push({ signatureId: signature.id, kind: 'signatureMissing', expected: signature.evidenceDigest });
    else if (found.evidenceDigest !== signature.evidenceDigest) {
      differences.push({ signatureId: signature.id, kind: 'digestDiffers', expected: signature.evidenceDigest, actual: found.evidenceDigest });
    }
  }
  const listedIds = new Set(listed.map((s) => s.id));
  for (const signature of server) {
    if (!listedIds.has(signature.id) && Date.parse(signature.signedAt) <= Date.parse(manifest.createdAt)) {
      differences.push({ signatureId: signature.id, kind: 'signatureOmitted', actual: signature.evidenceDigest });
    }
  }
  return differences;
}
