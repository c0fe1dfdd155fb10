/**
 * Figure `ru` (issue 14): SharePoint resource units (RU) the app spends, as the emulator charges them
 * (emulator/src/ru.ts, after Microsoft Learn "Avoid getting throttled or blocked in SharePoint Online").
 *   RU/item capture with file     captures with a small file: upload + create (+ the idempotency check)
 *   RU/item capture without file  metadata-only captures
 *   RU/item re-open               sync of a browser that has every item cached, nothing changed
 *   RU/item dashboard load        loadDashboard over the same store (cache warm)
 *   RU/item binder export         the auditor binder over the captured items with files
 *   soak at tenant budget         captures with files at the 1,200 RU/min of a 50-seat tenant: nothing lost, no duplicates
 */
import { createMemoryEvidenceCache } from '../src/features/evidence/evidenceCache';
import { loadDashboard } from '../src/features/dashboard/loadDashboard';
import { exportBinder } from '../src/features/binder/exportBinder';
import type { CaptureInput } from '../src/features/evidence/evidenceStore';
import type { RunningEmulator } from '../test/support/emulator';
import { mails } from './fixtures';
import { benchStore, gatewaysFor, SITE_URL } from './setup';

const note = (text: string) => console.log(`  # ${text}`);
const perItem = (ru: number, items: number) => (ru / items).toFixed(3);
/** Captures outside the binder's range (2026): metadata-only ones and the warm-up, dated 2024. */
const in2024 = (inputs: CaptureInput[]) => inputs.map((input) => ({ ...input, effectiveDate: input.effectiveDate.replace(/^2026/, '2024') }));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Mails with their snapshot as a small text file (no property promotion: kept as sent). */
function withFiles(prefix: string, count: number): CaptureInput[] {
  return mails(prefix, count).map((input, i) => ({
    ...input,
    content: { fileName: `mail-${i}.txt`, contentType: 'text/plain', bytes: new TextEncoder().encode(`Mail ${prefix}-${i}: Informationssicherheit ist Chefsache.`) },
  }));
}

function topRoutes(byRoute: Record<string, number>): string {
  return Object.entries(byRoute)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([route, ru]) => `${route} ${ru}`)
    .join(', ');
}

async function captureFigures(emulator: RunningEmulator, count: number, cache: ReturnType<typeof createMemoryEvidenceCache>) {
  const { store } = benchStore(emulator, cache);
  await store.provision();
  await store.captureMany(in2024(withFiles('warm', 1))); // the site, list and library are looked up once per session
  for (const [label, inputs] of [
    ['with file', withFiles('ru-file', count)],
    ['without file', in2024(mails('ru-meta', count))],
  ] as const) {
    await emulator.resetStats();
    const results = await store.captureMany(inputs);
    const created = results.filter((r) => r.status === 'created').length;
    if (created !== count) throw new Error(`RU capture ${label}: ${created} of ${count} created.`);
    const { ru } = await emulator.stats();
    console.log(`RU/item capture ${label}: ${perItem(ru.total, count)}`);
    const target = label === 'with file' ? ' Target: at most 4.5 (floor 4 = upload 2 + create 2; the unique SourceKey column is the idempotency check, no lookup).' : ' Floor 2 = create.';
    note(`${count} captures through $batch (20 per batch, inner requests charged one by one): ${ru.total} RU; ${topRoutes(ru.byRoute)}.${target}`);
  }
  return store;
}

async function reopenAndDashboard(emulator: RunningEmulator, cache: ReturnType<typeof createMemoryEvidenceCache>) {
  const first = benchStore(emulator, cache);
  const items = (await first.store.sync()).length;
  const again = benchStore(emulator, cache); // a new session of the same browser: same IndexedDB
  await emulator.resetStats();
  await again.store.sync();
  const reopen = (await emulator.stats()).ru;
  console.log(`RU/item re-open: ${perItem(reopen.total, items)}`);
  note(`${items} items cached, nothing changed: ${reopen.total} RU (${topRoutes(reopen.byRoute)}).`);

  const session = benchStore(emulator, cache);
  await emulator.resetStats();
  const data = await loadDashboard(gatewaysFor(emulator), session.store, { siteUrl: SITE_URL });
  if (!data.visible) throw new Error('The dashboard is not visible to the bench user.');
  const dashboard = (await emulator.stats()).ru;
  console.log(`RU/item dashboard load: ${perItem(dashboard.total, items)}`);
  note(`loadDashboard (roles, people, evidence sync from the warm cache, next review) over ${items} items: ${dashboard.total} RU (${topRoutes(dashboard.byRoute)}); directory and calendar calls cost no SharePoint RU.`);
}

