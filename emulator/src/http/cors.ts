/** CORS for any origin: the browser app calls the emulator directly, as it calls Graph. */
import type { IncomingMessage } from 'node:http';

export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'request-id', 'client-request-id', 'Location', 'Content-Location', 'WWW-Authenticate'];

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': requested ?? 'Authorization, Content-Type, ConsistencyLevel, Prefer, If-Match, If-None-Match, client-request-id',
    'Access-Control-Max-Age': '86400',
  };
}
