/**
 * Test doubles for the Graph pipeline's unit tests: a scripted fetch that records every call, a clock
 * that records waits instead of sleeping, and a token provider that records what it was asked.
 * Used only by *.test.ts files.
 */
import type { Clock } from '../pipeline/clock';
import type { FetchLike } from '../pipeline/types';
import type { TokenProvider, TokenRequestOptions } from '../tokenProvider';

export interface RecordedCall {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

export type FakeAnswer = Response | Error;

export interface FakeFetch {
  fetch: FetchLike;
  calls: RecordedCall[];
}

function recordHeaders(init: RequestInit): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}

/**
 * A fetch that answers with `respond(call, index)`; an Error answer makes fetch reject (network
 * failure). The Response's `url` is set to the request URL, like a real fetch.
 */
export function fakeFetch(respond: (call: RecordedCall, index: number) => FakeAnswer | Promise<FakeAnswer>): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const body = init.body as string | Uint8Array | undefined;
    const call: RecordedCall = {
      url: input,
      method: init.method ?? 'GET',
      headers: recordHeaders(init),
      body,
      json: () => JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)),
    };
    calls.push(call);
    const answer = await respond(call, calls.length - 1);
    if (answer instanceof Error) throw answer;
    Object.defineProperty(answer, 'url', { value: input });
    return answer;
  };
  return { fetch, calls };
}

/** A fetch that answers the given responses in order (and fails loudly when it runs out). */
export function sequenceFetch(answers: readonly (FakeAnswer | (() => FakeAnswer))[]): FakeFetch {
  return fakeFetch((call, index) => {
    const answer = answers[index];
    if (answer === undefined) throw new Error(`Unexpected request #${index + 1}: ${call.method} ${call.url}`);
    return typeof answer === 'function' ? answer() : answer;
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Graph's documented error body with innerError. */
export function graphErrorResponse(
  status: number,
  code: string,
  message: string,
  options: { requestId?: string; headers?: Record<string, string>; date?: string } = {},
): Response {
  const requestId = options.requestId ?? `req-${status}`;
  return jsonResponse(
    status,
    {
      error: {
        code,
        message,
        innerError: { date: options.date ?? '2026-11-27T01:00:00', 'request-id': requestId, 'client-request-id': 'echo' },
      },
    },
    { 'request-id': requestId, ...options.headers },
  );
}

/** A clock that advances instantly and records each wait. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = Date.parse('2026-11-27T01:00:00Z')) {}
  now(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
  }
}

/** Hands out `token-1`, `token-2`, ... and records each request. */
export class FakeTokenProvider implements TokenProvider {
  readonly requests: { scopes: string[]; forceRefresh: boolean }[] = [];
  async getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string> {
    this.requests.push({ scopes: [...scopes], forceRefresh: options?.forceRefresh ?? false });
    return `token-${this.requests.length}`;
  }
}
