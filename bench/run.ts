/**
 * `npm run bench` (tsx bench/run.ts): the evidence store against a fresh emulator, one line per figure.
 *   requests/item       1,000 captures through $batch: HTTP requests the client sent per item
 *   speedup vs naive    wall time of the naive way (SDK `post` per item, sequential) ÷ ours, 50 ms per round trip
 *   reopen requests     re-opening with 10,000 items and nothing changed (list-item delta + local cache)
 *   soak                2,000 captures with 10% 429 (Retry-After), 5% 503, 2% dropped connections, 10% twice
 * Then the Outlook on-send figures of bench/onSend.ts (issue 4).
 *   ru                  SharePoint resource units per item (bench/ru.ts, issue 14)
 * Then issue 14's ten-years figures of bench/tenYears.ts (20,000 items cold/warm, binder peak RSS 100 vs 1,000).
 *   first-load JS gz    per page, the scripts loaded before first paint (bench/firstLoad.ts, issue 14)
 * Options: --quick (smaller sizes, for a smoke run), --only=captures|reopen|soak|ru|tenyears|firstload (one figure, no on-send).
 */
import { createMemoryEvidenceCache } from '../src/features/evidence/evidenceCache';
import type { RunningEmulator } from '../test/support/emulator';
import { startSetUpEmulator } from '../test/support/setUpEmulator';
import { mails } from './fixtures';
import { benchStore, naiveClient } from './setup';
import { COL, toEvidenceFields } from '../src/graph';
import { materializeCapture } from '../src/features/evidence/captureItem';
import { JONAS } from './fixtures';
import { benchRu } from './ru';
import { benchTenYears } from './tenYears';
import { benchFirstLoad } from './firstLoad';

const quick = process.argv.includes('--quick');
const CAPTURES = quick ? 200 : 1000;
const NAIVE_SAMPLE = quick ? 40 : 160;
const REOPEN_ITEMS = quick ? 1000 : 10_000;
const SOAK = quick ? 300 : 2000;
const LATENCY_MS = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const note = (text: string) => console.log(`  # ${text}`);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function naivePosts(emulator: RunningEmulator, prefix: string, count: number): Promise<number> {
  const { store } = benchStore(emulator);
  const location = await store.location();
  const client = naiveClient(emulator);
  const now = new Date();
  const inputs = mails(prefix, count);
  await emulator.setFaults([{ latencyMs: LATENCY_MS }]); // every naive request is a round trip of its own
  const { ms } = await timed(async () => {
    for (const input of inputs) {
      const item = materializeCapture(input, { now, capturedBy: JONAS });
      await client.api(`/sites/${location.siteId}/lists/${location.listId}/items`).post({ fields: toEvidenceFields(item) });
    }
  });
  await emulator.clearFaults();
  return ms;
}

async function captures(emulator: RunningEmulator): Promise<void> {
  const { store, requests } = benchStore(emulator);
  await store.provision();

  // The naive sample runs half before and half after ours: both see the same list sizes on average.
  const half = Math.round(NAIVE_SAMPLE / 2);
  const naiveBefore = await naivePosts(emulator, 'naive-a', half);

  // 50 ms per HTTP round trip: on the $batch requests ours sends (inner requests run inside the service).
  await emulator.setFaults([{ path: '^/\\$batch', latencyMs: LATENCY_MS }]);
  requests.reset();
  const ours = await timed(() => store.captureMany(mails('bench', CAPTURES)));
  await emulator.clearFaults();
  const created = ours.value.filter((r) => r.status === 'created').length;
  if (created !== CAPTURES) throw new Error(`Only ${created} of ${CAPTURES} captures were created.`);
  console.log(`requests/item: ${(requests.count() / CAPTURES).toFixed(3)}`);

  const naiveAfter = await naivePosts(emulator, 'naive-b', NAIVE_SAMPLE - half);
  const naivePerItem = (naiveBefore + naiveAfter) / NAIVE_SAMPLE;
  console.log(`speedup vs naive: ${((naivePerItem * CAPTURES) / ours.ms).toFixed(1)}`);
  note(
    `ours: ${CAPTURES} captures in ${seconds(ours.ms)} with ${requests.count()} requests; naive (one SDK post per item, sequential): ` +
      `sample of ${NAIVE_SAMPLE} in ${seconds(naiveBefore + naiveAfter)}, ${naivePerItem.toFixed(0)} ms per item, scaled to ${CAPTURES} = ` +
      `${seconds(naivePerItem * CAPTURES)}; ${LATENCY_MS} ms emulator latency per HTTP request.`,
  );
}

