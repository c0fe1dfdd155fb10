/**
 * Upload sessions for large files, as Microsoft Learn documents them ("driveItem: createUploadSession",
 * https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession):
 *   POST …/root:/{path}:/createUploadSession, POST …/items/{parentId}:/{name}:/createUploadSession
 *        body (optional) { item: { "@microsoft.graph.conflictBehavior": fail (default) | replace | rename, name? } }
 *        → 200 { uploadUrl, expirationDateTime, nextExpectedRanges: ["0-"] }
 *   PUT  <uploadUrl>  Content-Range: bytes {start}-{end}/{total}, no Authorization header (pre-authenticated)
 *        → 202 { expirationDateTime, nextExpectedRanges: ["{next}-"] } while bytes are missing,
 *          201 (new file) / 200 (replaced) with the driveItem after the last byte, 409 nameAlreadyExists on conflict.
 *        Refused: an Authorization header (401), fragments of 60 MiB or more (413), fragments out of order or
 *        already received (416), a fragment that is not a multiple of 320 KiB unless it is the last (400),
 *        a different total size than before or a body that does not match its range (400).
 *   GET  <uploadUrl> → 200 status; DELETE <uploadUrl> → 204 (cancelled). Unknown or expired sessions → 404.
 * Each fragment extends the expiry. Fragments wait in the blob table under `uploadSession:<id>:<n>` and are
 * joined once, at the end.
 */
