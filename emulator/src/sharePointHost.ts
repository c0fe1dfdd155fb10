/**
 * SharePoint REST on the emulated SharePoint host (the file host): `<site>/_api/...`.
 * The core finds the site path (the part before `/_api`), checks the bearer token for the SharePoint
 * audience and the route's SharePoint scopes, then hands the request to a module's route. Errors use
 * SharePoint's JSON error shape, not Graph's:
 *   nometadata/minimalmetadata: { "odata.error": { "code": "-2147024891, System.UnauthorizedAccessException", "message": { "lang": "en-US", "value": "…" } } }
 *   verbose:                   { "error": { … same … } }
 * Sources: OneDrive/onedrive-api-docs#729 and vgrem/phpSPO#272 (the code and message of an access
 * denial), microsoft/BCApps#8476 (verbose errors carry `error.message.value`), SharePoint/sp-dev-docs#644
 * (odata=nometadata). A rejected token answers 401 like SharePoint Online: body `{"error_description": …}`,
 * `WWW-Authenticate: Bearer realm="<tenant id>",client_id="00000003-0000-0ff1-ce00-000000000000",…` and for a token
 * of another audience `x-ms-diagnostics: 3000003;reason="Invalid audience Uri '<aud>'.";category="invalid_client"`
 * (AzureAD/azure-activedirectory-library-for-js#589, azure-activedirectory-library-for-dotnet#543).
 * No X-RequestDigest is needed with an OAuth bearer token (pnp/PnP-JS-Core#464: "In the scenario of passing an
 * access token to access SharePoint endpoints, the step to get the request digest is not" needed).
 */
import { randomUUID } from 'node:crypto';
import { TokenRejected, verifyBearer } from './auth/authenticate';
import { sharePointAudience } from './auth/jwt';
import { isAllowed } from './auth/permissions';
import { GraphError } from './http/graphError';
import type { EmulatorResponse } from './http/response';
import { isHttpMethod, type Router } from './http/router';
import type { SharePointContext, SharePointMetadata, SharePointRoute } from './module';
import { handlerContext, mapError, splitTarget, type IncomingGraphRequest, type Services } from './pipeline';
import { TENANT } from './tenant';

/** SharePoint Online's first-party app id (the `client_id` in its 401 challenge). */
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

/** `/sites/ISMS/_api/web?x` → { sitePath: '/sites/ISMS', apiTarget: '/web?x' }; undefined when the URL is no REST call. */
export function splitApiUrl(url: string): { sitePath: string; apiTarget: string } | undefined {
  const m = /^((?:\/[^/?]+)*?)\/_api(?=[/?]|$)(.*)$/i.exec(url);
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  const rest = m[2] ?? '';
  const apiTarget = rest.startsWith('/') ? rest : `/${rest}`;
  let sitePath = '/';
  try {
    sitePath = prefix === '' ? '/' : decodeURIComponent(prefix);
  } catch {
    sitePath = prefix;
  }
  return { sitePath, apiTarget };
}

export function metadataOf(accept: string | undefined): SharePointMetadata {
  const value = (accept ?? '').toLowerCase();
  if (/odata\s*=\s*verbose/.test(value)) return 'verbose';
  if (/odata\s*=\s*nometadata|odata\.metadata\s*=\s*none/.test(value)) return 'nometadata';
  return 'minimalmetadata';
}

/** SharePoint's error codes are "<HRESULT>, <exception type>". */
export const SP_ACCESS_DENIED = '-2147024891, System.UnauthorizedAccessException';
export const SP_ACCESS_DENIED_MESSAGE = 'Access denied. You do not have permission to perform this action or access this resource.';

export function sharePointErrorBody(metadata: SharePointMetadata, code: string, message: string): Record<string, unknown> {
  const error = { code, message: { lang: 'en-US', value: message } };
  return metadata === 'verbose' ? { error } : { 'odata.error': error };
}

