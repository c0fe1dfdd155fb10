import { z } from 'zod';
import { planBatchChunks } from './batchPlan';
import type { Clock } from './clock';
import { errorFromAnswer, fetchHeader, recordHeader } from './errorFactory';
import { GraphError, GraphResponseValidationError } from './errors';
import { parseRetryAfter } from './retryAfter';
import { backoffDelay, retryableStatuses, type RetryPolicy } from './retryPolicy';
import { type GraphRequest, type HttpMethod, isIdempotentMethod, type QueryValue, type RawResponse, responseText } from './types';
import { relativeToBase, resolveUrl } from './url';
import { validateJsonText } from './validate';

/** One request inside a `$batch`. */
export interface BatchRequest {
  /** Unique within the call; defaults to the 1-based position. `dependsOn` refers to these ids. */
  id?: string;
  method: HttpMethod;
  /** Relative to the base URL, like GraphRequest.url. */
  url: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** JSON body (Graph's batch format carries JSON bodies). */
  body?: { json: unknown };
  dependsOn?: readonly string[];
  scopes: readonly string[];
  /** As in GraphRequest: the caller vouches that a repeat cannot duplicate the effect. */
  idempotencyKey?: string;
}

interface BatchResultBase {
  id: string;
  status: number;
  headers: Record<string, string>;
  /** How many times this request was sent (a 424 for a failed dependency does not count). */
  attempts: number;
}
export interface BatchSuccess extends BatchResultBase {
  ok: true;
  body: unknown;
}
export interface BatchFailure extends BatchResultBase {
  ok: false;
  error: GraphError;
}
export type BatchResult = BatchSuccess | BatchFailure;

const batchEnvelopeSchema = z.object({
  responses: z.array(
    z.looseObject({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
type InnerAnswer = z.infer<typeof batchEnvelopeSchema>['responses'][number];

export interface BatchDeps {
  baseUrl: string;
  send: (request: GraphRequest) => Promise<RawResponse>;
  clock: Clock;
  random: () => number;
  policy: RetryPolicy;
}

interface Entry {
  id: string;
  request: BatchRequest;
  /** Absolute URL, for error messages. */
  url: string;
  /** UTF-8 size of the request inside the `$batch` body (chunks stay under the body budget). */
  bytes: number;
}

const utf8 = new TextEncoder();

/** The request as it travels inside `$batch`. */
function innerRequest(baseUrl: string, entry: Entry, dependsOn: readonly string[]) {
  const { request } = entry;
  const headers: Record<string, string> = { ...request.headers };
  if (request.body && !headerValue(headers, 'content-type')) headers['Content-Type'] = 'application/json';
  return {
    id: entry.id,
    method: request.method,
    url: relativeToBase(baseUrl, entry.url),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(request.body ? { body: request.body.json } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function innerBytes(baseUrl: string, entry: Entry, dependsOn: readonly string[]): number {
  return utf8.encode(JSON.stringify(innerRequest(baseUrl, entry, dependsOn))).length + 1;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  return recordHeader(headers)(name);
}

/**
 * Graph base64-encodes the body of an inner response whose request body was base64 (e.g. a file
 * upload, `PUT .../content`) even when that response is JSON (a driveItem). Decodes such a body
 * (a string with a JSON Content-Type) back to JSON; anything else is left as it is.
 */
function withDecodedBody(answer: InnerAnswer | undefined): InnerAnswer | undefined {
  if (!answer || typeof answer.body !== 'string') return answer;
  if (!/json/i.test(headerValue(answer.headers, 'content-type') ?? '')) return answer;
  const text = answer.body.trim();
  if (text.startsWith('{') || text.startsWith('[') || !/^[A-Za-z0-9+/=\s]+$/.test(text)) return answer;
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { ...answer, body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return answer;
  }
}

/**
 * Sends requests through `$batch` in chunks of 20 that stay under Graph's 4 MB body limit (dependency
 * chains kept together; a request too large on its own is refused before sending), retries only the
 * inner requests that answered 429/503/504 (and their 424 dependents) in later batches, honouring inner
 * `Retry-After` headers, and returns one result per request in the caller's order.
 */
export async function executeBatch(deps: BatchDeps, requests: readonly BatchRequest[]): Promise<BatchResult[]> {
  if (requests.length === 0) return [];
  const entries: Entry[] = requests.map((request, index) => {
    const id = request.id ?? String(index + 1);
    const url = resolveUrl(deps.baseUrl, request.url, request.query, request.method);
    return { id, request, url, bytes: innerBytes(deps.baseUrl, { id, request, url, bytes: 0 }, request.dependsOn ?? []) };
  });
  // Validates ids, dependencies and sizes before anything is sent.
  planBatchChunks(entries.map((e) => ({ id: e.id, dependsOn: e.request.dependsOn, bytes: e.bytes })));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const results = new Map<string, BatchResult>();
  const attempts = new Map<string, number>();
  const lastAnswer = new Map<string, InnerAnswer>();

  const failure = (entry: Entry, answer: InnerAnswer, messagePrefix?: string): BatchFailure => ({
    id: entry.id,
    ok: false,
    status: answer.status,
    headers: answer.headers ?? {},
    attempts: attempts.get(entry.id) ?? 0,
    error: errorFromAnswer({
      status: answer.status,
      header: recordHeader(answer.headers),
      body: answer.body,
      method: entry.request.method,
      url: entry.url,
      scopes: entry.request.scopes,
      sentETag: headerValue(entry.request.headers, 'if-match'),
      attempts: attempts.get(entry.id) ?? 0,
      nowMs: deps.clock.now(),
      messagePrefix,
    }),
  });

  let pending = entries.map((e) => e.id);
  let waitedMs = 0;
  for (let round = 1; ; round++) {
    const pendingSet = new Set(pending);
    const openDeps = (id: string) => (byId.get(id)!.request.dependsOn ?? []).filter((d) => pendingSet.has(d));
    const chunks = planBatchChunks(pending.map((id) => ({ id, dependsOn: openDeps(id), bytes: byId.get(id)!.bytes })));
    const retry = new Map<string, number | undefined>();

    for (const chunk of chunks) {
      const chunkEntries = chunk.map((id) => byId.get(id)!);
      let answers: Map<string, InnerAnswer>;
      try {
        answers = await sendChunk(deps, chunkEntries, openDeps);
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        for (const entry of chunkEntries) {
          results.set(entry.id, {
            id: entry.id,
            ok: false,
            status: error.status,
            headers: {},
            attempts: attempts.get(entry.id) ?? 0,
            error,
          });
        }
        continue;
      }
      for (const entry of chunkEntries) {
        const answer = withDecodedBody(answers.get(entry.id));
        if (!answer) {
          results.set(entry.id, {
            id: entry.id,
            ok: false,
            status: 0,
            headers: {},
            attempts: attempts.get(entry.id) ?? 0,
            error: new GraphResponseValidationError({
              status: 200,
              code: 'invalidResponse',
              message: `Microsoft Graph's $batch answer has no response for request id "${entry.id}".`,
              method: entry.request.method,
              url: entry.url,
              issues: [`responses: no entry with id "${entry.id}"`],
            }),
          });
          continue;
        }
        lastAnswer.set(entry.id, answer);
        const count = (attempts.get(entry.id) ?? 0) + (answer.status === 424 ? 0 : 1);
        attempts.set(entry.id, count);
        if (retryableStatuses.has(answer.status)) {
          if (count < deps.policy.maxAttempts) {
            retry.set(entry.id, parseRetryAfter(headerValue(answer.headers, 'retry-after'), deps.clock.now()));
            continue;
          }
          results.set(
            entry.id,
            failure(entry, answer, `Gave up after ${count} attempts in $batch: the limit of ${deps.policy.maxAttempts} attempts is reached.`),
          );
          continue;
        }
        if (answer.status === 424 && openDeps(entry.id).some((d) => retry.has(d))) {
          retry.set(entry.id, undefined);
          continue;
        }
        if (answer.status >= 200 && answer.status < 400) {
          results.set(entry.id, {
            id: entry.id,
            ok: true,
            status: answer.status,
            headers: answer.headers ?? {},
            body: answer.body,
            attempts: count,
          });
        } else {
          results.set(entry.id, failure(entry, answer));
        }
      }
    }

    if (retry.size === 0) break;
    const hinted = [...retry.values()].filter((v): v is number => v !== undefined);
    const waitMs = hinted.length > 0 ? Math.max(...hinted) : backoffDelay(deps.policy, round, deps.random);
    if (waitedMs + waitMs > deps.policy.maxTotalDelayMs) {
      for (const id of retry.keys()) {
        const entry = byId.get(id)!;
        results.set(
          id,
          failure(
            entry,
            lastAnswer.get(id)!,
            `Gave up after ${attempts.get(id) ?? 0} attempts in $batch: the next wait of ${(waitMs / 1000).toFixed(1)} s would exceed the retry budget of ${(deps.policy.maxTotalDelayMs / 1000).toFixed(1)} s.`,
          ),
        );
      }
      break;
    }
    await deps.clock.sleep(waitMs);
    waitedMs += waitMs;
    pending = [...retry.keys()];
  }

  return entries.map((entry) => results.get(entry.id)!);
}

async function sendChunk(
  deps: BatchDeps,
  chunk: readonly Entry[],
  openDeps: (id: string) => string[],
): Promise<Map<string, InnerAnswer>> {
  const scopes = [...new Set(chunk.flatMap((e) => e.request.scopes))].sort();
  const repeatable = chunk.every((e) => isIdempotentMethod(e.request.method) || e.request.idempotencyKey !== undefined);
  const requests = chunk.map((entry) => innerRequest(deps.baseUrl, entry, openDeps(entry.id)));
  const response = await deps.send({
    method: 'POST',
    url: '/$batch',
    body: { json: { requests } },
    scopes,
    idempotencyKey: repeatable ? `$batch:${chunk.map((e) => e.id).join(',')}` : undefined,
  });
  const envelope = validateJsonText(batchEnvelopeSchema, responseText(response), {
    method: 'POST',
    url: response.url,
    status: response.status,
    requestId: fetchHeader(response.headers)('request-id'),
  });
  return new Map(envelope.responses.map((answer) => [answer.id, answer]));
}
