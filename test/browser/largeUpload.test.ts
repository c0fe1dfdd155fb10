/**
 * A 30 MB scanned security policy uploaded from the evidence panel (German): it goes through an upload
 * session in fragments (Graph's `$batch` takes at most 4 MB, the emulator refuses more, like Graph), the
 * dialog shows the progress, and the stored file's SHA-256 matches the file the CEO picked.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, type TestBrowser } from './support/chromium';
import { storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(180_000);

const SIZE = 30 * 1024 * 1024;
let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];
let dir: string;
let scanPath: string;
let scanSha256: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chefsache-scan-'));
  const scan = Buffer.alloc(SIZE);
  scan.write('%PDF-1.4\n% gescannte Sicherheitsleitlinie\n');
  for (let i = 64; i < SIZE; i += 4096) scan.writeUInt32LE((i * 2654435761) >>> 0, i);
  scanPath = join(dir, 'Sicherheitsleitlinie 2026 (Scan).pdf');
  writeFileSync(scanPath, scan);
  scanSha256 = createHash('sha256').update(scan).digest('hex');
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('uploads a 30 MB scanned policy with visible progress, and the stored file has the same SHA-256', async () => {
  const { page } = browser;
  const fragments: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/_upload/')) fragments.push(request.headers()['content-range'] ?? '');
  });
  await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
  await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
  await (await visible(page.getByRole('button', { name: 'Dokument hochladen' }))).click();
  const dialog = await visible(page.getByRole('dialog', { name: 'Dokument als Nachweis hochladen' }));
  const today = new Date().toISOString().slice(0, 10);
  await dialog.getByRole('textbox', { name: 'Titel' }).fill('Sicherheitsleitlinie 2026 (Scan)');
  await dialog.getByRole('textbox', { name: 'Version' }).fill('3.0');
  await dialog.getByRole('combobox', { name: 'Unterschrieben von' }).click();
  await page.getByRole('option', { name: 'Katrin Berger' }).click();
  await dialog.getByLabel(/^Datum/).fill(today);
  await dialog.getByLabel(/^Nächste Überprüfung/).fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await dialog.getByLabel('Datei').setInputFiles(scanPath);
  // Every state of the progress bar the user saw: its label and value, as the DOM changed.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const label = document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const state = `${label} | ${bar.getAttribute('aria-valuenow')}`;
        if (seen[seen.length - 1] !== state) seen.push(state);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await dialog.getByRole('button', { name: 'Hochladen' }).click();

  const progress = await visible(dialog.getByRole('progressbar', { name: /^Datei wird hochgeladen: \d+,\d von 30,0 MB$/ }));
  expect(Number(await progress.getAttribute('aria-valuemax'))).toBe(SIZE);
  // 30 MB on a shared CI machine: more time than an ordinary UI step.
  await dialog.getByText('„Sicherheitsleitlinie 2026 (Scan)“ ist abgelegt und wartet auf Prüfung.').waitFor({ state: 'visible', timeout: 120_000 });
  expect(await dialog.getByRole('progressbar').count()).toBe(0);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  const mib = 1024 * 1024;
  expect(seen).toEqual(
    [0, 5, 10, 15, 20, 25, 30].map((mb) => `Datei wird hochgeladen: ${mb},0 von 30,0 MB | ${mb * mib}`),
  );

  // Six fragments of 5 MiB, each a multiple of 320 KiB, in order.
  expect(fragments).toEqual(Array.from({ length: 6 }, (_, i) => `bytes ${i * 5 * 1024 * 1024}-${(i + 1) * 5 * 1024 * 1024 - 1}/${SIZE}`));

  const store = storeAs(emulator, 'jonas');
  const stored = (await store.sync()).find((item) => item.title === 'Sicherheitsleitlinie 2026 (Scan)');
  expect(stored).toMatchObject({ type: 'securityPolicy', source: 'upload', contentSha256: scanSha256 });
  const bytes = await store.content(stored!);
  expect(bytes.byteLength).toBe(SIZE);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(scanSha256);
  expect(pageErrors).toEqual([]);
});
