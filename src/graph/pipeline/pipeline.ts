import type { z } from 'zod';
import type { Page } from '../models';
import type { TokenProvider } from '../tokenProvider';
import { authBehavior } from './authBehavior';
import { type BatchRequest, type BatchResult, executeBatch } from './batch';
import { type Clock, systemClock } from './clock';
import { errorFromAnswer, fetchHeader } from './errorFactory';
import { followPages } from './paging';
import { retryBehavior } from './retryBehavior';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import { transport } from './transport';
import {
  type Behavior,
  type FetchLike,
  type GraphRequest,
  type Handler,
  type PreparedRequest,
  type RawResponse,
  responseText,
} from './types';
import { resolvePreAuthenticatedUrl, resolveUrl, trimBase } from './url';
import { validateJsonText } from './validate';

export interface GraphPipelineOptions {
  /** `https://graph.microsoft.com/v1.0` or `<emulator>/v1.0`. */
  baseUrl: string;
  tokenProvider: TokenProvider;
  /** Defaults to `globalThis.fetch` (looked up per call, so it works unbound in browsers). */
  fetch?: FetchLike;
  clock?: Clock;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Generates `client-request-id` values; defaults to `crypto.randomUUID()`. */
  newRequestId?: () => string;
}

export interface GraphPipeline {
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  /** Sends a request; any answer outside 2xx becomes a typed GraphError. */
  send(request: GraphRequest): Promise<RawResponse>;
  /** Sends and validates a JSON answer with `schema`. */
  json<S extends z.ZodType>(request: GraphRequest, schema: S): Promise<z.output<S>>;
  /** Sends a request whose answer body is not needed (204, DELETE). */
  noContent(request: GraphRequest): Promise<void>;
  /** A collection, page by page, following `@odata.nextLink`; the last delta page has `deltaLink`. */
  pages<S extends z.ZodType>(request: GraphRequest, itemSchema: S): AsyncIterable<Page<z.output<S>>>;
  /** Every item of a collection, following `@odata.nextLink` to the end. */
  all<S extends z.ZodType>(request: GraphRequest, itemSchema: S): Promise<z.output<S>[]>;
  /** JSON batching: chunks of 20, dependency chains kept together, failed inner requests retried. */
  batch(requests: readonly BatchRequest[]): Promise<BatchResult[]>;
  /**
   * GETs a pre-authenticated URL that Graph handed out (`@microsoft.graph.downloadUrl`), which lives
   * on the SharePoint host, not on Graph's origin. The only request allowed to another origin, and it
   * carries no token and no header at all: a CORS simple request, which needs no preflight
   * (SharePoint answers none). Retried like Graph requests; an answer outside 2xx becomes a GraphError.
   */
  download(url: string, options?: { signal?: AbortSignal }): Promise<RawResponse>;
}

const textEncoder = new TextEncoder();

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function compose(behaviors: readonly Behavior[], innermost: Handler): Handler {
  return behaviors.reduceRight<Handler>((next, behavior) => behavior(next), innermost);
}

export function createGraphPipeline(options: GraphPipelineOptions): GraphPipeline {
  const baseUrl = trimBase(options.baseUrl);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const newRequestId = options.newRequestId ?? (() => globalThis.crypto.randomUUID());

  // Outermost first: retry wraps auth, so every attempt carries a valid token and a 401 refresh
  // happens inside one attempt.
  const handler = compose([retryBehavior(policy, clock, random), authBehavior(options.tokenProvider, clock)], transport(fetchFn));
  // Pre-authenticated URLs (downloads, upload sessions): no auth behaviour at all, so no token can
  // reach the foreign origin they live on.
  const preAuthenticatedHandler = compose([retryBehavior(policy, clock, random)], transport(fetchFn));

  const prepare = (request: GraphRequest): PreparedRequest => {
    const clientRequestId = newRequestId();
    // A pre-authenticated URL is not Graph itself: it gets neither a token nor Graph's correlation header.
    const headers: Record<string, string> = request.preAuthenticated ? { ...request.headers } : { ...request.headers, 'client-request-id': clientRequestId };
    let body: Uint8Array | string | undefined;
    if (request.body && 'json' in request.body) {
      body = JSON.stringify(request.body.json);
      if (!headerOf(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    } else if (request.body) {
      body = request.body.bytes;
      if (!headerOf(headers, 'content-type')) headers['Content-Type'] = request.body.contentType;
    }
    return {
      method: request.method,
      url: request.preAuthenticated
        ? resolvePreAuthenticatedUrl(request.url, request.query, request.method)
        : resolveUrl(baseUrl, request.url, request.query, request.method),
      headers,
      body,
      scopes: request.scopes,
      idempotencyKey: request.idempotencyKey,
      signal: request.signal,
      ...(request.readUntil ? { readUntil: request.readUntil } : {}),
      clientRequestId,
      preAuthenticated: request.preAuthenticated,
    };
  };

  /** Runs a prepared request through `run`; any answer outside 2xx becomes a typed GraphError. */
  const execute = async (prepared: PreparedRequest, run: Handler): Promise<RawResponse> => {
    const response = await run(prepared);
    if (response.status >= 200 && response.status < 300) return response;
    throw errorFromAnswer({
      status: response.status,
      header: fetchHeader(response.headers),
      body: responseText(response),
      method: prepared.method,
      url: prepared.url,
      clientRequestId: prepared.clientRequestId,
      scopes: prepared.scopes,
      sentETag: headerOf(prepared.headers, 'if-match'),
      nowMs: clock.now(),
    });
  };

  const send = async (request: GraphRequest): Promise<RawResponse> =>
    execute(prepare(request), request.preAuthenticated ? preAuthenticatedHandler : handler);

  const json = async <S extends z.ZodType>(request: GraphRequest, schema: S): Promise<z.output<S>> => {
    const response = await send({ ...request, headers: { Accept: 'application/json', ...request.headers } });
    const header = fetchHeader(response.headers);
    return validateJsonText(schema, responseText(response), {
      method: request.method,
      url: response.url,
      status: response.status,
      requestId: header('request-id'),
      clientRequestId: header('client-request-id'),
      date: header('date'),
    });
  };

  return {
    baseUrl,
    retryPolicy: policy,
    send,
    json,
    noContent: async (request) => {
      await send(request);
    },
    pages: (request, itemSchema) => followPages(send, request, itemSchema),
    all: async (request, itemSchema) => {
      const items = [];
      for await (const page of followPages(send, request, itemSchema)) items.push(...page.items);
      return items;
    },
    batch: (requests) => executeBatch({ baseUrl, send, clock, random, policy }, requests),
    download: async (url, downloadOptions = {}) =>
      send({ method: 'GET', url, scopes: [], preAuthenticated: true, ...(downloadOptions.signal ? { signal: downloadOptions.signal } : {}) }),
  };
}
