/**
 * Issue 11 in Chromium against the emulator: the drift check runs in the browser on every dashboard open
 * (SharePoint-audience token, the SharePoint host mapped through /_signin/hosts, CORS on SharePoint REST), and
 * the site owner's Setup section finds the demo site already set up.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(180_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('permissions enforced by SharePoint, seen in the tab', () => {
  it('shows the auditor that SharePoint enforces the roles (drift check from the browser)', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Petra Prüfer/);
    const status = page.getByRole('region', { name: 'Berechtigungen in SharePoint' });
    await visible(status.getByText(/^SharePoint setzt die Rollen durch: .* \(9 Listen geprüft\)\.$/));
    await saveScreenshot(page, 'dashboard-permissions-de');
  });

  it('lets the site owner run setup again from the tab: nothing to change', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=setup', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Lukas Schneider/);
    await visible(page.getByText(/^Gewählt: Geschäftsführung · Objekt-ID: /));
    await visible(page.getByText(/^Gewählt: Auditoren · Objekt-ID: /));
    await page.getByRole('button', { name: 'Einrichtung ausführen' }).click();
    await visible(page.getByText('Alles ist bereits eingerichtet: Es wurde nichts geändert.'));
    await saveScreenshot(page, 'setup-de');
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
