/**
 * What SharePoint stored for an uploaded evidence file. SharePoint's document parsers write
 * properties into Office files, PDFs and HTML pages they store ("property promotion"; Microsoft
 * Learn "Custom Document Parsers"; onedrive-api-docs issue 935), so the stored bytes, their size and
 * hash can differ from the bytes sent. The upload's answer describes the stored file (size,
 * quickXorHash).
 * - Same size and quickXorHash as the bytes sent: SharePoint kept them; the stored SHA-256 is the
 *   one computed before sending (no extra request, the common case for mails and transcripts).
 * - Different: the stored file is downloaded once, checked against the size and quickXorHash the
 *   upload reported (so the hash is over exactly the bytes SharePoint reported), and its SHA-256
 *   is recorded. quickXorHash alone is no tamper evidence (XOR, not cryptographic); SHA-256 is.
 * Verification later compares downloads with the stored SHA-256, so a changed byte is still caught.
 */
import { sha256Hex } from '../../domain';
import { quickXorHash, type EvidenceGateway, type EvidenceLocation, type StoredFile } from '../../graph';
import { StoredContentMismatchError } from './errors';

export interface StoredContent {
  file: StoredFile;
  /** SHA-256 of the bytes as stored (what verification compares with). */
  sha256: string;
  /** SHA-256 of the bytes sent. */
  sentSha256: string;
  size: number;
  quickXorHash: string;
}

export interface SentContent {
  bytes: Uint8Array;
  sha256: string;
}

/** The stored file holds exactly the bytes sent (a repeated upload found the earlier one). */
export function keptAsSent(file: StoredFile, sent: SentContent): StoredContent {
  return { file, sha256: sent.sha256, sentSha256: sent.sha256, size: sent.bytes.length, quickXorHash: quickXorHash(sent.bytes) };
}

export async function describeStoredContent(gateway: EvidenceGateway, location: EvidenceLocation, file: StoredFile, sent: SentContent): Promise<StoredContent> {
  const sentQuickXor = quickXorHash(sent.bytes);
  if (file.quickXorHash === sentQuickXor && file.size === sent.bytes.length) return keptAsSent(file, sent);
  const stored = await gateway.download(location, file.itemId);
  const storedQuickXor = quickXorHash(stored);
  if (file.quickXorHash !== undefined && (storedQuickXor !== file.quickXorHash || stored.length !== file.size)) {
    throw new StoredContentMismatchError(
      file.name,
      `SharePoint reported ${file.size} bytes with quickXorHash ${file.quickXorHash}, the download has ${stored.length} bytes with ${storedQuickXor}.`,
    );
  }
  return { file, sha256: await sha256Hex(stored), sentSha256: sent.sha256, size: stored.length, quickXorHash: storedQuickXor };
}
