/**
 * Issue 14 "ten years of evidence" (`npm run bench -- --only=tenyears`):
 *   20,000 items    the ISB panel and the dashboard, cold (first sync, empty cache) and warm (re-open
 *                   with the cache of the first): requests, resource units (RU, when the emulator
 *                   reports them in /_admin/stats) and wall time. Goal: a warm re-open reads the
 *                   evidence list with ≤ 2 requests.
 *   binder memory   `npm run export-binder` (the real CLI, a child process per size so no heap is
 *                   shared) for 100 and for 1,000 items with a 256 KB file each: time and peak RSS.
 *                   Goal: peak RSS of 1,000 ÷ 100 ≤ 2 (the ZIP is written streaming).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FRESHNESS_SETTINGS, expiresAtIso, mailSourceKey } from '../src/domain';
import { materializeCapture } from '../src/features/evidence/captureItem';
import { createMemoryEvidenceCache, type EvidenceCache } from '../src/features/evidence/evidenceCache';
import { createEvidenceStore } from '../src/features/evidence/createEvidenceStore';
import { loadDashboard } from '../src/features/dashboard/loadDashboard';
import { loadPanel } from '../src/features/panel/loadPanel';
import { EVIDENCE_LIST_NAME, toEvidenceFields } from '../src/graph';
import type { EmulatorStats, RunningEmulator } from '../test/support/emulator';
import { countingFetch } from './counting';
import { JONAS, mails } from './fixtures';
import { benchStore, gatewaysFor, SITE_URL } from './setup';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const note = (text: string) => console.log(`  # ${text}`);
const SITE_PATH = 'mustergmbh.sharepoint.com:/sites/ISMS';
/** Each binder item's file: a scanned signed PDF is of this order; 1,000 of them are 250 MB that must not be held at once. */
const FILE_KB = 256;
/** After Node was busy past the emulator's 5 s keep-alive, let the closed sockets be noticed before the next admin call. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** RU from the emulator's stats when it reports them (`ru.total`), else "n/a". */
function ru(stats: EmulatorStats): string {
  const total = (stats as EmulatorStats & { ru?: { total?: unknown } }).ru?.total;
  return typeof total === 'number' ? String(Math.round(total)) : 'n/a';
}

/** `count` metadata-only CEO mails, one per hour from 2016, inserted through the emulator's bulk admin call. */
async function seedList(emulator: RunningEmulator, count: number): Promise<void> {
  const template = materializeCapture({ ...mails('template', 1)[0]! }, { now: new Date(), capturedBy: JONAS });
  const first = Date.UTC(2016, 0, 1);
  for (let start = 0; start < count; start += 2000) {
    const items = Array.from({ length: Math.min(2000, count - start) }, (_, k) => {
      const i = start + k;
      const item = { ...template, title: `Mail der Geschäftsführung ${i}`, sourceKey: mailSourceKey(`<ten-${i}@mustergmbh.onmicrosoft.com>`), effectiveDate: new Date(first + i * 3_600_000).toISOString() };
      return { fields: toEvidenceFields({ ...item, expiresAt: expiresAtIso(item, DEFAULT_FRESHNESS_SETTINGS) }, { writeId: `ten-${i}` }) };
    });
    await settle();
    await emulator.admin('POST', '/sharepoint/items', { site: SITE_PATH, list: EVIDENCE_LIST_NAME, user: JONAS.upn, items });
  }
}

/** Opens the panel or the dashboard once: every request the emulator saw, the evidence list's share, RU, time. */
async function open(emulator: RunningEmulator, view: 'panel' | 'dashboard', cache: EvidenceCache, expected: number) {
  const list = countingFetch();
  const graph = gatewaysFor(emulator);
  const store = createEvidenceStore({ graph: gatewaysFor(emulator, list.fetch), site: SITE_URL, capturedBy: JONAS, cache });
  await settle();
  await emulator.resetStats();
  const start = performance.now();
  const count =
    view === 'panel'
      ? await loadPanel(graph, store, SITE_URL).then((p) => (p.visible ? p.items.length : -1))
      : await loadDashboard(graph, store, { siteUrl: SITE_URL }).then((d) => (d.visible && !d.storeLost ? d.model.evidenceCount : -1));
  const ms = performance.now() - start;
  await settle();
  const stats = await emulator.stats();
  if (count !== expected) throw new Error(`The ${view} showed ${count} of ${expected} items.`);
  return { requests: stats.requests, listRequests: list.count(), ru: ru(stats), ms };
}

