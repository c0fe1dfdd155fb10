/**
 * The evidence library's files: uploads (small ones in `$batch`, large ones through an upload session),
 * lookups by path and downloads. Part of the evidence gateway.
 */
import { z } from 'zod';
import type { BatchOutcome } from '../models';
import { batchOperation, runBatch } from '../gateways/batchOperations';
import { downloadDriveItem } from '../gateways/driveDownload';
import { uploadInSession, type UploadProgress } from '../gateways/uploadSession';
import { encodePath, GraphError, segment, type GraphPipeline } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';

/** Where the evidence library's drive is (part of the evidence location). */
export interface EvidenceDrive {
  driveId: string;
}

export interface EvidenceFile {
  /** Path below the library root, e.g. `2026/ab12-Protokoll.pdf`. */
  path: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface StoredFile {
  itemId: string;
  webUrl: string;
  name: string;
  /** Size and quickXorHash of the bytes as SharePoint stored them (may differ from what was sent). */
  size: number;
  quickXorHash?: string;
}

export interface EvidenceFiles {
  /**
   * Uploads files: up to 2 MiB each in `$batch` (base64 bodies, 20 per batch and under Graph's 4 MB body
   * limit), larger ones one by one through an upload session. `fail` on an existing name gives 409 for
   * that file. `onProgress` reports bytes stored of all files (after each batch and each fragment).
   */
  uploadMany(
    location: EvidenceDrive,
    files: readonly EvidenceFile[],
    conflictBehavior: 'fail' | 'rename',
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<BatchOutcome<StoredFile>[]>;
  fileByPath(location: EvidenceDrive, path: string): Promise<StoredFile>;
  /** The file's bytes via its pre-authenticated download URL, fetched without a token. */
  download(location: EvidenceDrive, itemId: string): Promise<Uint8Array>;
}

/** Files up to this size travel inside `$batch` (as base64, a third larger); larger ones in an upload session. */
export const BATCH_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  size: z.number().optional(),
  file: z.object({ hashes: z.object({ quickXorHash: z.string().nullish() }).nullish() }).nullish(),
});
const toFile = (file: z.output<typeof fileSchema>): StoredFile => {
  const stored: StoredFile = { itemId: file.id, webUrl: file.webUrl, name: file.name, size: file.size ?? 0 };
  const quickXor = file.file?.hashes?.quickXorHash;
  if (quickXor) stored.quickXorHash = quickXor;
  return stored;
};

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function createEvidenceFiles(pipeline: GraphPipeline): EvidenceFiles {
  return {
    async uploadMany(loc, files, conflictBehavior, onProgress) {
      const totalBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
      let doneBytes = 0;
      const report = (extra = 0) => onProgress?.({ sentBytes: doneBytes + extra, totalBytes });
      report();
      const outcomes: BatchOutcome<StoredFile>[] = new Array(files.length);
      const small = files.flatMap((file, index) => (file.bytes.byteLength <= BATCH_UPLOAD_MAX_BYTES ? [{ file, index }] : []));
      const operations = small.map(({ file }) =>
        batchOperation(
          {
            method: 'PUT',
            url: `/drives/${segment(loc.driveId)}/root:/${encodePath(file.path)}:/content`,
            query: { '@microsoft.graph.conflictBehavior': conflictBehavior },
            headers: { 'Content-Type': file.contentType || 'application/octet-stream' },
            body: { json: base64(file.bytes) },
            scopes: FEATURE_SCOPES.files,
          },
          // The pipeline already decoded the base64 driveItem Graph answers an upload inside $batch with (batch.ts).
          fileSchema,
          toFile,
        ),
      );
      if (operations.length > 0) {
        (await runBatch(pipeline, operations)).forEach((outcome, position) => {
          outcomes[small[position]!.index] = outcome;
          doneBytes += small[position]!.file.bytes.byteLength;
        });
        report();
      }
      for (const [index, file] of files.entries()) {
        if (outcomes[index]) continue;
        try {
          const stored = await uploadInSession(pipeline, {
            createUrl: `/drives/${segment(loc.driveId)}/root:/${encodePath(file.path)}:/createUploadSession`,
            bytes: file.bytes,
            conflictBehavior,
            schema: fileSchema,
            onProgress: (p) => report(p.sentBytes),
          });
          outcomes[index] = { ok: true, value: toFile(stored) };
        } catch (error) {
          if (!(error instanceof GraphError)) throw error;
          outcomes[index] = { ok: false, error };
        }
        doneBytes += file.bytes.byteLength;
        report();
      }
      return outcomes;
    },

    async fileByPath(loc, path) {
      return toFile(
        await pipeline.json(
          { method: 'GET', url: `/drives/${segment(loc.driveId)}/root:/${encodePath(path)}`, scopes: FEATURE_SCOPES.evidenceRead },
          fileSchema,
        ),
      );
    },

    download(loc, itemId) {
      return downloadDriveItem(pipeline, `/drives/${segment(loc.driveId)}/items/${segment(itemId)}`, FEATURE_SCOPES.evidenceRead);
    },
  };
}
