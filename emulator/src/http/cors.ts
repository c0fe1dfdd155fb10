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

/**
 * The SharePoint file host answers CORS as SharePoint answers a pre-authenticated download URL:
 * a token-less GET (a simple request, which needs no preflight) may be read from any origin; a
 * request carrying an Authorization header gets no CORS allowance, and preflights get none either
 * (the server answers them without Access-Control-* headers). Microsoft Learn, "Download the contents of a driveItem",
 * section "Downloading files in JavaScript apps":
 * https://learn.microsoft.com/en-us/graph/api/driveitem-get-content?view=graph-rest-1.0#downloading-files-in-javascript-apps
 */
export function filesCorsHeaders(req: IncomingMessage): Record<string, string> {
  if (req.headers.authorization !== undefined) return {};
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Content-Disposition' };
}


/** Request headers an upload-session URL accepts in a preflight (no Authorization: the URL is pre-authenticated). */
const UPLOAD_PREFLIGHT_HEADERS = ['content-range', 'content-type'];

/**
 * A preflight on the SharePoint file host: answered only for an upload session's URL (a browser PUT
 * carries `Content-Range`, which needs a preflight), and only when it asks for no other header than
 * `Content-Range` and `Content-Type`. OneDrive/onedrive-api-docs#157 ("Access-Control-Allow-Headers
 * doesn't allow Content-Range", fixed by the service) and microsoftgraph/msgraph-sdk-javascript#220
 * (a preflight asking for an extra header such as `sdkversion` is refused). Download URLs get no
 * preflight allowance (see filesCorsHeaders). `undefined` = answer without Access-Control-* headers.
 */
export function filesPreflightHeaders(req: IncomingMessage, isUploadUrl: boolean): Record<string, string> | undefined {
  if (!isUploadUrl) return undefined;
  const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
  if (!['PUT', 'GET', 'DELETE'].includes(method)) return undefined;
  const requested = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (requested.some((h) => !UPLOAD_PREFLIGHT_HEADERS.includes(h))) return undefined;
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'PUT, GET, DELETE',
    'Access-Control-Allow-Headers': 'Content-Range, Content-Type',
    'Access-Control-Max-Age': '3600',
  };
}

/**
 * SharePoint REST (`<site>/_api/...`) on the SharePoint host: SharePoint Online answers cross-origin calls that
 * carry an OAuth bearer token, which is how single-page apps outside SharePoint call it with MSAL (PnPjs,
 * "Calling SharePoint via MSAL": https://pnp.github.io/pnpjs/v2/authentication/msaljsclient/, and
 * SharePoint/sp-dev-docs#8293). The origin is echoed; no credentials (cookies) are allowed, so a page can
 * only act with a token it holds.
 */
export function sharePointRestCorsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag, SPRequestGuid, request-id, WWW-Authenticate, x-ms-diagnostics', Vary: 'Origin' };
}

/** The preflight of a SharePoint REST call: bearer token, OData Accept/Content-Type, IF-MATCH and X-HTTP-Method tunnelling. */
export function sharePointRestPreflightHeaders(req: IncomingMessage): Record<string, string> {
  const allowed = sharePointRestCorsHeaders(req);
  if (!allowed['Access-Control-Allow-Origin']) return {};
  return {
    ...allowed,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type, IF-MATCH, X-HTTP-Method, X-RequestDigest, odata-version, client-request-id',
    'Access-Control-Max-Age': '3600',
  };
}
