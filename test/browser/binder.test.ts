/**
 * The auditor binder in Chromium: export with progress and cancel, download the ZIP, verify it in
 * the panel, change one byte in a copy, and the verify button reports exactly that file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { BinderManifestSchema } from '../../src/features/binder/binderManifest';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { captureAll, ceoMail, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(240_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];
let work: string;

beforeAll(async () => {
  emulator = await startAppEmulator();
  work = mkdtempSync(join(tmpdir(), 'chefsache-binder-browser-'));
  await captureAll(storeAs(emulator, 'katrin'), [
    ceoMail('binder-1', 'Kick-off Informationssicherheit', '<p>Sicherheit ist Chefsache.</p>'),
    ceoMail('binder-2', 'Achtung Phishing-Welle', '<p>Bitte keine Anhänge öffnen.</p>'),
  ]);
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('auditor binder in the panel', () => {
  it('can be cancelled while it is being created', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
    const binder = page.getByRole('region', { name: 'Auditordner' });
    // Slow down each download's item read (GET …?$select=id,@microsoft.graph.downloadUrl).
    await emulator.setFaults([{ path: 'downloadUrl', latencyMs: 4000 }]);
    try {
      await binder.getByRole('button', { name: 'Auditordner erstellen' }).click();
      await visible(binder.getByRole('progressbar'));
      await visible(binder.getByText('Auditordner wird erstellt'));
      await binder.getByRole('button', { name: 'Abbrechen' }).click();
      await visible(binder.getByText('Die Erstellung wurde abgebrochen.'));
    } finally {
      await emulator.clearFaults();
    }
  });

  it('exports a binder whose manifest holds every file with its hash, and verifies it', async () => {
    const { page } = browser;
    const binder = page.getByRole('region', { name: 'Auditordner' });
    await binder.getByRole('button', { name: 'Auditordner erstellen' }).click();
    const link = await visible(binder.getByRole('link', { name: /^Auditordner herunterladen/ }));
    await visible(binder.getByText('Auditordner mit 2 Nachweisen ist fertig.'));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    expect(download.suggestedFilename()).toMatch(/^Auditordner_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.zip$/);

    const files = unzipSync(readFileSync(zipPath));
    const manifest = BinderManifestSchema.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest.itemCount).toBe(2);
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['binder.pdf', 'items.json']));
    expect(new TextDecoder().decode(files['binder.pdf']!.slice(0, 5))).toBe('%PDF-');

    await binder.getByLabel('ZIP-Datei des Auditordners').setInputFiles(zipPath);
    await visible(binder.getByRole('status').getByText(`Alle ${manifest.files.length} Dateien stimmen mit dem Manifest überein.`));
    await saveScreenshot(page, 'binder-verified-de');
  });

  it('reports exactly the one file changed in a copy', async () => {
    const { page } = browser;
    const binder = page.getByRole('region', { name: 'Auditordner' });
    const original = readFileSync(join(work, (await import('node:fs')).readdirSync(work).find((f) => f.endsWith('.zip'))!));
    const files = unzipSync(original);
    const target = Object.keys(files).find((path) => path.startsWith('evidence/') && path.endsWith('.eml'))!;
    const changed = files[target]!.slice();
    changed[10] = changed[10]! ^ 0x01;
    const copyPath = join(work, 'Kopie.zip');
    (await import('node:fs')).writeFileSync(copyPath, zipSync({ ...files, [target]: changed }));

    await binder.getByLabel('ZIP-Datei des Auditordners').setInputFiles(copyPath);
    const alert = await visible(binder.getByRole('alert'));
    await visible(alert.getByText('1 Abweichungen gefunden:'));
    const reported = await alert.getByRole('listitem').allTextContents();
    expect(reported).toEqual([`geändert: ${target}`]);
    await saveScreenshot(page, 'binder-tampered-de');
  });

  it('refuses a zip bomb (tiny file, huge declared size) and says why', async () => {
    const { page } = browser;
    const binder = page.getByRole('region', { name: 'Auditordner' });
    const bomb = zipSync({ 'evidence/bombe.bin': new Uint8Array(1024) }, { level: 9 });
    new DataView(bomb.buffer).setUint32(22, 0xfffffff0, true); // uncompressed size in the local header
    const bombPath = join(work, 'Bombe.zip');
    (await import('node:fs')).writeFileSync(bombPath, bomb);

    await binder.getByLabel('ZIP-Datei des Auditordners').setInputFiles(bombPath);
    await visible(binder.getByRole('alert').getByText('Die Datei ist zu groß für einen Auditordner: entpackt mehr als 2048 MB. Sie wurde nicht weiter gelesen.'));
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
