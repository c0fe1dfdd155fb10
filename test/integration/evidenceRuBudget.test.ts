/**
 * SharePoint throttles an app by resource units per minute (Microsoft Learn, "Avoid getting throttled or
 * blocked in SharePoint Online"): over the budget it answers 429 with Retry-After, also for requests
 * inside $batch. A batch capture under a tiny budget waits as told and stores everything exactly once.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { createEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
import { createIndexedDbEvidenceCache, createIndexedDbOutboxStorage } from '../../src/features/evidence/indexedDbStorage';
import { createGraphGateways } from '../../src/graph';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { ISMS_SITE_URL, JONAS, mailCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

it('a batch capture under a tiny resource-unit budget waits out the 429s and loses or doubles nothing', async () => {
  const indexedDB = new IDBFactory();
  // The real clock: the pipeline really waits the Retry-After the emulator sends.
  const graph = createGraphGateways({
    baseUrl: emulator.graphUrl,
    tokenProvider: createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: 'jonas.weber@mustergmbh.onmicrosoft.com' }),
  });
  const store = createEvidenceStore({
    graph,
    site: ISMS_SITE_URL,
    capturedBy: JONAS,
    cache: createIndexedDbEvidenceCache({ indexedDB }),
    outboxStorage: createIndexedDbOutboxStorage({ indexedDB }),
  });
  await store.provision();
  // 30 RU per 2 s window: 20 uploads (40 RU) and 20 creates (40 RU) each overrun it.
  await emulator.admin('PUT', '/ru-budget', { perMinute: 30, windowSeconds: 2 });
  await emulator.resetStats();
  const inputs = Array.from({ length: 20 }, (_, i) => mailCapture(`ru-${i}`));
  const results = await store.captureMany([...inputs, inputs[3]!]);
  const { ru } = await emulator.stats();
  await emulator.admin('DELETE', '/ru-budget');

  expect(ru.total).toBeGreaterThan(inputs.length * 4); // throttled requests were charged and sent again
  expect(results.slice(0, 20).map((r) => r.status)).toEqual(inputs.map(() => 'created'));
  expect(['existing', 'created']).toContain(results[20]!.status);
  expect(await store.outbox.list()).toEqual([]);
  const all = await store.sync();
  expect(all).toHaveLength(20);
  expect(new Set(all.map((i) => i.sourceKey)).size).toBe(20);
}, 60_000);
