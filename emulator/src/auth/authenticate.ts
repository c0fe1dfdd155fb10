/** Bearer token → AuthUser, or the 401 Graph gives. */
import { GraphError } from '../http/graphError';
import type { AuthUser } from '../http/context';
import { JWT_FAILURE_MESSAGES, verifyJwt } from './jwt';

/** Graph sends this challenge with every 401. */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/** Tokens without a client id claim all count as one app. */
export const UNKNOWN_APP_ID = '00000000-0000-0000-0000-000000000000';

export function unauthorized(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

export function authenticate(authorization: string | undefined, secret: Buffer): AuthUser {
  const match = /^Bearer\s+(.*)$/i.exec(authorization?.trim() ?? '');
  const token = match?.[1]?.trim();
  const result = verifyJwt(token, secret);
  if (!result.ok) throw unauthorized(JWT_FAILURE_MESSAGES[result.failure]);
  const c = result.claims;
  return {
    id: c.oid,
    userPrincipalName: c.upn,
    displayName: c.name,
    tenantId: c.tid,
    scopes: c.scp.split(' ').filter((s) => s.length > 0),
    appId: c.appid ?? c.azp ?? UNKNOWN_APP_ID,
  };
}
