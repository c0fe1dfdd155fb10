/**
 * Integration harness for the Graph gateways: a fresh emulator process, the real emulator token
 * provider, and the real pipeline over Node's fetch. Waits are recorded instead of slept (the
 * emulator does not hold a Retry-After against us), so fault tests assert the exact wait quickly.
 */
import { createEmulatorTokenProvider, type EmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { createGraphGateways, type GraphGateways } from '../../src/graph';
import type { Clock, RetryPolicy } from '../../src/graph/pipeline';
import { DEMO_DOMAIN, type RunningEmulator, startEmulator } from '../support/emulator';

export const EMULATOR_START_TIMEOUT_MS = 90_000;
export const SHAREPOINT_HOST = 'mustergmbh.sharepoint.com';

export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now();
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
  }
}

export interface GraphHarness {
  emulator: RunningEmulator;
  graph: GraphGateways;
  tokens: EmulatorTokenProvider;
  clock: RecordingClock;
  /** Gateways signed in as another demo user (same emulator). */
  as(user: string): GraphGateways;
}

export function upn(user: string): string {
  return user.includes('@') ? user : `${user}@${DEMO_DOMAIN}`;
}

export async function startGraphHarness(user = 'katrin.berger', retry?: Partial<RetryPolicy>): Promise<GraphHarness> {
  const emulator = await startEmulator();
  const clock = new RecordingClock();
  const gatewaysFor = (who: string) => {
    const tokens = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: upn(who) });
    return { tokens, graph: createGraphGateways({ baseUrl: emulator.graphUrl, tokenProvider: tokens, clock, retry }) };
  };
  const { tokens, graph } = gatewaysFor(user);
  return { emulator, graph, tokens, clock, as: (who) => gatewaysFor(who).graph };
}
