import type { TokenProvider } from '../tokenProvider';
import type { Clock } from './clock';
import { errorFromAnswer, fetchHeader } from './errorFactory';
import { GraphAuthError } from './errors';
import { type Behavior, type PreparedRequest, responseText } from './types';

/**
 * Adds `Authorization: Bearer` with a token for exactly the scopes the call declares. On a 401 it asks
 * the provider once more with `forceRefresh` and resends; a second 401 becomes a GraphAuthError.
 * Pre-authenticated requests (upload session URLs) pass through without a token.
 */
export function authBehavior(tokenProvider: TokenProvider, clock: Clock): Behavior {
  const token = async (request: PreparedRequest, forceRefresh: boolean): Promise<string> => {
    try {
      return await tokenProvider.getToken(request.scopes, { forceRefresh });
    } catch (cause) {
      throw new GraphAuthError({
        status: 0,
        code: 'tokenUnavailable',
        message: `No access token for the scopes ${request.scopes.join(', ') || '(none)'}: ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
        method: request.method,
        url: request.url,
        clientRequestId: request.clientRequestId,
        cause,
      });
    }
  };
  const withToken = (request: PreparedRequest, accessToken: string): PreparedRequest => ({
    ...request,
    headers: { ...request.headers, Authorization: `Bearer ${accessToken}` },
  });

  return (next) => async (request) => {
    if (request.preAuthenticated) return next(request);
    const first = await next(withToken(request, await token(request, false)));
    if (first.status !== 401) return first;
    const second = await next(withToken(request, await token(request, true)));
    if (second.status !== 401) return second;
    throw errorFromAnswer({
      status: second.status,
      header: fetchHeader(second.headers),
      body: responseText(second),
      method: request.method,
      url: request.url,
      clientRequestId: request.clientRequestId,
      scopes: request.scopes,
      attempts: 2,
      nowMs: clock.now(),
      messagePrefix: 'Microsoft Graph rejected the access token, also after a fresh sign-in.',
    });
  };
}
