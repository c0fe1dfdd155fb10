/** The bench's emulator, stores and the naive SDK client. */
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { createEmulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { createEvidenceStore, type GraphEvidenceStore } from '../src/features/evidence/createEvidenceStore';
import type { EvidenceCache } from '../src/features/evidence/evidenceCache';
import { createGraphGateways, type GraphGateways } from '../src/graph';
import type { RunningEmulator } from '../test/support/emulator';
import { countingFetch, type CountingFetch } from './counting';
import { JONAS } from './fixtures';

export const SITE_URL = 'https://mustergmbh.sharepoint.com/sites/ISMS';
export const USER = 'jonas.weber@mustergmbh.onmicrosoft.com';

export interface BenchStore {
  store: GraphEvidenceStore;
  requests: CountingFetch;
}

export function gatewaysFor(emulator: RunningEmulator, fetch?: CountingFetch['fetch']): GraphGateways {
  return createGraphGateways({
    baseUrl: emulator.graphUrl,
    tokenProvider: createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: USER }),
    ...(fetch ? { fetch } : {}),
  });
}

export function benchStore(emulator: RunningEmulator, cache?: EvidenceCache): BenchStore {
  const requests = countingFetch();
  const graph = gatewaysFor(emulator, requests.fetch);
  return { store: createEvidenceStore({ graph, site: SITE_URL, capturedBy: JONAS, ...(cache ? { cache } : {}) }), requests };
}

/** The naive way: the Microsoft Graph JavaScript SDK, one `post` per item. */
export function naiveClient(emulator: RunningEmulator): Client {
  const tokens = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: USER });
  // The SDK's AuthenticationHandler sends tokens only to https Graph hosts; the emulator is plain
  // http on localhost, so a one-line middleware adds the header and the SDK's HTTPMessageHandler sends.
  const auth: Middleware = {
    async execute(context: Context) {
      const token = await tokens.getToken(['Sites.ReadWrite.All']);
      const options = (context.options ??= {});
      options.headers = { ...(options.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
      await next.execute(context);
    },
  };
  const next = new HTTPMessageHandler();
  return Client.initWithMiddleware({ baseUrl: emulator.url, defaultVersion: 'v1.0', middleware: auth });
}
