/**
 * The emulator: an HTTP server answering Microsoft Graph v1.0 under /v1.0 and the admin API
 * under /_admin, plus a second server on its own port, the emulated SharePoint file host, that
 * answers the modules' public routes (pre-authenticated download URLs). Graph's download URLs
 * live on `https://<tenant>.sharepoint.com`, another origin than Graph's; so do the emulator's.
 * `createEmulator()` starts both.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coreAdminRoutes } from './admin/coreAdmin';
import { loadOrCreateSecret } from './auth/secret';
import { createBatchHandler } from './batch/batch';
import { FaultInjector } from './faults/faults';
import { corsHeaders, corsPolicyFor, filesCorsHeaders, filesPreflightHeaders, preflightHeaders, sharePointRestCorsHeaders, sharePointRestPreflightHeaders } from './http/cors';
import { ADMIN_SECRET_HEADER, checkAdminSecret, checkHost, newAdminSecret, publishAdminSecret } from './http/localAccess';
import { signInRoutes } from './admin/signIn';
import { GraphError } from './http/graphError';
import { bodyReader } from './http/readBody';
import type { EmulatorResponse } from './http/response';
import { Router } from './http/router';
import type { EmulatorModule, GraphRoute, ModuleApi, PlainRoute, SharePointRoute } from './module';
import { runSharePointRequest, splitApiUrl } from './sharePointHost';
import { loadModules, seedSequence } from './modules';
import { DropConnection, errorResponse, GRAPH_JSON_CONTENT_TYPE, runGraphRequest, runPlainRequest, type Services } from './pipeline';
import { RequestStats } from './stats';
import { ResourceUnitBudget } from './ru';
import { Store } from './store/store';
import { TENANT } from './tenant';
import { randomUUID } from 'node:crypto';

export const DEFAULT_PORT = 4365;
export const DEFAULT_DATA_DIR = '.emulator-data';

export interface EmulatorOptions {
  /** 0 = a free port. Default 4365. */
  port?: number;
  /** Port of the SharePoint file host. Default: `port + 1` (4366), or a free port when `port` is 0. */
  filesPort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Directory for graph.sqlite and jwt-secret. Default `.emulator-data`; ":memory:" for none. */
  dataDir?: string;
  /** Wipe the data and seed the demo company again before listening. */
  reset?: boolean;
  /** Route modules. Default: every folder under src/routes (see modules.ts). */
  modules?: EmulatorModule[];
  /** Web origins allowed to use the sign-in routes `/_signin/*` (e.g. `http://localhost:5173`). Default none. */
  appOrigins?: string[];
  /** Secret for `/_admin` (header x-emulator-admin-secret). Default: EMULATOR_ADMIN_SECRET, else random per start. */
  adminSecret?: string;
  /** SharePoint resource units per app per minute (ru.ts). Default off; `PUT /_admin/ru-budget` changes it. */
  ruBudgetPerMinute?: number;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:4365 */
  url: string;
  port: number;
  /** The SharePoint file host, e.g. http://127.0.0.1:4366: where download URLs point. */
  filesUrl: string;
  filesPort: number;
  store: Store;
  services: Services;
  /** What `/_admin` requests must send in the x-emulator-admin-secret header (also in <dataDir>/admin-secret). */
  adminSecret: string;
  /** Wipes all data and seeds again (same as POST /_admin/reset). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function seedAll(store: Store, modules: readonly EmulatorModule[]): Promise<void> {
  store.wipe();
  const now = new Date();
  for (const m of seedSequence(modules)) {
    if (m.seed) await m.seed({ store, tenant: TENANT, now });
  }
  store.setMeta('seededAt', now.toISOString());
}

function buildServices(store: Store, secret: Buffer, modules: readonly EmulatorModule[]): Services {
  const services: Services = {
    store,
    secret,
    faults: new FaultInjector(),
    stats: new RequestStats(),
    ruBudget: new ResourceUnitBudget(),
    graphRouter: new Router<GraphRoute>(),
    publicRouter: new Router<PlainRoute>(),
    sharePointRouter: new Router<SharePointRoute>(),
    adminRouter: new Router<PlainRoute>(),
  };
  const api: ModuleApi = {
    graph: (route) => services.graphRouter.add(route.method, route.path, route),
    public: (route) => {
      if (/^\/(v1\.0|beta|_admin)(\/|$)/i.test(route.path)) throw new Error(`Public route ${route.path} must not live under /v1.0, /beta or /_admin.`);
      services.publicRouter.add(route.method, route.path, route);
    },
    sharepoint: (route) => services.sharePointRouter.add(route.method, route.path, route),
    admin: (route) => services.adminRouter.add(route.method, route.path, route),
  };
  api.graph({ method: 'POST', path: '/$batch', permission: null, handler: createBatchHandler(services) });
  for (const m of modules) m.register(api);
  return services;
}

/** CORS of the Graph host by path (http/cors.ts): Graph any origin, `/_signin` the app origins, `/_admin` none. */
function graphHostCors(appOrigins: readonly string[]) {
  return (req: IncomingMessage) => corsHeaders(req, corsPolicyFor(req.url ?? '/'), appOrigins);
}

