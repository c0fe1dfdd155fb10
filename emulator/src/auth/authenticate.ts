/** Bearer token → AuthUser, or the 401 Graph (or SharePoint) gives. */
import { GraphError } from '../http/graphError';
import type { AuthUser } from '../http/context';
import { GRAPH_APP_ID, GRAPH_AUDIENCE, JWT_FAILURE_MESSAGES, verifyJwt, type JwtFailure } from './jwt';

/** Graph sends this challenge with every 401. */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/** Tokens without a client id claim all count as one app. */
export const UNKNOWN_APP_ID = '00000000-0000-0000-0000-000000000000';

export function unauthorized(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

export class TokenRejected extends Error {
  constructor(
    readonly failure: JwtFailure,
    readonly audience: string | undefined,
  ) {
    super(JWT_FAILURE_MESSAGES[failure]);
  }
}

/** Verifies the bearer token for a resource (its accepted `aud` values); throws TokenRejected. */
export function verifyBearer(authorization: string | undefined, secret: Buffer, audiences: readonly string[]): AuthUser {
  const match = /^Bearer\s+(.*)$/i.exec(authorization?.trim() ?? '');
  const token = match?.[1]?.trim();
  const result = verifyJwt(token, secret, undefined, audiences);
  if (!result.ok) {
    let aud: string | undefined;
    try {
      aud = (JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: string }).aud;
    } catch {
      aud = undefined;
    }
    throw new TokenRejected(result.failure, aud);
  }
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

/** Graph: a token whose audience is not Graph (e.g. a SharePoint token) → 401 "Invalid audience.". */
export function authenticate(authorization: string | undefined, secret: Buffer): AuthUser {
  try {
    return verifyBearer(authorization, secret, [GRAPH_AUDIENCE, GRAPH_APP_ID]);
  } catch (error) {
    if (error instanceof TokenRejected) throw unauthorized(JWT_FAILURE_MESSAGES[error.failure]);
    throw error;
  }
}
