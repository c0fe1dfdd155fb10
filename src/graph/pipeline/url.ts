import { GraphInvalidRequestError } from './errors';
import type { QueryValue } from './types';

/**
 * Query strings are built by hand: OData option names keep their `$` and values are percent-encoded
 * (spaces as %20, not `+`, which OData services do not all read as a space).
 */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const name = /^[A-Za-z0-9_$@.-]+$/.test(key) ? key : encodeURIComponent(key);
    parts.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

function appendQuery(url: string, query: Record<string, QueryValue> | undefined): string {
  const qs = queryString(query);
  if (qs === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * Resolves a gateway URL against the base URL. Absolute URLs (next/delta links) must point at the
 * base URL's origin: the pipeline attaches a bearer token and must not hand it to another host.
 */
export function resolveUrl(
  baseUrl: string,
  url: string,
  query: Record<string, QueryValue> | undefined,
  method: string,
): string {
  const base = trimBase(baseUrl);
  if (/^https?:\/\//i.test(url)) {
    const target = new URL(url);
    if (target.origin !== new URL(base).origin) {
      throw new GraphInvalidRequestError({
        status: 0,
        code: 'foreignOrigin',
        message: `Refusing to send a Graph token to ${target.origin}: only ${new URL(base).origin} is trusted.`,
        method,
        url,
      });
    }
    return appendQuery(url, query);
  }
  return appendQuery(`${base}${url.startsWith('/') ? '' : '/'}${url}`, query);
}

/**
 * A pre-authenticated URL Graph handed out (an upload session's `uploadUrl`): absolute, any origin, since
 * no token is attached to it (see GraphRequest.preAuthenticated).
 */
export function resolvePreAuthenticatedUrl(url: string, query: Record<string, QueryValue> | undefined, method: string): string {
  if (!/^https?:\/\//i.test(url)) {
    throw new GraphInvalidRequestError({ status: 0, code: 'notPreAuthenticated', message: `A pre-authenticated URL must be absolute, not ${url}.`, method, url });
  }
  return appendQuery(url, query);
}

/** For `$batch`: inner URLs are relative to the version root (`/me`, not `https://.../v1.0/me`). */
export function relativeToBase(baseUrl: string, absoluteUrl: string): string {
  const base = trimBase(baseUrl);
  if (absoluteUrl.startsWith(`${base}/`)) return absoluteUrl.slice(base.length);
  throw new GraphInvalidRequestError({
    status: 0,
    code: 'notBatchable',
    message: `A $batch request must target ${base}, not ${absoluteUrl}.`,
    method: 'POST',
    url: absoluteUrl,
  });
}

/** Encodes each segment of a drive path (`Nachweise/2026/Protokoll 1.pdf`) and keeps the slashes. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Encodes one URL segment (ids, names). Composite site ids keep their commas, as Graph prints them. */
export function segment(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}