function send(req: IncomingMessage, res: ServerResponse, response: EmulatorResponse, defaultJsonType: string, cors: (req: IncomingMessage) => Record<string, string>): void {
  const headers: Record<string, string> = { ...cors(req), ...(response.headers ?? {}) };
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  let body: Buffer | undefined;
  if (response.json !== undefined) {
    body = Buffer.from(JSON.stringify(response.json), 'utf8');
    if (!hasType) headers['Content-Type'] = defaultJsonType;
  } else if (response.raw !== undefined) {
    body = response.raw;
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const store = Store.open(dataDir);
  try {
    return await startOn(store, dataDir, options);
  } catch (error) {
    store.close();
    throw error;
  }
}

async function startOn(store: Store, dataDir: string, options: EmulatorOptions): Promise<Emulator> {
  const secret = loadOrCreateSecret(dataDir);
  const modules = options.modules ?? (await loadModules());
  const services = buildServices(store, secret, modules);
  const startBudget = options.ruBudgetPerMinute === undefined ? undefined : { perMinute: options.ruBudgetPerMinute };
  services.ruBudget.set(startBudget);

  const reset = async () => {
    await seedAll(store, modules);
    services.faults.clear();
    services.stats.reset();
    services.ruBudget.set(startBudget);
  };
  for (const route of coreAdminRoutes(services, reset)) services.adminRouter.add(route.method, route.path, route);
  const appOrigins = options.appOrigins ?? [];
  // The emulated sign-in lives on the Graph host beside /_admin (not on the file host, where public routes live).
  const signInRouter = new Router<PlainRoute>();
  for (const route of signInRoutes(services, appOrigins)) signInRouter.add(route.method, route.path, route);
  const cors = graphHostCors(appOrigins);
  const adminSecret = options.adminSecret ?? newAdminSecret();
  if (options.reset || store.getMeta('seededAt') === undefined) await seedAll(store, modules);

  /** DNS-rebinding guard for both hosts: a request for another host name is answered 403 and goes no further. */
  const refusedHost = (req: IncomingMessage, res: ServerResponse, cors: (req: IncomingMessage) => Record<string, string>): boolean => {
    const refused = checkHost(req.headers.host, options.host ?? '127.0.0.1');
    if (!refused) return false;
    const id = randomUUID();
    send(req, res, errorResponse(refused, id, id), 'application/json; charset=utf-8', cors);
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let closeAfter = false;
    const readBody = bodyReader(req, () => {
      closeAfter = true;
      res.setHeader('Connection', 'close');
    });
    const origin = `http://${req.headers.host ?? `${urlHost}:${port}`}`;
    const filesOrigin = withPort(origin, filesPort);
    const headers = lowerCaseHeaders(req);
    const url = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    if (refusedHost(req, res, cors)) return;
    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req, corsPolicyFor(url), appOrigins));
      res.end();
      return;
    }
    const versioned = /^\/(v1\.0|beta)(?=[/?]|$)/i.exec(url);
    if (versioned) {
      if (versioned[1]?.toLowerCase() === 'beta') {
        const id = randomUUID();
        send(req, res, errorResponse(new GraphError(400, 'BadRequest', 'Invalid version: beta. This emulator serves v1.0 only.'), id, headers['client-request-id'] ?? id), GRAPH_JSON_CONTENT_TYPE, cors);
        return;
      }
      const target = url.slice(versioned[0].length) || '/';
      try {
        const outcome = await runGraphRequest(services, { method, target, headers, origin, filesOrigin, inBatch: false, readBody });
        send(req, res, outcome.response, GRAPH_JSON_CONTENT_TYPE, cors);
      } catch (error) {
        if (error instanceof DropConnection) {
          req.socket.destroy();
          return;
        }
        throw error;
      }
      return;
    }
    const admin = /^\/_admin(?=[/?]|$)/i.exec(url);
    const signIn = /^\/_signin(?=[/?]|$)/i.test(url);
    const router = admin ? services.adminRouter : signIn ? signInRouter : undefined;
    const target = admin ? url.slice(admin[0].length) || '/' : url;
    const noSecret = admin && !/^\/health\/?(\?|$)/i.test(target) ? checkAdminSecret(headers[ADMIN_SECRET_HEADER], adminSecret) : null;
    const refusalId = randomUUID();
    const response = noSecret
      ? errorResponse(noSecret, refusalId, refusalId)
      : router
        ? await runPlainRequest(services, router, { method, target, headers, origin, filesOrigin, readBody })
        : undefined;
    if (response) {
      send(req, res, response, 'application/json; charset=utf-8', cors);
    } else {
      const id = randomUUID();
      const message = `No emulator endpoint at ${url.split('?')[0]}. Graph lives under /v1.0, the admin API under /_admin, downloads on the SharePoint file host ${filesOrigin}.`;
      send(req, res, errorResponse(new GraphError(404, 'NotFound', message), id, id), 'application/json; charset=utf-8', cors);
    }
    if (closeAfter) req.socket.end();
  };

  /** The SharePoint file host: public routes only, CORS as for pre-authenticated URLs (http/cors.ts). */
  const handleFiles = async (req: IncomingMessage, res: ServerResponse) => {
    const readBody = bodyReader(req, () => res.setHeader('Connection', 'close'));
    const origin = `http://${req.headers.host ?? `${urlHost}:${filesPort}`}`;
    const headers = lowerCaseHeaders(req);
    const url = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    if (refusedHost(req, res, () => ({}))) return;
    const api = splitApiUrl(url);
    if (api) {
      if (method === 'OPTIONS') {
        res.writeHead(200, sharePointRestPreflightHeaders(req));
        res.end();
        return;
      }
      const response = await runSharePointRequest(services, services.sharePointRouter, { method, target: api.apiTarget, headers, origin, filesOrigin: origin, readBody }, api.sitePath);
      send(req, res, response, 'application/json;odata=minimalmetadata;charset=utf-8', sharePointRestCorsHeaders);
      return;
    }
    if (method === 'OPTIONS') {
      // Download URLs get no preflight allowance; upload-session URLs accept PUT with Content-Range.
      res.writeHead(204, filesPreflightHeaders(req, /^\/_upload\//i.test(url)) ?? {});
      res.end();
      return;
    }
    const response = await runPlainRequest(services, services.publicRouter, { method, target: url, headers, origin, filesOrigin: origin, readBody }, true);
    const id = randomUUID();
    send(req, res, response ?? errorResponse(new GraphError(404, 'NotFound', `No file at ${url.split('?')[0]}.`), id, id), 'application/json; charset=utf-8', filesCorsHeaders);
  };

  const fail = (res: ServerResponse) => (error: unknown) => {
    console.error('[emulator] request failed:', error);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'generalException', message: String(error) } }));
    } else {
      res.destroy();
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(fail(res));
  });
  const filesServer = createServer((req, res) => {
    handleFiles(req, res).catch(fail(res));
  });
  server.keepAliveTimeout = 5_000;
  filesServer.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const requestedPort = options.port ?? DEFAULT_PORT;
  // The file host first: Graph requests name it in download URLs.
  const filesPort = await listen(filesServer, options.filesPort ?? (requestedPort === 0 ? 0 : requestedPort + 1), host);
  let port: number;
  try {
    port = await listen(server, requestedPort, host);
  } catch (error) {
    await new Promise<void>((resolve) => filesServer.close(() => resolve()));
    throw error;
  }
  const unpublishSecret = publishAdminSecret(dataDir, adminSecret);
  const closeServer = (s: Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });

  return {
    url: `http://${urlHost}:${port}`,
    port,
    filesUrl: `http://${urlHost}:${filesPort}`,
    filesPort,
    store,
    services,
    adminSecret,
    reset,
    close: async () => {
      unpublishSecret();
      await Promise.all([closeServer(server), closeServer(filesServer)]);
      store.close();
    },
  };
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** `http://localhost:4365` + 4366 → `http://localhost:4366` (same host name the client used). */
function withPort(origin: string, port: number): string {
  const url = new URL(origin);
  url.port = String(port);
  return url.origin;
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));
}
