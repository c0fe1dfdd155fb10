/**
 * What a handler returns. Handlers never write to the socket themselves, so the same handler
 * serves a direct HTTP request and an inner request of `$batch`.
 */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (serialised with `application/json; odata.metadata=minimal`...). */
  json?: unknown;
  /** Raw body (downloads). Set a Content-Type header with it. */
  raw?: Buffer;
}

export function ok(json: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 200, json, headers };
}

export function created(json: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 201, json, headers };
}

export function noContent(headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 204, headers };
}

export function redirect(location: string): EmulatorResponse {
  return { status: 302, headers: { Location: location } };
}

export function raw(bytes: Buffer, contentType: string, headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 200, raw: bytes, headers: { 'Content-Type': contentType, ...headers } };
}

/** Header lookup that ignores case, for EmulatorResponse headers. */
export function responseHeader(res: EmulatorResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(res.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