async function largeList(emulator: RunningEmulator, count: number): Promise<void> {
  await emulator.reset();
  const { store } = benchStore(emulator);
  await store.provision();
  const seeding = performance.now();
  await seedList(emulator, count);
  const seeded = performance.now() - seeding;
  for (const view of ['panel', 'dashboard'] as const) {
    const cache = createMemoryEvidenceCache(); // one browser: cold fills its cache, warm re-opens with it
    const cold = await open(emulator, view, cache, count);
    const warm = await open(emulator, view, cache, count);
    console.log(`tenyears ${view} cold: ${cold.listRequests} list requests, ${cold.requests} requests, RU ${cold.ru}, ${seconds(cold.ms)}`);
    console.log(`tenyears ${view} warm: ${warm.listRequests} list requests, ${warm.requests} requests, RU ${warm.ru}, ${seconds(warm.ms)}`);
    note(
      `${count} items (seeded in ${seconds(seeded)} through POST /_admin/sharepoint/items); ${view === 'panel' ? 'loadPanel' : 'loadDashboard'} with an empty cache, then again ` +
        `with that cache (a new session of the same browser). "list requests": the evidence store's own (goal warm ≤ 2); "requests": all the emulator ` +
        `saw (roles, people${view === 'dashboard' ? ', review series' : ''} too); RU from /_admin/stats ru.total.`,
    );
  }
}

/** `count` captures with a FILE_KB file each (incompressible), ten per day from 2020-01-01, through the app's capture path. */
async function seedBinder(emulator: RunningEmulator, count: number): Promise<void> {
  const { store } = benchStore(emulator);
  await store.provision();
  const inputs = mails('binder', count).map((input, i) => {
    const bytes = new Uint8Array(FILE_KB * 1024);
    let x = i + 1;
    for (let b = 0; b < bytes.length; b++) bytes[b] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    return { ...input, effectiveDate: new Date(Date.UTC(2020, 0, 1) + i * 8_640_000).toISOString(), content: { fileName: `Mail ${i}.eml`, contentType: 'message/rfc822', bytes } };
  });
  for (let i = 0; i < inputs.length; i += 100) {
    const results = await store.captureMany(inputs.slice(i, i + 100));
    const failed = results.filter((r) => r.status !== 'created').length;
    if (failed > 0) throw new Error(`Binder seeding: ${failed} captures were not created.`);
  }
}

/** Runs the export CLI in a child process; its peak RSS (kB) comes from a preload (bench/maxRss.cjs) that writes it at exit. */
function exportChild(emulator: RunningEmulator, work: string, from: string, to: string): Promise<{ ms: number; maxRssKb: number; zipBytes: number; stdout: string }> {
  const out = join(work, `binder-${to}.zip`);
  const rssFile = join(work, `rss-${to}`);
  const args = ['--import', 'tsx', '--require', join(__dirname, 'maxRss.cjs'), join(__dirname, '..', 'scripts', 'export-binder.ts')];
  args.push('--out', out, '--from', from, '--to', to, '--emulator', emulator.url, '--admin-secret', emulator.adminSecret);
  const start = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, BENCH_MAXRSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`export-binder exited with ${code}: ${stderr.slice(-500)}`));
      resolve({ ms: performance.now() - start, maxRssKb: Number(readFileSync(rssFile, 'utf8')), zipBytes: statSync(out).size, stdout: stdout.trim() });
    });
  });
}

async function binderMemory(emulator: RunningEmulator, large: number): Promise<void> {
  const small = large / 10;
  await emulator.reset();
  await seedBinder(emulator, large);
  const day = (items: number) => new Date(Date.UTC(2020, 0, 1) + (items / 10 - 1) * 86_400_000).toISOString().slice(0, 10);
  const work = mkdtempSync(join(tmpdir(), 'tenyears-binder-'));
  try {
    const none = await exportChild(emulator, work, '2019-01-01', '2019-12-31'); // 0 items: what Node + tsx + the app cost alone
    const a = await exportChild(emulator, work, '2020-01-01', day(small));
    const b = await exportChild(emulator, work, '2020-01-01', day(large));
    for (const [run, n] of [[a, small], [b, large]] as const) if (!run.stdout.includes(`${n} items`)) throw new Error(`Expected ${n} items: ${run.stdout}`);
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    console.log(`tenyears binder export: ${small} items ${seconds(a.ms)}, ${large} items ${seconds(b.ms)}`);
    console.log(`tenyears binder peak RSS: ${small} items ${mb(a.maxRssKb)}, ${large} items ${mb(b.maxRssKb)}, ratio ${(b.maxRssKb / a.maxRssKb).toFixed(2)}`);
    note(
      `npm run export-binder (tsx scripts/export-binder.ts) against the emulator, one child process per size; peak RSS = VmHWM of /proc/self/status ` +
        `at exit. Each item has a ${FILE_KB} KB incompressible file: ZIPs of ${mb(a.zipBytes / 1024)} and ${mb(b.zipBytes / 1024)}; ` +
        `the same CLI with 0 items peaks at ${mb(none.maxRssKb)} (Node + tsx + app). Time includes the child's start-up.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchTenYears(emulator: RunningEmulator, quick: boolean): Promise<void> {
  await largeList(emulator, quick ? 2000 : 20_000);
  await binderMemory(emulator, quick ? 200 : 1000);
}
