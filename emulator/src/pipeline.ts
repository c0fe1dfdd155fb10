/**
 * One Graph request, from path to response: route lookup, stats, faults, auth, scopes, body,
 * handler, error mapping. Used for direct HTTP requests and for the inner requests of $batch.
 */
import { randomUUID } from 'node:crypto';
import { authenticate } from './auth/authenticate';
import { isAllowed, DIRECTORY_DENIED } from './auth/permissions';
import type { BaseContext, GraphContext } from './http/context';
import { errors, GraphError, graphErrorBody, toGraphError } from './http/graphError';
import type { EmulatorResponse } from './http/response';
import { decodePath, isHttpMethod, type HttpMethod, type Router } from './http/router';
import { FAULT_ERRORS, type FaultInjector } from './faults/faults';
import type { BodyKind, GraphRoute, PlainRoute, RouteOptions, SharePointRoute } from './module';
import type { RequestStats } from './stats';
import { fileHostCost, graphRequestCost, type ResourceUnitBudget } from './ru';
import { StoreNotFoundError, StoreVersionMismatchError, type Store } from './store/store';
import { TENANT } from './tenant';

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface Services {
  store: Store;
  secret: Buffer;
  faults: FaultInjector;
  stats: RequestStats;
  /** SharePoint resource units per app per tenant per minute (ru.ts); off unless set. */
  ruBudget: ResourceUnitBudget;
  graphRouter: Router<GraphRoute>;
  publicRouter: Router<PlainRoute>;
  /** SharePoint REST routes on the file host, after `<site>/_api` (sharePointHost.ts). */
  sharePointRouter: Router<SharePointRoute>;
  adminRouter: Router<PlainRoute>;
}

/** Thrown to make the server destroy the client's socket (fault rateDrop). */
export class DropConnection extends Error {
  constructor() {
    super('Connection dropped by a fault rule.');
    this.name = 'DropConnection';
  }
}

/** Thrown by readBody when the body exceeds the route's limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Body exceeds ${limit} bytes.`);
  }
}

export interface IncomingGraphRequest {
  method: string;
  /** Path and query after `/v1.0`, e.g. `/users?$top=5`. */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  origin: string;
  /** Origin of the SharePoint file host as this client reaches it (see BaseContext.filesOrigin). */
  filesOrigin: string;
  inBatch: boolean;
  /** Reads the body; rejects with BodyTooLarge beyond `limit` bytes. */
  readBody(limit: number): Promise<Buffer>;
}

export interface PipelineOutcome {
  response: EmulatorResponse;
  requestId: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const GRAPH_JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function errorResponse(error: GraphError, requestId: string, clientRequestId: string): EmulatorResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    json: graphErrorBody(error.code, error.message, requestId, clientRequestId, error.innerCode),
  };
}

/** Maps anything a handler throws to a Graph error (unknown errors: 500, logged). */
export function mapError(error: unknown): GraphError {
  const graph = toGraphError(error);
  if (graph) return graph;
  if (error instanceof StoreNotFoundError) return errors.itemNotFound();
  if (error instanceof StoreVersionMismatchError) return errors.preconditionFailed();
  if (error instanceof BodyTooLarge) return errors.payloadTooLarge(error.limit);
  console.error('[emulator] unexpected error:', error);
  const detail = error instanceof Error ? error.message : String(error);
  return new GraphError(500, 'generalException', `An unexpected error occurred on the emulator: ${detail}`);
}

export function bodyKind(method: string, options: RouteOptions): BodyKind {
  if (options.body) return options.body;
  return method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'json' : 'none';
}

/** Reads and parses the body for a route. JSON bodies that don't parse → 400. */
export async function readRouteBody(
  method: string,
  options: RouteOptions,
  readBody: (limit: number) => Promise<Buffer>,
): Promise<{ body: unknown; rawBody: Buffer }> {
  const kind = bodyKind(method, options);
  if (kind === 'none') return { body: undefined, rawBody: Buffer.alloc(0) };
  const rawBody = await readBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (kind === 'binary' || rawBody.length === 0) return { body: undefined, rawBody };
  try {
    return { body: JSON.parse(rawBody.toString('utf8')) as unknown, rawBody };
  } catch {
    throw errors.invalidJson();
  }
}

export function splitTarget(target: string): { path: string; query: URLSearchParams; rawPath: string } {
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
  return { rawPath, path: decodePath(rawPath), query };
}

/** Where a request is going once its route is found (the method as requested: HEAD, or a tunnelled MERGE). */
export interface RouteTarget {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  requestId: string;
  clientRequestId: string;
}

/**
 * What every handler gets, Graph, plain and SharePoint REST routes alike: the request and its body
 * (read and parsed for the route), the store, the tenant, one `now`. Graph and SharePoint add the user.
 */
