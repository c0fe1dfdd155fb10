/**
 * Graph-shaped errors. Throw a GraphError from any handler; the pipeline turns it into
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Graph's `innerError.code`, where a service names the reason (e.g. GraphAccessToTranscriptsDisabled). */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Anything shaped like an HTTP error (for example the OData engine's error class). */
export interface HttpErrorLike {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

export function isHttpErrorLike(value: unknown): value is HttpErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const status = v.status ?? v.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 && typeof v.code === 'string' && typeof v.message === 'string';
}

export function toGraphError(value: unknown): GraphError | undefined {
  if (value instanceof GraphError) return value;
  if (!isHttpErrorLike(value)) return undefined;
  const v = value as unknown as Record<string, unknown>;
  const status = (v.status ?? v.statusCode) as number;
  return new GraphError(status, value.code, value.message, value.headers ?? {});
}

/** Graph writes the date without milliseconds or zone, e.g. "2024-03-01T10:11:12". */
export function graphErrorDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string, innerCode?: string): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: { ...(innerCode ? { code: innerCode } : {}), date: graphErrorDate(), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}

/** Common errors, worded as Graph words them. */
export const errors = {
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  invalidRequest: (message: string) => new GraphError(400, 'invalidRequest', message),
  /** Directory objects (users, groups, organization). */
  directoryNotFound: (id: string) =>
    new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  /** SharePoint, OneDrive and most other workloads. */
  itemNotFound: (message = 'The resource could not be found.') => new GraphError(404, 'itemNotFound', message),
  segmentNotFound: (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: () => new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  payloadTooLarge: (limitBytes: number) =>
    new GraphError(413, 'requestEntityTooLarge', `The request body exceeds the maximum size of ${limitBytes} bytes.`),
  invalidJson: () =>
    new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  preconditionFailed: (message = 'The resource has changed since the caller last read it; usually an eTag mismatch') =>
    new GraphError(412, 'preconditionFailed', message),
  conflict: (code: string, message: string) => new GraphError(409, code, message),
  /** SharePoint's app resource-unit budget is used up (ru.ts); headers carry Retry-After. */
  ruThrottled: (headers: Record<string, string>) =>
    new GraphError(429, 'activityLimitReached', 'The request has been throttled: the application used up its SharePoint resource units for this minute.', headers),
} as const;
