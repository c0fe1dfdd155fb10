/**
 * The binder's anchor (issue 11): the signature items it lists must be the ones in SharePoint's
 * append-only signatures list, with the same digests. `checkAnchors` compares the binder's
 * list with the records read by recordsSource.ts. Used by `verify-binder --graph`.
 */
import type { BinderManifest } from './binderManifest';
import type { SignatureRecord } from './binderRecords';

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
