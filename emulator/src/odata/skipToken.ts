/**
 * Opaque server-driven paging tokens. A token carries the offset of the next page and a
 * fingerprint of the query it belongs to, so a token reused with another filter or order
 * is refused instead of silently returning the wrong page.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const tokenSchema = z.object({ v: z.literal(1), o: z.number().int().nonnegative(), q: z.string() });

export function queryFingerprint(parts: readonly (string | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeSkipToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, q: fingerprint }), 'utf8').toString('base64url');
}

/** The offset the token points at, or undefined when the token is malformed or belongs to another query. */
export function decodeSkipToken(token: string, fingerprint: string): number | undefined {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.q !== fingerprint) return undefined;
    return parsed.data.o;
  } catch {
    return undefined;
  }
}

const READABLE = /%(24|2C|2F|3A|3D|40)/gi;

/** Query-string encoding that keeps `$`, `,`, `/`, `:`, `=`, `@` readable, like Graph's own nextLinks. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(READABLE, (match) => decodeURIComponent(match));
}

/**
 * The absolute `@odata.nextLink`: the request URL with every other query option kept in order,
 * `$skip` dropped (the token includes it) and `$skiptoken` set.
 */
export function buildNextLink(requestUrl: URL, token: string): string {
  const url = new URL(requestUrl.href);
  const kept: string[] = [];
  for (const [key, value] of url.searchParams) {
    const lower = key.toLowerCase();
    if (lower === '$skiptoken' || lower === 'skiptoken' || lower === '$skip' || lower === 'skip') continue;
    kept.push(`${encodeQueryValue(key)}=${encodeQueryValue(value)}`);
  }
  kept.push(`$skiptoken=${token}`);
  url.search = '';
  return `${url.href}?${kept.join('&')}`;
}
