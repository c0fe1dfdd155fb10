import { GraphNetworkError } from './errors';
import type { FetchLike, Handler } from './types';

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    const innerText = inner instanceof Error ? ` (${inner.message})` : '';
    return `${cause.message}${innerText}`;
  }
  return String(cause);
}

/**
 * The innermost handler: the only place that calls `fetch`. Reads the whole body so behaviours can
 * inspect error answers; redirects are followed (Graph's download endpoint answers 302).
 * A request aborted by its caller rethrows the abort reason unchanged (never retried).
 */
export function transport(fetchFn: FetchLike): Handler {
  return async (request) => {
    const networkError = (cause: unknown, phase: string) =>
      new GraphNetworkError({
        status: 0,
        code: 'networkError',
        message: `Microsoft Graph could not be reached (${phase}): ${describeCause(cause)}`,
        method: request.method,
        url: request.url,
        clientRequestId: request.clientRequestId,
        cause,
      });
    let response: Response;
    try {
      response = await fetchFn(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as BodyInit | undefined,
        signal: request.signal,
        redirect: 'follow',
      });
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason ?? cause;
      throw networkError(cause, 'no answer');
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason ?? cause;
      throw networkError(cause, 'answer broke off');
    }
    return { status: response.status, headers: response.headers, body, url: response.url || request.url };
  };
}
