import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { DriveItem } from '../models';
import { encodePath, type GraphPipeline, segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { downloadDriveItem } from './driveDownload';
import { defined, graphShape, identitySetSchema, toIdentity } from './shared';
import { uploadInSession, type ConflictBehavior, type UploadProgress } from './uploadSession';

export type { ConflictBehavior, UploadProgress } from './uploadSession';

/**
 * Files up to this size go in one simple upload (`PUT .../content`); larger ones through an upload session
 * in 5 MiB fragments, with progress. Graph's simple upload takes up to 250 MB, but Microsoft recommends
 * resumable transfers well before that, and only fragments can report progress.
 */
export const SIMPLE_UPLOAD_LIMIT_BYTES = 4 * 1024 * 1024;

/** A document library: the default one of a site, or a drive by id. */
export type DriveTarget = { siteId: string } | { driveId: string };

/** A file or folder in a library, by item id or by path from the library root (`Nachweise/2026/a.pdf`). */
export type DriveItemRef = DriveTarget & ({ itemId: string } | { path: string });

const driveItemSchema = graphShape<MicrosoftGraph.DriveItem>()(
  z.object({
    id: z.string(),
    name: z.string(),
    webUrl: z.string(),
    eTag: z.string(),
    cTag: z.string().nullish(),
    size: z.number(),
    file: z
      .object({
        mimeType: z.string().nullish(),
        hashes: z
          .object({ sha256Hash: z.string().nullish(), sha1Hash: z.string().nullish(), quickXorHash: z.string().nullish() })
          .nullish(),
      })
      .nullish(),
    folder: z.looseObject({}).nullish(),
    parentReference: z.object({ driveId: z.string().nullish(), path: z.string().nullish() }).nullish(),
    createdDateTime: z.string().optional(),
    lastModifiedDateTime: z.string().optional(),
    createdBy: identitySetSchema.nullish(),
    lastModifiedBy: identitySetSchema.nullish(),
  }),
);

function toDriveItem(item: z.output<typeof driveItemSchema>): DriveItem {
  const hashes = item.file?.hashes ? defined(item.file.hashes) : undefined;
  return defined({
    id: item.id,
    name: item.name,
    webUrl: item.webUrl,
    eTag: item.eTag,
    cTag: item.cTag,
    size: item.size,
    mimeType: item.file?.mimeType,
    isFolder: Boolean(item.folder),
    hashes: hashes && Object.keys(hashes).length > 0 ? hashes : undefined,
    driveId: item.parentReference?.driveId,
    parentPath: item.parentReference?.path,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    createdBy: toIdentity(item.createdBy),
    lastModifiedBy: toIdentity(item.lastModifiedBy),
  });
}

function driveRoot(target: DriveTarget): string {
  return 'siteId' in target ? `/sites/${segment(target.siteId)}/drive` : `/drives/${segment(target.driveId)}`;
}

/** `.../items/{id}[/suffix]` or, by path, `.../root:/{path}` and `.../root:/{path}:/suffix` (Graph's forms). */
function itemPath(ref: DriveItemRef, suffix = ''): string {
  if ('itemId' in ref) return `${driveRoot(ref)}/items/${segment(ref.itemId)}${suffix}`;
  const path = `${driveRoot(ref)}/root:/${encodePath(ref.path)}`;
  return suffix === '' ? path : `${path}:${suffix}`;
}

export interface DriveGateway {
  /**
   * Uploads a file to `path` (folders are created on the way), Files.ReadWrite.All: up to 4 MB in one
   * request, larger files through an upload session in fragments (`onProgress` after each). Default
   * conflict behaviour: replace (a new version with a new eTag).
   */
  upload(
    target: DriveTarget,
    path: string,
    bytes: Uint8Array,
    contentType: string,
    options?: { conflictBehavior?: ConflictBehavior; onProgress?: (progress: UploadProgress) => void },
  ): Promise<DriveItem>;
  /** A file's bytes, read from its pre-authenticated `@microsoft.graph.downloadUrl` without a token (driveDownload.ts). */
  download(ref: DriveItemRef): Promise<Uint8Array>;
  /** Metadata of a file or folder (webUrl, eTag, size, hashes). */
  get(ref: DriveItemRef): Promise<DriveItem>;
  getByPath(target: DriveTarget, path: string): Promise<DriveItem>;
}

export function createDriveGateway(pipeline: GraphPipeline): DriveGateway {
  const get = async (ref: DriveItemRef) =>
    toDriveItem(await pipeline.json({ method: 'GET', url: itemPath(ref), scopes: FEATURE_SCOPES.evidenceRead }, driveItemSchema));

  return {
    upload: async (target, path, bytes, contentType, options) => {
      const conflictBehavior = options?.conflictBehavior ?? 'replace';
      if (bytes.byteLength > SIMPLE_UPLOAD_LIMIT_BYTES) {
        const createUrl = `${driveRoot(target)}/root:/${encodePath(path)}:/createUploadSession`;
        return toDriveItem(await uploadInSession(pipeline, { createUrl, bytes, conflictBehavior, schema: driveItemSchema, onProgress: options?.onProgress }));
      }
      const url = `${driveRoot(target)}/root:/${encodePath(path)}:/content`;
      const item = toDriveItem(
        await pipeline.json(
          {
            method: 'PUT',
            url,
            query: { '@microsoft.graph.conflictBehavior': conflictBehavior },
            body: { bytes, contentType },
            scopes: FEATURE_SCOPES.files,
          },
          driveItemSchema,
        ),
      );
      options?.onProgress?.({ sentBytes: bytes.byteLength, totalBytes: bytes.byteLength });
      return item;
    },
    download: (ref) => downloadDriveItem(pipeline, itemPath(ref), FEATURE_SCOPES.evidenceRead),
    get,
    getByPath: (target, path) => get({ ...target, path }),
  };
}
