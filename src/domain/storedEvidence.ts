/** A piece of evidence as the store keeps it: the item plus what is needed to change and read it safely. */
import type { EvidenceItem } from './evidence';

export interface StoredEvidence extends EvidenceItem {
  id: string;
  /** Opaque version tag (SharePoint ETag) for If-Match. */
  etag: string;
  /** Id of the stored file in the evidence library (downloads, verification); the link is `contentUrl`. */
  contentItemId?: string;
  /** SharePoint's version label of the item ("3.0"): recorded by decisions and signatures. */
  version?: string;
}
