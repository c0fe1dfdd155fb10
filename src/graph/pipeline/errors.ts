/**
 * Typed Graph errors. Every failure that leaves the pipeline is a GraphError (or a subclass) carrying
 * what Graph said (status, code, message, request-id, date) and what we sent (method, url,
 * client-request-id), so a support ticket can quote it and nothing is lost.
 *
 * `message` is Graph's own message (English, from the service) possibly prefixed with what the pipeline
 * did (e.g. that it gave up). The UI translates by `kind` and shows `requestId` next to it.
 * `status` is 0 when no HTTP answer exists (network failure, a request refused before sending).
 */

export type GraphErrorKind =
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'preconditionFailed'
  | 'resyncRequired'
  | 'payloadTooLarge'
  | 'throttled'
  | 'serviceUnavailable'
  | 'server'
  | 'network'
  | 'invalidResponse'
  | 'invalidRequest'
  | 'other';

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  method: string;
  url: string;
  requestId?: string;
  clientRequestId?: string;
  /** Graph's `innerError.date` or the response `Date` header. */
  date?: string;
  retryAfterMs?: number;
  /** How many times the request was sent before this error was final. */
  attempts?: number;
  /** Graph's `innerError` object as received. */
  innerError?: Record<string, unknown>;
  /** The body as received when it was not a Graph error object (or failed validation). */
  rawBody?: string;
  cause?: unknown;
}

export class GraphError extends Error {
  readonly kind: GraphErrorKind = 'other';
  readonly status: number;
  readonly code: string;
  readonly method: string;
  readonly url: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly innerError?: Record<string, unknown>;
  readonly rawBody?: string;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts;
    this.innerError = init.innerError;
    this.rawBody = init.rawBody;
  }

  /** One line with everything a log or support ticket needs. */
  describe(): string {
    const parts = [
      `${this.method} ${this.url}`,
      `status ${this.status}`,
      `code ${this.code}`,
      this.requestId && `request-id ${this.requestId}`,
      this.clientRequestId && `client-request-id ${this.clientRequestId}`,
      this.date && `date ${this.date}`,
      this.attempts !== undefined && `attempts ${this.attempts}`,
      this.retryAfterMs !== undefined && `retry-after ${this.retryAfterMs} ms`,
    ].filter(Boolean);
    return `${this.name}: ${this.message} (${parts.join('; ')})`;
  }
}

export class GraphBadRequestError extends GraphError {
  override readonly kind = 'badRequest' as const;
}

/** 401, or no token could be obtained at all. */
export class GraphAuthError extends GraphError {
  override readonly kind = 'unauthorized' as const;
}

/** 403: the token lacks a permission (named when Graph names it) or the user lacks access. */
export class GraphForbiddenError extends GraphError {
  override readonly kind = 'forbidden' as const;
  /** Permissions Graph said the API requires ("API requires one of '...'"), when it said so. */
  readonly requiredPermissions: readonly string[];
  /** The scopes this call asked the token provider for. */
  readonly requestedScopes: readonly string[];
  constructor(init: GraphErrorInit & { requiredPermissions: readonly string[]; requestedScopes: readonly string[] }) {
    super(init);
    this.requiredPermissions = init.requiredPermissions;
    this.requestedScopes = init.requestedScopes;
  }
}

export class GraphNotFoundError extends GraphError {
  override readonly kind = 'notFound' as const;
}

/** 409, e.g. a value that must be unique already exists. */
export class GraphConflictError extends GraphError {
  override readonly kind = 'conflict' as const;
}

/** 412: the resource changed since it was read. Re-read `resourceUrl`, merge, and try again. */
export class GraphPreconditionFailedError extends GraphError {
  override readonly kind = 'preconditionFailed' as const;
  /** Absolute URL to GET for the current version (the URL that was written, without query). */
  readonly resourceUrl: string;
  /** The If-Match value that was sent and turned out stale. */
  readonly sentETag?: string;
  constructor(init: GraphErrorInit & { resourceUrl: string; sentETag?: string }) {
    super(init);
    this.resourceUrl = init.resourceUrl;
    this.sentETag = init.sentETag;
  }
}

/** 410 on a delta query: the token is too old or unknown; start a new full round. */
export class GraphResyncRequiredError extends GraphError {
  override readonly kind = 'resyncRequired' as const;
  /** Graph's `Location` header: a fresh link to start the new round from, when given. */
  readonly location?: string;
  constructor(init: GraphErrorInit & { location?: string }) {
    super(init);
    this.location = init.location;
  }
}

export class GraphPayloadTooLargeError extends GraphError {
  override readonly kind = 'payloadTooLarge' as const;
}

/** 429 (after retries were exhausted or not allowed). `retryAfterMs` says when Graph wants us back. */
export class GraphThrottledError extends GraphError {
  override readonly kind = 'throttled' as const;
}

/** 503 / 504 after retries were exhausted. */
export class GraphServiceUnavailableError extends GraphError {
  override readonly kind = 'serviceUnavailable' as const;
}

/** Other 5xx. */
export class GraphServerError extends GraphError {
  override readonly kind = 'server' as const;
}

/** No HTTP answer: DNS, refused connection, dropped socket, CORS. `cause` holds the fetch error. */
export class GraphNetworkError extends GraphError {
  override readonly kind = 'network' as const;
}

/** Graph answered, but not in the documented shape: `issues` lists what did not match. */
export class GraphResponseValidationError extends GraphError {
  override readonly kind = 'invalidResponse' as const;
  readonly issues: readonly string[];
  constructor(init: GraphErrorInit & { issues: readonly string[] }) {
    super(init);
    this.issues = init.issues;
  }
}

/** The pipeline refused to send a request (bad batch plan, token for a foreign origin, oversized upload). */
export class GraphInvalidRequestError extends GraphError {
  override readonly kind = 'invalidRequest' as const;
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError;
}
