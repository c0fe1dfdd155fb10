/** Helpers for the shell's jsdom tests (not part of the app bundle: only *.test.tsx import it). */
import type { AppConfig } from '../config';
import type { HostInfo } from '../host';
import { createGraphGateways, type GraphGateways } from '../graph';
import type { Organization, Person } from '../graph/models';
import type { DemoUser } from './session/demoUsers';

export const emulatorConfig: AppConfig = {
  auth: 'emulator',
  emulatorUrl: 'http://emulator.test',
  graphBaseUrl: 'http://emulator.test/v1.0',
};

export function standaloneHost(overrides: Partial<HostInfo> = {}): HostInfo {
  return { kind: 'standalone', locale: 'de-DE', theme: 'light', onThemeChange: () => () => undefined, ...overrides };
}

export const demoUsers: DemoUser[] = [
  { id: 'u1', displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@mustergmbh.onmicrosoft.com', jobTitle: 'Geschäftsführerin' },
  { id: 'u2', displayName: 'Jonas Weber', userPrincipalName: 'jonas.weber@mustergmbh.onmicrosoft.com', jobTitle: 'Informationssicherheitsbeauftragter' },
];

export const katrin: Person = {
  id: 'u1',
  displayName: 'Katrin Berger',
  userPrincipalName: 'katrin.berger@mustergmbh.onmicrosoft.com',
  jobTitle: 'Geschäftsführerin',
};

export const musterGmbh: Organization = { id: 'org1', displayName: 'Muster GmbH' };

/** A fetch that answers the emulator's `GET /_signin/users` and nothing else. */
export function demoUsersFetch(users: DemoUser[] = demoUsers): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'http://emulator.test/_signin/users') {
      return { ok: true, status: 200, text: async () => JSON.stringify(users) } as Response;
    }
    throw new Error(`unexpected request ${url}`);
  }) as typeof fetch;
}

/** Gateways for tests that render no Graph-backed feature: any call fails loudly. */
export function offlineGraph(): GraphGateways {
  return createGraphGateways({
    baseUrl: 'https://graph.invalid/v1.0',
    tokenProvider: { getToken: async () => 'test-token' },
    fetch: () => Promise.reject(new Error('This test renders no Graph-backed feature.')),
  });
}