import { randomBytes } from 'node:crypto';
import { permissions } from '../../auth/permissions';
import type { BaseContext, GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { noContent, ok, type EmulatorResponse } from '../../http/response';
import type { ModuleApi } from '../../module';
import type { IdentityRecord } from '../sharepoint/model';
import { callerIdentity } from '../sharepoint/itemWrites';
import { downloadUrl } from '../sharepoint/library/downloadUrl';
import { mimeTypeFor } from './mimeTypes';
import { getDrive, getDriveItem, splitDrivePath, uploadFile, type ConflictBehavior } from '../sharepoint/library/repo';
import { driveOf } from './request';
import { driveItemJson, itemETag, pathSegments } from '../sharepoint/library/serialize';

export const UPLOAD_PATH = '/_upload';
/** "The maximum bytes in any given request is less than 60 MiB." */
export const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024 - 1;
/** "The size of each byte range MUST be a multiple of 320 KiB (327,680 bytes)." */
export const FRAGMENT_MULTIPLE = 320 * 1024;
/** Idle lifetime of a session; every fragment extends it. */
export const UPLOAD_SESSION_LIFETIME_MS = 15 * 60 * 1000;
const SESSIONS = 'drive.uploadSessions';

export interface UploadSessionRecord {
  driveId: string;
  /** Path of the file from the library root. */
  path: string;
  conflictBehavior: ConflictBehavior;
  who: IdentityRecord;
  /** Total size, known from the first fragment's Content-Range. */
  total?: number;
  received: number;
  /** Fragments stored so far (blobs `uploadSession:<id>:0..n-1`). */
  fragments: number;
  expiresAt: string;
}

const sessions = (ctx: BaseContext) => ctx.store.collection<UploadSessionRecord>(SESSIONS);
const blob = (id: string, fragment: number) => `uploadSession:${id}:${fragment}`;

function sessionBody(record: UploadSessionRecord) {
  return { expirationDateTime: record.expiresAt, nextExpectedRanges: [`${record.received}-`] };
}

function conflictBehaviorOf(ctx: GraphContext): ConflictBehavior {
  const item = (ctx.body as { item?: Record<string, unknown> } | undefined)?.item;
  const raw = item?.['@microsoft.graph.conflictBehavior'] ?? ctx.query.get('@microsoft.graph.conflictBehavior') ?? 'fail';
  const value = String(raw).toLowerCase();
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw new GraphError(400, 'invalidRequest', `Invalid value '${value}' for @microsoft.graph.conflictBehavior: expected fail, replace or rename.`);
}

function createSession(ctx: GraphContext): EmulatorResponse {
  const drive = driveOf(ctx, 'write');
  let path = ctx.params.path ?? '';
  if (ctx.params.parentId !== undefined) {
    const parent = getDriveItem(ctx.store, drive.id, ctx.params.parentId);
    if (parent.data.kind !== 'folder') throw new GraphError(400, 'invalidRequest', 'The parent of an upload must be a folder.');
    path = [...pathSegments(ctx.store, parent), path].join('/');
  }
  const segments = splitDrivePath(path);
  const name = segments[segments.length - 1];
  if (name === undefined) throw new GraphError(400, 'invalidRequest', 'The upload path needs a file name.');
  const bodyName = (ctx.body as { item?: { name?: unknown } } | undefined)?.item?.name;
  if (bodyName !== undefined && String(bodyName) !== name) {
    throw new GraphError(400, 'invalidRequest', `The item name '${String(bodyName)}' in the body does not match the name '${name}' in the path.`);
  }
  const id = randomBytes(24).toString('base64url');
  const record: UploadSessionRecord = {
    driveId: drive.id,
    path: segments.join('/'),
    conflictBehavior: conflictBehaviorOf(ctx),
    who: callerIdentity(ctx),
    received: 0,
    fragments: 0,
    expiresAt: new Date(ctx.now.getTime() + UPLOAD_SESSION_LIFETIME_MS).toISOString(),
  };
  sessions(ctx).insert(record, { id, at: ctx.now });
  return ok({
    '@odata.context': ctx.odataContext('microsoft.graph.uploadSession'),
    uploadUrl: `${ctx.filesOrigin}${UPLOAD_PATH}/${id}`,
    ...sessionBody(record),
  });
}

function cancel(ctx: BaseContext, id: string): void {
  const removed = sessions(ctx).delete(id);
  for (let n = 0; n < (removed?.data.fragments ?? 0); n++) ctx.store.blobs.delete(blob(id, n));
}

function liveSession(ctx: BaseContext) {
  const id = ctx.params.token ?? '';
  const session = sessions(ctx).get(id);
  if (session && Date.parse(session.data.expiresAt) > ctx.now.getTime()) return session;
  if (session) cancel(ctx, id);
  throw new GraphError(404, 'itemNotFound', 'The upload session does not exist or has expired. Create a new upload session.');
}

function parseRange(header: string | undefined): { start: number; end: number; total: number } {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec((header ?? '').trim());
  if (!m) throw new GraphError(400, 'invalidRequest', "The Content-Range header is missing or malformed; expected 'bytes {start}-{end}/{total}'.");
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (start > end || end >= total) throw new GraphError(416, 'invalidRange', `The range ${start}-${end} does not lie within a file of ${total} bytes.`);
  return { start, end, total };
}

function putFragment(ctx: BaseContext): EmulatorResponse {
  if (ctx.headers.authorization !== undefined) {
    throw new GraphError(401, 'unauthenticated', 'The upload URL is pre-authenticated: send fragments without an Authorization header.');
  }
  const session = liveSession(ctx);
  const { start, end, total } = parseRange(ctx.headers['content-range']);
  const record = session.data;
  if (record.total !== undefined && record.total !== total) {
    throw new GraphError(400, 'invalidRequest', `The Content-Range declares a file of ${total} bytes; this session uploads ${record.total} bytes.`);
  }
  if (ctx.rawBody.length !== end - start + 1) {
    throw new GraphError(400, 'invalidRequest', `The body has ${ctx.rawBody.length} bytes but the Content-Range announces ${end - start + 1}.`);
  }
  if (start !== record.received) {
    const why = start < record.received ? 'overlaps with data that has already been received' : 'leaves a gap: fragments must be uploaded in order';
    throw new GraphError(416, 'invalidRange', `The fragment starting at byte ${start} ${why}. Next expected range: ${record.received}-.`);
  }
  const last = end + 1 === total;
  if (!last && ctx.rawBody.length % FRAGMENT_MULTIPLE !== 0) {
    throw new GraphError(400, 'invalidRequest', `A fragment of ${ctx.rawBody.length} bytes is not a multiple of 320 KiB (327,680 bytes); only the last fragment may be shorter.`);
  }
  ctx.store.blobs.put(blob(session.id, record.fragments), ctx.rawBody);
  const updated = sessions(ctx).update(session.id, (current) => ({
    ...current,
    total,
    received: end + 1,
    fragments: current.fragments + 1,
    expiresAt: new Date(ctx.now.getTime() + UPLOAD_SESSION_LIFETIME_MS).toISOString(),
  }));
  if (!last) return { status: 202, json: sessionBody(updated.data) };

  // The last byte arrived: the file appears in the library (a conflict keeps the session for a retry).
  const bytes = Buffer.concat(Array.from({ length: updated.data.fragments }, (_, n) => ctx.store.blobs.get(blob(session.id, n)) ?? Buffer.alloc(0)));
  const name = record.path.split('/').pop() ?? '';
  const result = uploadFile(ctx.store, {
    driveId: record.driveId,
    path: record.path,
    bytes,
    mimeType: mimeTypeFor(name),
    who: record.who,
    at: ctx.now,
    conflictBehavior: record.conflictBehavior,
  });
  cancel(ctx, session.id);
  const drive = getDrive(ctx.store, record.driveId);
  const json = {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#drives('${drive.id}')/items/$entity`,
    ...driveItemJson(ctx.store, drive, result.item, { downloadUrl: downloadUrl(ctx.store, ctx.origin, { driveId: drive.id, itemId: result.item.id }, ctx.now) }),
  };
  return { status: result.created ? 201 : 200, headers: { ETag: itemETag(result.item) }, json };
}

/** Tests of the 404 path: every open session expires now. */
export function expireUploadSessions(ctx: BaseContext): number {
  let count = 0;
  for (const session of sessions(ctx).list()) {
    sessions(ctx).update(session.id, (current) => ({ ...current, expiresAt: new Date(0).toISOString() }));
    count += 1;
  }
  return count;
}

export function registerUploadSessions(api: ModuleApi, prefixes: readonly string[]): void {
  for (const prefix of prefixes) {
    for (const path of [`${prefix}/root:/{path+}:/createUploadSession`, `${prefix}/items/{parentId}:/{path+}:/createUploadSession`]) {
      api.graph({ method: 'POST', path, permission: permissions.filesWrite, handler: createSession });
    }
  }
  api.public({ method: 'PUT', path: `${UPLOAD_PATH}/{token}`, body: 'binary', maxBodyBytes: MAX_FRAGMENT_BYTES, handler: putFragment });
  api.public({ method: 'GET', path: `${UPLOAD_PATH}/{token}`, handler: (ctx) => ok(sessionBody(liveSession(ctx).data)) });
  api.public({
    method: 'DELETE',
    path: `${UPLOAD_PATH}/{token}`,
    handler: (ctx) => {
      cancel(ctx, liveSession(ctx).id);
      return noContent();
    },
  });
  api.admin({ method: 'POST', path: '/drive/expire-upload-sessions', handler: (ctx) => ok({ expired: expireUploadSessions(ctx) }) });
}
