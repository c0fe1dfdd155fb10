/** Request and response shapes that travel through the pipeline's behaviours. */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

/** A JSON body, or raw bytes with their content type (file uploads). */
export type GraphRequestBody = { json: unknown } | { bytes: Uint8Array; contentType: string };

/** What a gateway asks the pipeline to send. */
export interface GraphRequest {
  method: HttpMethod;
  /**
   * A path relative to the pipeline's base URL (`/me`, `/sites/{id}/lists`) or an absolute URL that Graph
   * itself handed out (`@odata.nextLink`, `@odata.deltaLink`). Absolute URLs must share the base URL's
   * origin: the pipeline never sends a token anywhere else.
   */
  url: string;
  /** OData and other query options; `undefined` values are left out. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: GraphRequestBody;
  /** Delegated scopes this call needs (least privilege); the token is requested with exactly these. */
  scopes: readonly string[];
  /**
   * The caller vouches that sending this request twice cannot duplicate its effect (e.g. the created
   * item carries a unique, indexed key, so a repeat fails with 409 instead of creating a second item).
   * With a key, network failures are retried even for POST/PATCH. The key is only used for that decision
   * and in error messages; Graph has no idempotency header.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * For an answer of which only the start is needed (the header block of a MIME message): the
   * transport stops downloading a 2xx body as soon as `readUntil(bytesSoFar)` is true and returns
   * the bytes read so far (the rest is never downloaded).
   */
  readUntil?: (received: Uint8Array) => boolean;
  /**
   * The URL is pre-authenticated by Graph (`@microsoft.graph.downloadUrl`, an upload session's `uploadUrl`: on another host such
   * as the tenant's SharePoint): it is sent as is, WITHOUT an Authorization header or token request, and
   * the origin check does not apply because no token travels. Microsoft Learn, "driveItem:
   * createUploadSession": "Don't include it [the Authorization header] when you issue the PUT call."
   */
  preAuthenticated?: boolean;
}

/** A request after URL resolution, as the behaviours see it. Headers are a fresh copy per attempt. */
export interface PreparedRequest {
  method: HttpMethod;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
  scopes: readonly string[];
  idempotencyKey?: string;
  signal?: AbortSignal;
  readUntil?: (received: Uint8Array) => boolean;
  /** The `client-request-id` of this logical request (the same on every retry, for correlation). */
  clientRequestId: string;
  /** See GraphRequest.preAuthenticated: no token is attached. */
  preAuthenticated?: boolean;
}

/** A response with its body read completely (or up to `readUntil`; Graph answers are small; downloads are capped by callers). */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The final URL (after redirects). */
  url: string;
}

/** One step of the pipeline: gets a request, answers a response (or throws a GraphError). */
export type Handler = (request: PreparedRequest) => Promise<RawResponse>;

/** A behaviour wraps the next handler, like pnpjs' behaviours or Graph SDK middleware. */
export type Behavior = (next: Handler) => Handler;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const textDecoder = new TextDecoder();

export function responseText(response: RawResponse): string {
  return textDecoder.decode(response.body);
}

export function isIdempotentMethod(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}
