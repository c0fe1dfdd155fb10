/** POST /_admin/token: a signed demo access token for a seeded user. */
import { z } from 'zod';
import { DEFAULT_DEMO_SCOPES } from '../auth/permissions';
import { GRAPH_AUDIENCE, sharePointAudience, signJwt } from '../auth/jwt';
import { SHAREPOINT_DELEGATED_SCOPES } from '../auth/permissions';
import { errors, GraphError } from '../http/graphError';
import type { Store } from '../store/store';
import { TENANT } from '../tenant';
import { findUser } from '../routes/identity/directory';

/** Parses an admin/sign-in JSON body; 400 naming each problem. */
export function parseAdminBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw errors.badRequest(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

export const tokenRequestSchema = z
  .object({
    user: z.string().min(1),
    scopes: z.array(z.string().regex(/^\S+$/, 'a scope has no spaces')).optional(),
    expiresInSeconds: z.number().int().min(-86_400).max(86_400).optional(),
    /** The client application id for the `appid` claim (default DEMO_CLIENT_APP_ID). */
    appId: z.string().uuid().optional(),
  })
  .strict();
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export interface TokenResponse {
  token_type: 'Bearer';
  access_token: string;
  expires_in: number;
  scope: string;
}

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/** The `appid` of tokens that name no client: one generic demo client registration. */
export const DEMO_CLIENT_APP_ID = '4f1c0d2e-7b3a-4e59-8c61-0a9d2b7e3f10';

/** OpenID Connect scopes name no resource; Entra allows them beside any one resource's scopes. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * The resource a token is for, from its scopes, as Entra's v2.0 token endpoint decides it:
 * bare scopes and `https://graph.microsoft.com/<scope>` are Graph's; `https://<tenant>.sharepoint.com/<scope>`
 * is SharePoint Online's (Learn, "SharePoint delegated permissions": AllSites.Read|Write|Manage|FullControl).
 * Scopes of more than one resource in one request → 400 AADSTS28000 (public issue threads, e.g.
 * Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2#271, "by design").
 */
export function resolveTokenScopes(scopes: readonly string[], sharePointHost: string): { audience: string; scp: string[] } {
  const spOrigin = sharePointAudience(sharePointHost);
  const resources = new Set<string>();
  const scp: string[] = [];
  for (const scope of scopes) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) continue;
    const qualified = /^(https:\/\/[^/]+)\/(.+)$/i.exec(scope);
    const resource = qualified ? (qualified[1] as string).toLowerCase() : GRAPH_AUDIENCE;
    const name = qualified ? (qualified[2] as string) : scope;
    if (resource !== GRAPH_AUDIENCE && resource !== spOrigin) {
      throw new GraphError(
        400,
        'invalid_resource',
        `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${TENANT.displayName}. The emulator knows Graph and ${spOrigin}.`,
      );
    }
    if (resource === spOrigin && !SHAREPOINT_DELEGATED_SCOPES.some((s) => s.toLowerCase() === name.toLowerCase())) {
      throw new GraphError(400, 'invalid_scope', `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`);
    }
    resources.add(resource);
    scp.push(name);
  }
  if (resources.size > 1) {
    throw new GraphError(
      400,
      'invalid_scope',
      `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopes.join(' ')} is not valid.`,
    );
  }
  return { audience: [...resources][0] ?? GRAPH_AUDIENCE, scp };
}

/** Negative `expiresInSeconds` issues an already expired token (for tests of the 401 path). */
export function issueToken(store: Store, secret: Buffer, request: TokenRequest, now = new Date()): TokenResponse {
  const user = findUser(store, request.user);
  if (!user?.id || !user.userPrincipalName) {
    throw new GraphError(404, 'Request_ResourceNotFound', `No demo user '${request.user}'. GET /_admin/users lists them.`);
  }
  const scopes = request.scopes ?? [...DEFAULT_DEMO_SCOPES];
  const lifetime = request.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const iat = Math.floor(now.getTime() / 1000);
  const scope = scopes.join(' ');
  const resolved = resolveTokenScopes(scopes, TENANT.sharePointHost);
  const access_token = signJwt(
    {
      aud: resolved.audience,
      iss: `https://sts.windows.net/${TENANT.id}/`,
      iat,
      nbf: Math.min(iat, iat + lifetime),
      exp: iat + lifetime,
      oid: user.id,
      upn: user.userPrincipalName,
      name: user.displayName ?? user.userPrincipalName,
      tid: TENANT.id,
      scp: resolved.scp.join(' '),
      appid: request.appId ?? DEMO_CLIENT_APP_ID,
    },
    secret,
  );
  return { token_type: 'Bearer', access_token, expires_in: lifetime, scope };
}
