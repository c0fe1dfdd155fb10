/**
 * CORS by path. Graph (`/v1.0`) and public routes answer any origin: the browser app calls the
 * emulator directly, as it calls Graph, and without a token a page gets nothing. `/_signin` (the
 * emulated sign-in) answers only the app origins the emulator was started with; `/_admin` answers
 * no origin, so no web page can read it.
 */
import type { IncomingMessage } from 'node:http';

export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'request-id', 'client-request-id', 'Location', 'Content-Location', 'WWW-Authenticate'];

export type CorsPolicy = 'anyOrigin' | 'appOrigins' | 'none';

export function corsPolicyFor(url: string): CorsPolicy {
  if (/^\/_admin(?=[/?]|$)/i.test(url)) return 'none';
  if (/^\/_signin(?=[/?]|$)/i.test(url)) return 'appOrigins';
  return 'anyOrigin';
}

export function corsHeaders(req: IncomingMessage, policy: CorsPolicy = 'anyOrigin', appOrigins: readonly string[] = []): Record<string, string> {
  const origin = req.headers.origin;
  if (policy === 'none') return {};
  if (policy === 'appOrigins') {
    if (!origin || !appOrigins.includes(origin)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

export function preflightHeaders(req: IncomingMessage, policy: CorsPolicy = 'anyOrigin', appOrigins: readonly string[] = []): Record<string, string> {
  const allowed = corsHeaders(req, policy, appOrigins);
  if (!allowed['Access-Control-Allow-Origin']) return allowed;
  const requested = req.headers['access-control-request-headers'];
  return {
    ...allowed,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': requested ?? 'Authorization, Content-Type, ConsistencyLevel, Prefer, If-Match, If-None-Match, client-request-id',
    'Access-Control-Max-Age': '86400',
  };
}
