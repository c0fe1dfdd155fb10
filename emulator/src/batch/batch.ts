/**
 * JSON batching (POST /v1.0/$batch), as Graph documents it: up to 20 requests, unique ids
 * (case-insensitive), `dependsOn` runs a request after the ones it names; when one of those
 * did not succeed, it is answered 424 Failed Dependency. Inner requests run through the same
 * pipeline (outer token, scopes, faults, stats). Responses come back in request order.
 */
import { z } from 'zod';
import { errors, GraphError, graphErrorBody } from '../http/graphError';
import type { GraphContext } from '../http/context';
import { ok, responseHeader, type EmulatorResponse } from '../http/response';
import { GRAPH_JSON_CONTENT_TYPE, runGraphRequest, type Services } from '../pipeline';

export const MAX_BATCH_REQUESTS = 20;

const innerRequestSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
type InnerRequest = z.infer<typeof innerRequestSchema>;

const batchSchema = z.object({ requests: z.array(z.unknown()) });

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Turns an inner URL ("/me", "me", "https://graph.microsoft.com/v1.0/me") into a target after /v1.0. */
export function innerTarget(url: string): string {
  let target = url.trim();
  const absolute = /^https?:\/\/[^/]+(\/.*)?$/i.exec(target);
  if (absolute) target = absolute[1] ?? '/';
  target = target.replace(/^\/?(v1\.0|beta)(?=\/|$)/i, '');
  if (!target.startsWith('/')) target = `/${target}`;
  return target;
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function innerBodyBytes(request: InnerRequest, headers: Record<string, string>): Buffer {
  if (request.body === undefined) return Buffer.alloc(0);
  const contentType = headers['content-type'] ?? '';
  // Graph: non-JSON bodies travel base64-encoded inside the batch.
  if (typeof request.body === 'string' && contentType !== '' && !/json/i.test(contentType)) return Buffer.from(request.body, 'base64');
  return Buffer.from(JSON.stringify(request.body), 'utf8');
}

/** A request body that travelled base64-encoded (a non-JSON Content-Type, e.g. a file upload). */
function hasBase64Body(request: InnerRequest, headers: Record<string, string>): boolean {
  const contentType = headers['content-type'] ?? '';
  return typeof request.body === 'string' && contentType !== '' && !/json/i.test(contentType);
}

/**
 * Graph: the answer to a request whose body was base64 comes back base64-encoded too, even a JSON
 * one (the driveItem of an upload; Microsoft Q&A 1352007 "by design").
 */
function toItem(id: string, response: EmulatorResponse, base64Answer = false): BatchResponseItem {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (response.json !== undefined) {
    if (!responseHeader(response, 'content-type')) headers['Content-Type'] = GRAPH_JSON_CONTENT_TYPE;
    if (base64Answer) return { id, status: response.status, headers, body: Buffer.from(JSON.stringify(response.json), 'utf8').toString('base64') };
    return { id, status: response.status, headers, body: response.json };
  }
  if (response.raw !== undefined) return { id, status: response.status, headers, body: response.raw.toString('base64') };
  return { id, status: response.status, headers };
}

function validate(ctx: GraphContext): InnerRequest[] {
  const envelope = batchSchema.safeParse(ctx.body);
  if (!envelope.success) throw errors.badRequest('Invalid batch payload format.');
  const { requests } = envelope.data;
  if (requests.length === 0) throw errors.badRequest('Invalid batch payload format: the requests collection is empty.');
  if (requests.length > MAX_BATCH_REQUESTS) throw errors.badRequest(`Number of requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  const parsed: InnerRequest[] = [];
  for (const [index, raw] of requests.entries()) {
    const r = innerRequestSchema.safeParse(raw);
    if (!r.success) {
      const problem = r.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      throw errors.badRequest(`Invalid batch payload format: request #${index + 1} ${problem}.`);
    }
    parsed.push(r.data);
  }
  const ids = new Set<string>();
  for (const r of parsed) {
    const key = r.id.toLowerCase();
    if (ids.has(key)) throw errors.badRequest(`Request ids must be unique. The id '${r.id}' occurs more than once.`);
    ids.add(key);
  }
  for (const r of parsed) {
    for (const dep of r.dependsOn ?? []) {
      if (!ids.has(dep.toLowerCase())) throw errors.badRequest(`Request '${r.id}' depends on '${dep}', which is not part of the batch.`);
      if (dep.toLowerCase() === r.id.toLowerCase()) throw errors.badRequest(`Request '${r.id}' depends on itself.`);
    }
  }
  return parsed;
}

/** Execution order honouring dependsOn; a cycle is a bad request. */
function executionOrder(requests: InnerRequest[]): InnerRequest[] {
  const byId = new Map(requests.map((r) => [r.id.toLowerCase(), r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: InnerRequest[] = [];
  const visit = (r: InnerRequest) => {
    const key = r.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw errors.badRequest(`The dependsOn chain of request '${r.id}' is circular.`);
    visiting.add(key);
    for (const dep of r.dependsOn ?? []) visit(byId.get(dep.toLowerCase()) as InnerRequest);
    visiting.delete(key);
    done.add(key);
    order.push(r);
  };
  requests.forEach(visit);
  return order;
}

export function createBatchHandler(services: Services) {
  return async (ctx: GraphContext): Promise<EmulatorResponse> => {
    if (ctx.inBatch) throw errors.badRequest('A batch request cannot contain another batch request.');
    const requests = validate(ctx);
    const results = new Map<string, BatchResponseItem>();
    for (const r of executionOrder(requests)) {
      const failedDep = (r.dependsOn ?? []).find((dep) => {
        const status = results.get(dep.toLowerCase())?.status ?? 0;
        return status < 200 || status >= 300;
      });
      if (failedDep !== undefined) {
        const body = graphErrorBody('FailedDependency', `Request '${r.id}' depends on request '${failedDep}', which failed.`, ctx.requestId, ctx.clientRequestId);
        results.set(r.id.toLowerCase(), { id: r.id, status: 424, headers: { 'Content-Type': 'application/json' }, body });
        continue;
      }
      const innerHeaders = lowerCaseHeaders(r.headers ?? {});
      if (r.body !== undefined && !innerHeaders['content-type']) {
        const error = new GraphError(400, 'BadRequest', 'Content-Type header must be specified when the request has a body.');
        const body = graphErrorBody(error.code, error.message, ctx.requestId, ctx.clientRequestId);
        results.set(r.id.toLowerCase(), { id: r.id, status: 400, headers: { 'Content-Type': 'application/json' }, body });
        continue;
      }
      const headers: Record<string, string> = { ...innerHeaders };
      if (ctx.headers.authorization) headers.authorization = ctx.headers.authorization;
      headers['client-request-id'] ??= ctx.clientRequestId;
      const bytes = innerBodyBytes(r, innerHeaders);
      const outcome = await runGraphRequest(services, {
        method: r.method,
        target: innerTarget(r.url),
        headers,
        origin: ctx.origin,
        filesOrigin: ctx.filesOrigin,
        inBatch: true,
        readBody: async (limit) => {
          if (bytes.length > limit) throw errors.payloadTooLarge(limit);
          return bytes;
        },
      });
      results.set(r.id.toLowerCase(), toItem(r.id, outcome.response, hasBase64Body(r, innerHeaders)));
    }
    return ok({ responses: requests.map((r) => results.get(r.id.toLowerCase()) as BatchResponseItem) });
  };
}
