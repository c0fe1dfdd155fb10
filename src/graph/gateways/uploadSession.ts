/**
 * Large files through an upload session (Microsoft Learn, "driveItem: createUploadSession",
 * https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession): one POST for the session, then
 * the bytes in fragments of a multiple of 320 KiB, in order, each with `Content-Range`, PUT to the
 * pre-authenticated `uploadUrl` WITHOUT an Authorization header. 202 + `nextExpectedRanges` while bytes
 * are missing, 201/200 with the driveItem after the last one. A lost answer is resumed from the
 * session's status. A session that is gone (404: expired or cleaned up) is started over once, as Microsoft
 * advises ("Handle 404 Not Found errors ... by starting the entire upload over"); any other failure ends
 * the upload and cancels the session.
 */
import { z } from 'zod';
import { GraphError, type GraphPipeline } from '../pipeline';
import { responseText } from '../pipeline/types';
import { validateJsonText } from '../pipeline/validate';
import { FEATURE_SCOPES } from '../scopes';

/** "The size of each byte range MUST be a multiple of 320 KiB (327,680 bytes)." */
export const FRAGMENT_UNIT_BYTES = 320 * 1024;
/** 5 MiB: inside Microsoft's recommended 5–10 MiB, a multiple of 320 KiB and far below 60 MiB. */
export const UPLOAD_FRAGMENT_BYTES = 16 * FRAGMENT_UNIT_BYTES;

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

export type ConflictBehavior = 'replace' | 'fail' | 'rename';

export interface SessionUpload<S extends z.ZodType> {
  /** `.../root:/{path}:/createUploadSession` or `.../items/{parentId}:/{name}:/createUploadSession`. */
  createUrl: string;
  bytes: Uint8Array;
  conflictBehavior: ConflictBehavior;
  /** The driveItem answer of the last fragment. */
  schema: S;
  onProgress?: (progress: UploadProgress) => void;
}

const sessionSchema = z.object({ uploadUrl: z.string().url(), expirationDateTime: z.string().optional() });
const statusSchema = z.object({ nextExpectedRanges: z.array(z.string()).default([]) });

/** The first missing byte of `nextExpectedRanges` ("26-" or "26-127"); undefined when nothing is missing. */
function nextOffset(ranges: readonly string[]): number | undefined {
  const starts = ranges.map((range) => Number(range.split('-')[0])).filter((n) => Number.isInteger(n) && n >= 0);
  return starts.length === 0 ? undefined : Math.min(...starts);
}

/** A fragment PUT found no session (404): the caller may start over with a new one. */
class SessionGone extends Error {
  constructor(override readonly cause: GraphError) {
    super(cause.message);
  }
}

export async function uploadInSession<S extends z.ZodType>(pipeline: GraphPipeline, upload: SessionUpload<S>): Promise<z.output<S>> {
  try {
    return await uploadOnce(pipeline, upload);
  } catch (error) {
    if (!(error instanceof SessionGone)) throw error;
  }
  try {
    return await uploadOnce(pipeline, upload);
  } catch (error) {
    throw error instanceof SessionGone ? error.cause : error;
  }
}

async function uploadOnce<S extends z.ZodType>(pipeline: GraphPipeline, upload: SessionUpload<S>): Promise<z.output<S>> {
  const { bytes } = upload;
  const total = bytes.byteLength;
  const session = await pipeline.json(
    {
      method: 'POST',
      url: upload.createUrl,
      body: { json: { item: { '@microsoft.graph.conflictBehavior': upload.conflictBehavior } } },
      scopes: FEATURE_SCOPES.files,
    },
    sessionSchema,
  );
  const atUploadUrl = { url: session.uploadUrl, preAuthenticated: true, scopes: [] as string[] };
  const status = async () =>
    validateJsonText(statusSchema, responseText(await pipeline.send({ ...atUploadUrl, method: 'GET' })), { method: 'GET', url: session.uploadUrl, status: 200 });

  let offset = 0;
  upload.onProgress?.({ sentBytes: 0, totalBytes: total });
  try {
    for (;;) {
      const end = Math.min(offset + UPLOAD_FRAGMENT_BYTES, total);
      let response;
      try {
        response = await pipeline.send({
          ...atUploadUrl,
          method: 'PUT',
          headers: { 'Content-Range': `bytes ${offset}-${end - 1}/${total}` },
          body: { bytes: bytes.subarray(offset, end), contentType: 'application/octet-stream' },
        });
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) throw new SessionGone(error);
        // 416: the fragment had arrived before (an answer got lost): continue where the session says.
        if (!(error instanceof GraphError) || error.status !== 416) throw error;
        const resumeAt = nextOffset((await status()).nextExpectedRanges);
        if (resumeAt === undefined || resumeAt === offset) throw error;
        offset = resumeAt;
        continue;
      }
      if (response.status === 200 || response.status === 201) {
        upload.onProgress?.({ sentBytes: total, totalBytes: total });
        return validateJsonText(upload.schema, responseText(response), { method: 'PUT', url: session.uploadUrl, status: response.status });
      }
      const next = nextOffset(validateJsonText(statusSchema, responseText(response), { method: 'PUT', url: session.uploadUrl, status: response.status }).nextExpectedRanges);
      offset = next !== undefined && next > offset ? next : end;
      upload.onProgress?.({ sentBytes: offset, totalBytes: total });
    }
  } catch (error) {
    // Leave nothing half-uploaded behind (best effort; the service also drops expired sessions).
    if (!(error instanceof SessionGone)) await pipeline.send({ ...atUploadUrl, method: 'DELETE' }).catch(() => undefined);
    throw error;
  }
}
