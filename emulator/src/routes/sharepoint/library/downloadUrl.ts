/**
 * Pre-authenticated download URLs, like Graph's `@microsoft.graph.downloadUrl`: anyone holding
 * the URL may fetch the bytes for one hour, without a bearer token. They point at the emulated
 * SharePoint file host (`ctx.filesOrigin`, the emulator's second port), not at Graph's origin. The token is
 * base64url({ d: driveId, i: itemId, e: expiry ms }) + "." + HMAC-SHA256 with a per-store secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../../../store/store';

export const DOWNLOAD_PATH = '/_download';
export const DOWNLOAD_URL_LIFETIME_MS = 3600 * 1000;
const SECRET_META = 'drive.downloadSecret';

const payloadSchema = z.object({ d: z.string(), i: z.string(), e: z.number(), v: z.number().int().optional() });
/** `contentVersion`: an earlier version's bytes (driveItemVersion content); absent = the current bytes. */
export type DownloadTarget = { driveId: string; itemId: string; contentVersion?: number };

function secret(store: Store): Buffer {
  let hex = store.getMeta(SECRET_META);
  if (!hex) {
    hex = randomBytes(32).toString('hex');
    store.setMeta(SECRET_META, hex);
  }
  return Buffer.from(hex, 'hex');
}

function sign(store: Store, payload: string): string {
  return createHmac('sha256', secret(store)).update(payload).digest('base64url');
}

export function downloadUrl(store: Store, filesOrigin: string, target: DownloadTarget, now: Date): string {
  const body = { d: target.driveId, i: target.itemId, e: now.getTime() + DOWNLOAD_URL_LIFETIME_MS, ...(target.contentVersion === undefined ? {} : { v: target.contentVersion }) };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${filesOrigin}${DOWNLOAD_PATH}/${payload}.${sign(store, payload)}`;
}

export type DownloadCheck = { ok: true; target: DownloadTarget } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyDownloadToken(store: Store, token: string, now: Date): DownloadCheck {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(store, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (parsed.data.e < now.getTime()) return { ok: false, reason: 'expired' };
    const target: DownloadTarget = { driveId: parsed.data.d, itemId: parsed.data.i };
    if (parsed.data.v !== undefined) target.contentVersion = parsed.data.v;
    return { ok: true, target };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}
