/**
 * HS256 JSON Web Tokens, signed with the emulator's per-data-dir secret. The claims mirror
 * an Entra ID delegated access token for Microsoft Graph (oid, upn, name, tid, scp, aud).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** Graph's application id, which Entra also accepts as Graph's audience. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The audience of a SharePoint Online token: the tenant's SharePoint origin, e.g. `https://contoso.sharepoint.com`. */
export function sharePointAudience(host: string): string {
  return `https://${host.toLowerCase()}`;
}

export const accessTokenClaimsSchema = z.object({
  aud: z.string(),
  iss: z.string(),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
  exp: z.number().int(),
  oid: z.string(),
  upn: z.string(),
  name: z.string(),
  tid: z.string(),
  scp: z.string(),
  /** The client (application) id: `appid` in v1.0 tokens, `azp` in v2.0 tokens. */
  appid: z.string().optional(),
  azp: z.string().optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function sign(data: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signJwt(claims: AccessTokenClaims, secret: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = base64url(sign(`${header}.${payload}`, secret));
  return `${header}.${payload}.${signature}`;
}

export type JwtFailure =
  | 'empty'
  | 'malformed'
  | 'badHeader'
  | 'badPayload'
  | 'badSignature'
  | 'badAudience'
  | 'expired'
  | 'notYetValid';

export type JwtResult = { ok: true; claims: AccessTokenClaims } | { ok: false; failure: JwtFailure };

/** Messages as Graph (Entra ID token validation) words them. */
export const JWT_FAILURE_MESSAGES: Record<JwtFailure, string> = {
  empty: 'Access token is empty.',
  malformed:
    "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
  badHeader: "IDX14102: Unable to decode the header as Base64Url encoded string.",
  badPayload: "IDX14101: Unable to decode the payload as Base64Url encoded string.",
  badSignature: 'IDX10511: Signature validation failed.',
  badAudience: 'Invalid audience.',
  expired: 'Lifetime validation failed, the token is expired.',
  notYetValid: 'Lifetime validation failed, the token is not yet valid.',
};

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `audiences`: the `aud` values the resource accepts (Graph: its URL or app id; SharePoint: the tenant's
 * SharePoint origin). A token for another resource fails with `badAudience`.
 */
export function verifyJwt(
  token: string | undefined,
  secret: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
  audiences: readonly string[] = [GRAPH_AUDIENCE, GRAPH_APP_ID],
): JwtResult {
  if (!token) return { ok: false, failure: 'empty' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, failure: 'malformed' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart) as { alg?: unknown } | undefined;
  if (!header || typeof header !== 'object') return { ok: false, failure: 'badHeader' };
  const payload = decodeJson(payloadPart);
  if (!payload || typeof payload !== 'object') return { ok: false, failure: 'badPayload' };
  if (header.alg !== 'HS256') return { ok: false, failure: 'badSignature' };
  const expected = sign(`${headerPart}.${payloadPart}`, secret);
  const actual = Buffer.from(signaturePart, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, failure: 'badSignature' };
  const parsed = accessTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, failure: 'badPayload' };
  const claims = parsed.data;
  if (!audiences.some((a) => a.toLowerCase() === claims.aud.toLowerCase().replace(/\/$/, ''))) return { ok: false, failure: 'badAudience' };
  if (claims.exp <= nowSeconds) return { ok: false, failure: 'expired' };
  if (claims.nbf !== undefined && claims.nbf > nowSeconds + 300) return { ok: false, failure: 'notYetValid' };
  return { ok: true, claims };
}
