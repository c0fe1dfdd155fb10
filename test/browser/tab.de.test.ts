/**
 * The Teams tab in a plain browser (standalone demo), German browser locale.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { collectPageErrors, effectiveBackground, luminance, pickDemoUser, visible } from './support/page';

jest.setTimeout(120_000);

type Emulator = RunningEmulator;
let emulator: Emulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('Teams tab, standalone, de-DE', () => {
  it('speaks German and marks the local demo company', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/', emulator.url));
    await visible(page.getByText('Lokale Demo-Firma (Emulator)'));
    await visible(page.getByRole('banner').getByRole('heading', { name: 'Chefsache' }));
    await visible(page.getByRole('combobox', { name: 'Demo-Benutzer' }));
    await visible(page.getByText('Wählen Sie oben einen Demo-Benutzer, um sich anzumelden.'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await saveScreenshot(page, 'tab-standalone-de');
  });

  it('shows the CEO, her company and an empty evidence list after picking her', async () => {
    const { page } = browser;
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    const profile = page.getByRole('region', { name: 'Angemeldete Person' });
    await visible(profile.getByText('Katrin Berger', { exact: true }));
    await visible(profile.getByText('Geschäftsführerin', { exact: true }));
    await visible(profile.getByText('Muster GmbH', { exact: true }));

    // The readiness dashboard comes first; the evidence list is one tab away.
    await visible(page.getByText('Noch nicht auditbereit'));
    await page.getByRole('tab', { name: 'Nachweise prüfen' }).click();
    const table = page.getByRole('table', { name: 'Nachweisliste' });
    await visible(table);
    for (const column of ['Titel', 'Art', 'Datum', 'Prüfstatus']) {
      await visible(table.getByRole('columnheader', { name: column }));
    }
    await visible(table.getByText('Noch keine Nachweise'));
    expect(await table.getByRole('row').count()).toBe(2); // header row + empty-state row
    await saveScreenshot(page, 'tab-ceo-de');
  });

  it('keeps the picked demo user after a reload', async () => {
    const { page } = browser;
    await page.reload();
    await visible(page.getByRole('region', { name: 'Angemeldete Person' }).getByText('Muster GmbH', { exact: true }));
  });

  it('switches to the dark theme and back', async () => {
    const { page } = browser;
    const main = page.getByRole('main');
    const lightBackground = await effectiveBackground(main);
    expect(luminance(lightBackground)).toBeGreaterThan(0.8);

    const darkSwitch = await visible(page.getByRole('switch', { name: 'Dunkles Design' }));
    expect(await darkSwitch.isChecked()).toBe(false);
    await darkSwitch.click();
    expect(await darkSwitch.isChecked()).toBe(true);
    expect(luminance(await effectiveBackground(main))).toBeLessThan(0.3);
    await saveScreenshot(page, 'tab-dark-de');

    await page.reload();
    await visible(page.getByRole('switch', { name: 'Dunkles Design', checked: true }));
    expect(luminance(await effectiveBackground(page.getByRole('main')))).toBeLessThan(0.3);

    await page.getByRole('switch', { name: 'Dunkles Design' }).click();
    expect(luminance(await effectiveBackground(page.getByRole('main')))).toBeGreaterThan(0.8);
  });

  it('shows a Graph error with its request-id and recovers with the retry button', async () => {
    const { page } = browser;
    await emulator.setFaults([{ path: '^/me(\\?|$)', rate500: 1 }]);
    try {
      await page.reload();
      const alert = await visible(page.getByRole('alert'));
      await visible(alert.getByText(/^Anfrage-ID: \S+/));
    } finally {
      await emulator.clearFaults();
    }
    await page.getByRole('button', { name: 'Erneut versuchen' }).click();
    await visible(page.getByRole('region', { name: 'Angemeldete Person' }).getByText('Muster GmbH', { exact: true }));
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