export async function handlerContext(
  services: Services,
  req: Omit<IncomingGraphRequest, 'inBatch'>,
  route: RouteOptions & { method: HttpMethod },
  target: RouteTarget,
): Promise<BaseContext> {
  const { body, rawBody } = await readRouteBody(target.method, route, req.readBody);
  return {
    requestId: target.requestId,
    clientRequestId: target.clientRequestId,
    method: route.method,
    path: target.path,
    params: target.params,
    query: target.query,
    headers: req.headers,
    body,
    rawBody,
    origin: req.origin,
    filesOrigin: req.filesOrigin,
    store: services.store,
    tenant: TENANT,
    now: new Date(),
  };
}

export async function runGraphRequest(services: Services, req: IncomingGraphRequest): Promise<PipelineOutcome> {
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'] ?? requestId;
  const withIds = (response: EmulatorResponse): PipelineOutcome => ({
    requestId,
    response: {
      ...response,
      headers: {
        'Cache-Control': 'no-cache',
        ...(response.json !== undefined ? { 'OData-Version': '4.0' } : {}),
        ...response.headers,
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  });
  const fail = (error: GraphError) => withIds(errorResponse(error, requestId, clientRequestId));
  let rateLimitHeaders: Record<string, string> = {};

  const method = req.method.toUpperCase();
  const { path, query, rawPath } = splitTarget(req.target);
  const lookup = isHttpMethod(method) ? services.graphRouter.lookup(method, path) : ({ kind: 'methodNotAllowed', allowed: [] } as const);
  services.stats.count(lookup.kind === 'found' ? `${method} ${lookup.match.pattern}` : `${method} (no route)`);

  const decision = services.faults.decide(method, req.target);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.outcome.kind === 'drop') throw new DropConnection();
  if (decision.outcome.kind === 'error') {
    const { status, retryAfterSeconds } = decision.outcome;
    const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
    return fail(new GraphError(status, FAULT_ERRORS[status].code, FAULT_ERRORS[status].message, headers));
  }

  try {
    if (lookup.kind === 'methodNotAllowed') throw errors.methodNotAllowed();
    if (lookup.kind === 'notFound') {
      const segments = rawPath.split('/').filter((s) => s.length > 0);
      throw errors.segmentNotFound(decodePath(segments[segments.length - 1] ?? ''));
    }
    const { route, params } = lookup.match;
    const user = authenticate(req.headers.authorization, services.secret);
    const units = graphRequestCost(method, lookup.match.pattern, query);
    services.stats.chargeRu(`${method} ${lookup.match.pattern}`, units);
    const charge = services.ruBudget.charge(`${user.appId}@${user.tenantId}`, units, Date.now());
    if (charge.throttled) throw errors.ruThrottled(charge.headers);
    rateLimitHeaders = charge.headers;
    if (route.permission && !isAllowed(route.permission, user.scopes)) {
      const denied = route.permission.denied ?? DIRECTORY_DENIED;
      throw new GraphError(403, denied.code, denied.message);
    }
    const base = await handlerContext(services, req, route, { method, path, params, query, requestId, clientRequestId });
    const baseUrl = `${req.origin}/v1.0`;
    const ctx: GraphContext = {
      ...base,
      user,
      baseUrl,
      odataContext: (fragment) => `${baseUrl}/$metadata#${fragment}`,
      inBatch: req.inBatch,
    };
    const response = await route.handler(ctx);
    return withIds({ ...response, headers: { ...rateLimitHeaders, ...response.headers } });
  } catch (error) {
    if (error instanceof DropConnection) throw error;
    return fail(mapError(error));
  }
}

/**
 * Admin and public routes: no auth, no faults, no request counts. Errors keep Graph's error shape.
 * Requests on the SharePoint file host (`fileHost`) cost resource units (stats only: its pre-authenticated
 * URLs carry no token, so no app budget).
 */
export async function runPlainRequest(
  services: Services,
  router: Router<PlainRoute>,
  req: Omit<IncomingGraphRequest, 'inBatch'>,
  fileHost = false,
): Promise<EmulatorResponse | undefined> {
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'] ?? requestId;
  const method = req.method.toUpperCase();
  const { path, query } = splitTarget(req.target);
  const lookup = isHttpMethod(method) ? router.lookup(method, path) : ({ kind: 'methodNotAllowed', allowed: [] } as const);
  if (lookup.kind === 'notFound') return undefined;
  try {
    if (lookup.kind === 'methodNotAllowed') throw errors.methodNotAllowed();
    const { route, params } = lookup.match;
    if (fileHost) services.stats.chargeRu(`${method} ${lookup.match.pattern}`, fileHostCost(method));
    const ctx = await handlerContext(services, req, route, { method, path, params, query, requestId, clientRequestId });
    return await route.handler(ctx);
  } catch (error) {
    return errorResponse(mapError(error), requestId, clientRequestId);
  }
}
