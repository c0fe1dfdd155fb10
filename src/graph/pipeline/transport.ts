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

function append(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The whole body, or (a 2xx answer with `readUntil`) its start: the download stops there. */
async function readBody(response: Response, readUntil: ((received: Uint8Array) => boolean) | undefined): Promise<Uint8Array> {
  if (!readUntil || !response.ok || !response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  let received: Uint8Array = new Uint8Array(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return received;
    received = append(received, value);
    if (readUntil(received)) {
      // Stop the download; a failing cancel changes nothing for the bytes already read.
      reader.cancel().catch(() => undefined);
      return received;
    }
  }
}

/**
 * The innermost handler: the only place that calls `fetch`. Reads the whole body so behaviours can
 * inspect error answers (a 2xx answer only up to `readUntil` when the request sets it); redirects are followed (Graph's download endpoint answers 302).
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
      body = await readBody(response, request.readUntil);
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason ?? cause;
      throw networkError(cause, 'answer broke off');
    }
    return { status: response.status, headers: response.headers, body, url: response.url || request.url };
  };
}
