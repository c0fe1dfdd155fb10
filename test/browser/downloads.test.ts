/**
 * Downloads from a browser under the production Content-Security-Policy. Graph's download URLs live
 * on the SharePoint host, another origin than Graph's; the emulator puts them on its file host (a
 * second port) and, like SharePoint, answers CORS only for token-less GETs. The panel previews a
 * stored mail, exports the auditor binder (every file downloaded and checked against the hash stored
 * at capture: one file was changed behind SharePoint's back) and verifies the ZIP.
 * Microsoft Learn, "Download the contents of a driveItem", "Downloading files in JavaScript apps":
 * https://learn.microsoft.com/en-us/graph/api/driveitem-get-content?view=graph-rest-1.0
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { captureAll, ceoMail, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { demoBuildPolicy, recordCspViolations, startCspProxy, type CspProxy } from './support/productionCsp';

jest.setTimeout(240_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];
let proxy: CspProxy;
let violations: () => Promise<string[]>;
let work: string;
const fileHostRequests: Request[] = [];
/** Blocked connections (zod 4 probes `new Function` once and falls back: a script-src report under the build's policy too). */
const connectViolations = async () => (await violations()).filter((v) => v.startsWith('connect-src'));

beforeAll(async () => {
  // The page runs on the proxy's origin: that origin signs in (/_signin), and the policy names the emulator.
  let policy = '';
  proxy = await startCspProxy(() => policy);
  emulator = await startSetUpEmulator({ appOrigins: [proxy.origin] });
  policy = demoBuildPolicy(emulator);
  work = mkdtempSync(join(tmpdir(), 'chefsache-downloads-'));
  const katrin = storeAs(emulator, 'katrin');
  const [, changed] = await captureAll(katrin, [
    ceoMail('dl-kickoff', 'Kick-off Informationssicherheit', '<p>Sicherheit ist <b>Chefsache</b>.</p>'),
    ceoMail('dl-phishing', 'Achtung Phishing-Welle', '<p>Bitte keine Anhänge öffnen.</p>'),
  ]);
  const location = await katrin.location();
  await emulator.admin('POST', '/drive/tamper', { driveId: location.driveId, itemId: changed!.contentItemId, text: 'nachträglich geändert' });

  // No routes: Playwright would answer CORS preflights itself (see productionCsp.ts).
  browser = await launchBrowser({ locale: 'de-DE', routeOfficeJs: false });
  violations = await recordCspViolations(browser.page);
  pageErrors = collectPageErrors(browser.page);
  browser.page.on('request', (request) => {
    if (new URL(request.url()).origin === emulator.filesUrl) fileHostRequests.push(request);
  });
  // The dev server transforms the app on the first visit: wait generously once.
  await browser.page.goto(proxy.pageUrl('/teams/', emulator.url));
  await browser.page.getByRole('combobox').first().waitFor({ state: 'visible', timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('downloads under the production CSP', () => {
  it('runs the page under the policy: a connection it does not allow is blocked', async () => {
    const { page } = browser;
    const blocked = await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'sent', () => 'blocked'));
    expect(blocked).toBe('blocked');
    expect(await connectViolations()).toEqual(['connect-src http://127.0.0.1:9/']);
  });

  it('previews a stored mail whose bytes come from the SharePoint file host, without a token', async () => {
    const { page } = browser;
    await page.goto(proxy.pageUrl('/teams/?view=evidence', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
    await (await visible(page.getByRole('table', { name: 'Nachweisliste' }).getByRole('button', { name: 'Kick-off Informationssicherheit' }))).click();
    const detail = page.getByRole('region', { name: 'Details zum Nachweis' });
    await visible(detail.getByRole('document', { name: 'Inhalt der E-Mail' }).getByText('Chefsache'));
    await saveScreenshot(page, 'downloads-preview-csp-de');

    expect(fileHostRequests.length).toBeGreaterThan(0);
    for (const request of fileHostRequests) {
      expect(request.method()).toBe('GET');
      expect(await request.allHeaders()).not.toHaveProperty('authorization');
    }
    expect(await connectViolations()).toEqual([]);
  });

  it('exports the binder, reporting the file changed behind SharePoint\'s back, and verifies the ZIP', async () => {
    const { page } = browser;
    const before = fileHostRequests.length;
    const binder = page.getByRole('region', { name: 'Auditordner' });
    await binder.getByRole('button', { name: 'Auditordner erstellen' }).click();
    await visible(binder.getByText('Auditordner mit 2 Nachweisen ist fertig.'));
    await visible(binder.getByText('1 Dateien stimmen nicht mit dem bei der Erfassung gespeicherten Hash überein.'));
    expect(fileHostRequests.length - before).toBe(2);

    const link = await visible(binder.getByRole('link', { name: /^Auditordner herunterladen/ }));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    await binder.getByLabel('ZIP-Datei des Auditordners').setInputFiles(zipPath);
    await visible(binder.getByRole('status').getByText(/^Alle \d+ Dateien stimmen mit dem Manifest überein\.$/));
    await saveScreenshot(page, 'downloads-binder-csp-de');
    expect(await connectViolations()).toEqual([]);
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