async function binder(emulator: RunningEmulator, cache: ReturnType<typeof createMemoryEvidenceCache>, count: number) {
  // The range holds exactly the `count` captures with a file.
  const { store } = benchStore(emulator, cache);
  await store.sync();
  await emulator.resetStats();
  const exported = await exportBinder({
    sink: { write: () => undefined }, // RU are counted at the service: the ZIP's bytes are not kept
    store,
    from: new Date(Date.UTC(2026, 0, 1)), // the captures with a file
    to: new Date(Date.UTC(2027, 0, 1)),
    company: 'Muster GmbH',
    lang: 'de',
    timeZone: 'Europe/Berlin',
    now: new Date(),
  });
  const { ru } = await emulator.stats();
  const items = exported.manifest.itemCount;
  console.log(`RU/item binder export: ${perItem(ru.total, items)}`);
  if (items !== count) throw new Error(`The binder holds ${items} items, not ${count}.`);
  note(`binder of ${items} items, each with a file: ${ru.total} RU (${topRoutes(ru.byRoute)}); a file download is 1 RU for the item's download URL + 1 RU on the file host.`);
}

async function soakAtBudget(emulator: RunningEmulator, count: number, perMinute: number) {
  await emulator.reset();
  const { store } = benchStore(emulator);
  await store.provision();
  await emulator.admin('PUT', '/ru-budget', { perMinute });
  const inputs = withFiles('soak-ru', count);
  const twice = inputs.filter((_, i) => i % 10 === 3);
  const started = performance.now();
  const [main, repeats] = await Promise.all([store.captureMany(inputs), store.captureMany(twice)]);
  let waiting = await store.outbox.list();
  for (let round = 0; waiting.length > 0 && round < 20; round++) waiting = await store.outbox.flush();
  const ms = performance.now() - started;
  const { ru, requests } = await emulator.stats();
  await emulator.admin('DELETE', '/ru-budget');
  const all = await store.sync();
  const keys = new Set(inputs.map((i) => i.sourceKey));
  const stored = new Set(all.filter((i) => keys.has(i.sourceKey)).map((i) => i.sourceKey));
  const duplicates = all.length - new Set(all.map((i) => i.sourceKey)).size;
  const queued = [...main, ...repeats].filter((r) => r.status === 'queued').length;
  console.log(`soak at tenant budget: stored=${stored.size} lost=${keys.size - stored.size} duplicates=${duplicates} time=${seconds(ms)}`);
  note(
    `${count} captures with files + ${twice.length} twice, concurrently, at ${perMinute} RU per app per minute` +
      `${perMinute === 1200 ? ' (the tier of a tenant under 1,000 licences, e.g. 50 seats)' : ' (--quick: a smaller budget, so it is still hit)'}: ` +
      `${ru.total} RU in ${requests} requests (throttled ones count too); ${queued} went through the outbox; still waiting: ${waiting.length}.`,
  );
}

export async function benchRu(emulator: RunningEmulator, quick: boolean): Promise<void> {
  await emulator.reset();
  const count = quick ? 100 : 1000;
  const cache = createMemoryEvidenceCache();
  await captureFigures(emulator, count, cache);
  await reopenAndDashboard(emulator, cache);
  await binder(emulator, cache, count);
  // Quick: fewer captures against a smaller budget, so the budget is still hit.
  await soakAtBudget(emulator, quick ? 100 : 600, quick ? 300 : 1200);
}