function unauthorized(rejected: TokenRejected): EmulatorResponse {
  const headers: Record<string, string> = {
    'WWW-Authenticate': `Bearer realm="${TENANT.id}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
  };
  let description: string;
  if (rejected.failure === 'badAudience') {
    headers['x-ms-diagnostics'] = `3000003;reason="Invalid audience Uri '${rejected.audience ?? ''}'.";category="invalid_client"`;
    description = "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.";
  } else {
    description = rejected.message;
  }
  return { status: 401, headers, json: { error_description: description } };
}

export async function runSharePointRequest(
  services: Services,
  router: Router<SharePointRoute>,
  req: Omit<IncomingGraphRequest, 'inBatch'>,
  sitePath: string,
): Promise<EmulatorResponse> {
  const requestId = randomUUID();
  const metadata = metadataOf(req.headers.accept);
  const ids = { SPRequestGuid: requestId, 'request-id': requestId };
  const fail = (error: GraphError): EmulatorResponse => ({
    status: error.status,
    headers: { ...error.headers, ...ids, 'Content-Type': 'application/json;odata=' + metadata + ';charset=utf-8' },
    json: sharePointErrorBody(metadata, error.code, error.message),
  });
  // X-HTTP-Method: MERGE / DELETE tunnel through POST (SharePoint REST's update and delete).
  const tunnel = (req.headers['x-http-method'] ?? '').toUpperCase();
  const method = req.method.toUpperCase() === 'POST' && (tunnel === 'MERGE' || tunnel === 'PATCH') ? 'PATCH' : req.method.toUpperCase() === 'POST' && tunnel === 'DELETE' ? 'DELETE' : req.method.toUpperCase() === 'MERGE' ? 'PATCH' : req.method.toUpperCase();
  const { path, query } = splitTarget(req.target);
  const lookup = isHttpMethod(method) ? router.lookup(method, path) : ({ kind: 'methodNotAllowed', allowed: [] } as const);
  services.stats.count(lookup.kind === 'found' ? `SP ${method} ${lookup.match.pattern}` : `SP ${method} (no route)`);
  let user;
  try {
    user = verifyBearer(req.headers.authorization, services.secret, [sharePointAudience(TENANT.sharePointHost)]);
  } catch (error) {
    if (error instanceof TokenRejected) return { ...unauthorized(error), headers: { ...unauthorized(error).headers, ...ids } };
    throw error;
  }
  try {
    if (lookup.kind === 'methodNotAllowed') throw new GraphError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The HTTP method is not allowed for this resource.');
    if (lookup.kind === 'notFound') {
      const segments = path.split('/').filter((s) => s.length > 0);
      throw new GraphError(404, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Cannot find resource for the request ${segments[segments.length - 1] ?? ''}.`);
    }
    const { route, params } = lookup.match;
    if (route.permission && !isAllowed(route.permission, user.scopes)) throw new GraphError(403, SP_ACCESS_DENIED, SP_ACCESS_DENIED_MESSAGE);
    const clientRequestId = req.headers['client-request-id'] ?? requestId;
    const base = await handlerContext(services, req, route, { method, path, params, query, requestId, clientRequestId }).catch((error: unknown) => {
      if (error instanceof GraphError && error.status === 400) throw new GraphError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'Invalid JSON. A token was not recognized in the JSON content.');
      throw error;
    });
    const apiBase = `${req.origin}${sitePath === '/' ? '' : sitePath.split('/').map(encodeURIComponent).join('/')}/_api`;
    const ctx: SharePointContext = { ...base, user, sitePath, apiBase, metadata };
    const response = await route.handler(ctx);
    const hasType = Object.keys(response.headers ?? {}).some((k) => k.toLowerCase() === 'content-type');
    return {
      ...response,
      headers: { ...(response.json !== undefined && !hasType ? { 'Content-Type': `application/json;odata=${metadata};streaming=true;charset=utf-8` } : {}), ...response.headers, ...ids },
    };
  } catch (error) {
    return fail(mapError(error));
  }
}