async function reopen(emulator: RunningEmulator): Promise<void> {
  await emulator.reset();
  const cache = createMemoryEvidenceCache();
  const first = benchStore(emulator, cache);
  await first.store.provision();
  // Seeded in calls of 1,000 (validating 10,000 inputs at once keeps Node busy past the emulator's
  // 5 s keep-alive, and the next request would then meet a socket the server already closed).
  const all = mails('reopen', REOPEN_ITEMS);
  const seeded = await timed(async () => {
    const results = [];
    for (let i = 0; i < all.length; i += 1000) results.push(...(await first.store.captureMany(all.slice(i, i + 1000))));
    return results;
  });
  const notCreated = seeded.value.filter((r) => r.status !== 'created').length;
  if (notCreated > 0) {
    const waiting = await first.store.outbox.list();
    throw new Error(`Seeding: ${notCreated} of ${REOPEN_ITEMS} captures were not created; first outbox error: ${waiting[0]?.lastError ?? 'none'}`);
  }
  const synced = await timed(() => first.store.sync());
  if (synced.value.length !== REOPEN_ITEMS) throw new Error(`First sync saw ${synced.value.length} of ${REOPEN_ITEMS} items.`);

  const again = benchStore(emulator, cache); // a new session of the same browser: same IndexedDB
  await emulator.resetStats();
  const items = await again.store.sync();
  const stats = await emulator.stats();
  if (items.length !== REOPEN_ITEMS) throw new Error(`Re-open saw ${items.length} of ${REOPEN_ITEMS} items.`);
  console.log(`reopen requests: ${stats.requests}`);
  note(
    `${REOPEN_ITEMS} items (seeded in ${seconds(seeded.ms)}); first sync ${seconds(synced.ms)}; re-open: ${JSON.stringify(stats.byRoute)}`,
  );
}

async function soak(emulator: RunningEmulator): Promise<void> {
  await emulator.reset();
  const { store } = benchStore(emulator);
  await store.provision();
  const inputs = mails('soak', SOAK);
  const twice = inputs.filter((_, i) => i % 10 === 3);
  await emulator.setFaults([{ rate429: 0.1, retryAfterSeconds: 1, rate503: 0.05, rateDrop: 0.02 }], 20261127);
  const run = await timed(async () => {
    const [main, repeats] = await Promise.all([store.captureMany(inputs), store.captureMany(twice)]);
    let waiting = await store.outbox.list();
    for (let round = 0; waiting.length > 0 && round < 20; round++) waiting = await store.outbox.flush();
    return { main, repeats, waiting };
  });
  await emulator.clearFaults();
  const all = await store.sync();
  const keys = new Set(inputs.map((i) => i.sourceKey));
  const stored = new Set(all.filter((i) => keys.has(i.sourceKey)).map((i) => i.sourceKey));
  const duplicates = all.length - new Set(all.map((i) => i.sourceKey)).size;
  console.log(`soak: stored=${stored.size} lost=${keys.size - stored.size} duplicates=${duplicates}`);
  const queued = [...run.value.main, ...run.value.repeats].filter((r) => r.status === 'queued').length;
  note(`${SOAK} captures + ${twice.length} submitted twice (concurrently) in ${seconds(run.ms)}; ${queued} went through the outbox; still waiting: ${run.value.waiting.length}; list items: ${all.length} (${COL.sourceKey} unique).`);
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  // Issue 14: first-load JS per page, from a production-like build (no emulator needed).
  if (!only || only === 'firstload') for (const line of benchFirstLoad()) console.log(line);
  if (only === 'firstload') return;
  const emulator = await startSetUpEmulator({ startTimeoutMs: 90_000 });
  try {
    if (!only || only === 'captures') await captures(emulator);
    if (!only || only === 'reopen') await reopen(emulator);
    if (!only || only === 'soak') await soak(emulator);
    if (!only || only === 'ru') await benchRu(emulator, quick);
    if (!only || only === 'tenyears') await benchTenYears(emulator, quick);
    if (only) return;
  } finally {
    await emulator.stop();
  }
  // Issue 4's on-send figures (their own emulator).
  const { benchOnSend } = await import('./onSend');
  for (const line of await benchOnSend()) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
