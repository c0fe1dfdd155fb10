import { z } from 'zod';
import {
  GraphAuthError,
  GraphBadRequestError,
  GraphConflictError,
  GraphError,
  type GraphErrorInit,
  GraphForbiddenError,
  GraphNotFoundError,
  GraphPayloadTooLargeError,
  GraphPreconditionFailedError,
  GraphResyncRequiredError,
  GraphServerError,
  GraphServiceUnavailableError,
  GraphThrottledError,
} from './errors';
import { parseRetryAfter } from './retryAfter';

/** Graph's documented error body: `{"error":{"code","message","innerError":{...}}}`. */
const graphErrorBodySchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    innerError: z
      .looseObject({
        date: z.string().optional(),
        'request-id': z.string().optional(),
        'client-request-id': z.string().optional(),
      })
      .optional(),
  }),
});

/** Everything known about a failed answer, whether it came over HTTP or inside a `$batch` envelope. */
export interface FailedAnswer {
  status: number;
  header: (name: string) => string | undefined;
  /** The body as text (HTTP) or as parsed JSON (batch inner responses). */
  body: unknown;
  method: string;
  url: string;
  clientRequestId?: string;
  /** Scopes the call requested (named in 403 errors). */
  scopes: readonly string[];
  /** If-Match value sent (named in 412 errors). */
  sentETag?: string;
  attempts?: number;
  nowMs: number;
  /** Text put in front of Graph's message, e.g. "Gave up after 5 attempts." */
  messagePrefix?: string;
}

/**
 * SharePoint REST's error body (the pipeline also talks to `<tenant>.sharepoint.com/_api`): with
 * `odata=nometadata`/`minimalmetadata` `{"odata.error":{"code":"-2147024891, System.UnauthorizedAccessException",
 * "message":{"lang":"en-US","value":"Access denied."}}}`, with `odata=verbose` the same under `error`.
 * Read into Graph's shape so the same typed errors come out.
 */
const sharePointMessageSchema = z.object({ lang: z.string().optional(), value: z.string() });
const sharePointErrorBodySchema = z.union([
  z.object({ 'odata.error': z.looseObject({ code: z.string(), message: sharePointMessageSchema.optional() }) }),
  z.object({ error: z.looseObject({ code: z.string(), message: sharePointMessageSchema }) }),
]);

function fromSharePoint(value: unknown): z.infer<typeof graphErrorBodySchema> | undefined {
  const result = sharePointErrorBodySchema.safeParse(value);
  if (!result.success) return undefined;
  const error = 'odata.error' in result.data ? result.data['odata.error'] : result.data.error;
  return { error: { code: error.code, ...(error.message ? { message: error.message.value } : {}) } };
}

const RAW_BODY_LIMIT = 4000;

function parseBody(body: unknown): { parsed?: z.infer<typeof graphErrorBodySchema>; raw?: string } {
  let value = body;
  let raw: string | undefined;
  if (typeof body === 'string') {
    raw = body;
    try {
      value = body.trim() === '' ? undefined : JSON.parse(body);
    } catch {
      value = undefined;
    }
  }
  const result = graphErrorBodySchema.safeParse(value);
  if (result.success) return { parsed: result.data };
  const sharePoint = fromSharePoint(value);
  if (sharePoint) return { parsed: sharePoint };
  if (raw === undefined && body !== undefined && body !== null) raw = JSON.stringify(body);
  return { raw: raw?.slice(0, RAW_BODY_LIMIT) };
}

/** Graph's 403s sometimes say "API requires one of 'Sites.Read.All, Sites.ReadWrite.All'". */
export function requiredPermissionsFrom(message: string): string[] {
  const match = /requires one of '([^']*)'/i.exec(message);
  if (!match?.[1]) return [];
  return match[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The resource URL without its query, to re-read after a 412. */
function withoutQuery(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

export function errorFromAnswer(answer: FailedAnswer): GraphError {
  const { parsed, raw } = parseBody(answer.body);
  const graphError = parsed?.error;
  const inner = graphError?.innerError;
  const graphMessage =
    graphError?.message && graphError.message.length > 0
      ? graphError.message
      : `Microsoft Graph answered ${answer.status} without ${graphError ? 'a message' : 'a Graph error body'}.`;
  const message = answer.messagePrefix ? `${answer.messagePrefix} ${graphMessage}` : graphMessage;
  const init: GraphErrorInit = {
    status: answer.status,
    code: graphError?.code ?? `http${answer.status}`,
    message,
    method: answer.method,
    url: answer.url,
    requestId: inner?.['request-id'] ?? answer.header('request-id'),
    clientRequestId: inner?.['client-request-id'] ?? answer.header('client-request-id') ?? answer.clientRequestId,
    date: inner?.date ?? answer.header('date'),
    retryAfterMs: parseRetryAfter(answer.header('retry-after'), answer.nowMs),
    attempts: answer.attempts,
    innerError: inner,
    rawBody: raw,
  };
  const status = answer.status;
  if (status === 400) return new GraphBadRequestError(init);
  if (status === 401) return new GraphAuthError(init);
  if (status === 403) {
    return new GraphForbiddenError({
      ...init,
      requiredPermissions: requiredPermissionsFrom(graphMessage),
      requestedScopes: answer.scopes,
    });
  }
  if (status === 404) return new GraphNotFoundError(init);
  if (status === 409) return new GraphConflictError(init);
  if (status === 410) return new GraphResyncRequiredError({ ...init, location: answer.header('location') });
  if (status === 412) {
    return new GraphPreconditionFailedError({
      ...init,
      resourceUrl: withoutQuery(answer.url),
      sentETag: answer.sentETag,
    });
  }
  if (status === 413) return new GraphPayloadTooLargeError(init);
  if (status === 429) return new GraphThrottledError(init);
  if (status === 503 || status === 504) return new GraphServiceUnavailableError(init);
  if (status >= 500) return new GraphServerError(init);
  return new GraphError(init);
}

/** Case-insensitive header lookup over a plain record (batch inner responses). */
export function recordHeader(headers: Record<string, string> | undefined): (name: string) => string | undefined {
  const lower = new Map<string, string>();
  for (const [key, value] of Object.entries(headers ?? {})) lower.set(key.toLowerCase(), value);
  return (name) => lower.get(name.toLowerCase());
}

export function fetchHeader(headers: Headers): (name: string) => string | undefined {
  return (name) => headers.get(name) ?? undefined;
}
