/**
 * The emulator: an HTTP server answering Microsoft Graph v1.0 under /v1.0, the admin API
 * under /_admin and module-defined public routes. `createEmulator()` starts it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coreAdminRoutes } from './admin/coreAdmin';
import { loadOrCreateSecret } from './auth/secret';
import { createBatchHandler } from './batch/batch';
import { FaultInjector } from './faults/faults';
import { corsHeaders, corsPolicyFor, preflightHeaders } from './http/cors';
import { ADMIN_SECRET_HEADER, checkAdminSecret, checkHost, newAdminSecret, publishAdminSecret } from './http/localAccess';
import { signInRoutes } from './admin/signIn';
import { GraphError } from './http/graphError';
import { bodyReader } from './http/readBody';
import type { EmulatorResponse } from './http/response';
import { Router } from './http/router';
import type { EmulatorModule, GraphRoute, ModuleApi, PlainRoute } from './module';
import { loadModules, seedSequence } from './modules';
import { DropConnection, errorResponse, GRAPH_JSON_CONTENT_TYPE, runGraphRequest, runPlainRequest, type Services } from './pipeline';
import { RequestStats } from './stats';
import { Store } from './store/store';
import { TENANT } from './tenant';
import { randomUUID } from 'node:crypto';

export const DEFAULT_PORT = 4365;
export const DEFAULT_DATA_DIR = '.emulator-data';

export interface EmulatorOptions {
  /** 0 = a free port. Default 4365. */
  port?: number;
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
}

export interface Emulator {
  /** e.g. http://127.0.0.1:4365 */
  url: string;
  port: number;
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
    graphRouter: new Router<GraphRoute>(),
    publicRouter: new Router<PlainRoute>(),
    adminRouter: new Router<PlainRoute>(),
  };
  const api: ModuleApi = {
    graph: (route) => services.graphRouter.add(route.method, route.path, route),
    public: (route) => {
      if (/^\/(v1\.0|beta|_admin)(\/|$)/i.test(route.path)) throw new Error(`Public route ${route.path} must not live under /v1.0, /beta or /_admin.`);
      services.publicRouter.add(route.method, route.path, route);
    },
    admin: (route) => services.adminRouter.add(route.method, route.path, route),
  };
  api.graph({ method: 'POST', path: '/$batch', permission: null, handler: createBatchHandler(services) });
  for (const m of modules) m.register(api);
  return services;
}

function send(req: IncomingMessage, res: ServerResponse, response: EmulatorResponse, defaultJsonType: string, appOrigins: readonly string[] = []): void {
  const headers: Record<string, string> = { ...corsHeaders(req, corsPolicyFor(req.url ?? '/'), appOrigins), ...(response.headers ?? {}) };
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

  const reset = async () => {
    await seedAll(store, modules);
    services.faults.clear();
    services.stats.reset();
  };
  for (const route of coreAdminRoutes(services, reset)) services.adminRouter.add(route.method, route.path, route);
  const appOrigins = options.appOrigins ?? [];
  for (const route of signInRoutes(services, appOrigins)) services.publicRouter.add(route.method, route.path, route);
  const adminSecret = options.adminSecret ?? newAdminSecret();
  if (options.reset || store.getMeta('seededAt') === undefined) await seedAll(store, modules);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let closeAfter = false;
    const readBody = bodyReader(req, () => {
      closeAfter = true;
      res.setHeader('Connection', 'close');
    });
    const origin = `http://${req.headers.host ?? `${options.host ?? '127.0.0.1'}:${port}`}`;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const url = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const refused = checkHost(req.headers.host, options.host ?? '127.0.0.1');
    if (refused) {
      const id = randomUUID();
      send(req, res, errorResponse(refused, id, id), 'application/json; charset=utf-8');
      return;
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req, corsPolicyFor(url), appOrigins));
      res.end();
      return;
    }
    const versioned = /^\/(v1\.0|beta)(?=[/?]|$)/i.exec(url);
    if (versioned) {
      if (versioned[1]?.toLowerCase() === 'beta') {
        const id = randomUUID();
        send(req, res, errorResponse(new GraphError(400, 'BadRequest', 'Invalid version: beta. This emulator serves v1.0 only.'), id, headers['client-request-id'] ?? id), GRAPH_JSON_CONTENT_TYPE);
        return;
      }
      const target = url.slice(versioned[0].length) || '/';
      try {
        const outcome = await runGraphRequest(services, { method, target, headers, origin, inBatch: false, readBody });
        send(req, res, outcome.response, GRAPH_JSON_CONTENT_TYPE);
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
    const router = admin ? services.adminRouter : services.publicRouter;
    const target = admin ? url.slice(admin[0].length) || '/' : url;
    const noSecret = admin && !/^\/health\/?(\?|$)/i.test(target) ? checkAdminSecret(headers[ADMIN_SECRET_HEADER], adminSecret) : null;
    const refusalId = randomUUID();
    const response = noSecret ? errorResponse(noSecret, refusalId, refusalId) : await runPlainRequest(services, router, { method, target, headers, origin, readBody });
    if (response) {
      send(req, res, response, 'application/json; charset=utf-8', appOrigins);
    } else {
      const id = randomUUID();
      send(req, res, errorResponse(new GraphError(404, 'NotFound', `No emulator endpoint at ${url.split('?')[0]}. Graph lives under /v1.0, the admin API under /_admin.`), id, id), 'application/json; charset=utf-8');
    }
    if (closeAfter) req.socket.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[emulator] request failed:', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'generalException', message: String(error) } }));
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const unpublishSecret = publishAdminSecret(dataDir, adminSecret);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    services,
    adminSecret,
    reset,
    close: async () => {
      unpublishSecret();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
