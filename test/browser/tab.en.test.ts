/**
 * The Teams tab in a plain browser (standalone demo), English browser locale, dark OS preference.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { effectiveBackground, luminance, pickDemoUser, visible } from './support/page';

jest.setTimeout(120_000);

type Emulator = RunningEmulator;
let emulator: Emulator;
let browser: TestBrowser;

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'en-US', colorScheme: 'dark' });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('Teams tab, standalone, en-US', () => {
  it('forwards from the root page to the tab, keeping the emulator', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/', emulator.url));
    await page.waitForURL(/\/teams\/\?emulator=/);
    await visible(page.getByText('Local demo company (emulator)'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('follows the dark colour-scheme preference of the system', async () => {
    const { page } = browser;
    await visible(page.getByRole('switch', { name: 'Dark theme', checked: true }));
    expect(luminance(await effectiveBackground(page.getByRole('main')))).toBeLessThan(0.3);
  });

  it('shows the CEO, Muster GmbH and the English empty state', async () => {
    const { page } = browser;
    await pickDemoUser(page, 'Demo user', /Katrin Berger/);
    const profile = page.getByRole('region', { name: 'Signed-in user' });
    await visible(profile.getByText('Katrin Berger', { exact: true }));
    await visible(profile.getByText('Muster GmbH', { exact: true }));
    // The readiness dashboard comes first; the evidence list is one tab away.
    await visible(page.getByText('Not ready for the audit yet'));
    await page.getByRole('tab', { name: 'Review evidence' }).click();
    const table = page.getByRole('table', { name: 'Evidence list' });
    for (const column of ['Title', 'Type', 'Date', 'Review status']) {
      await visible(table.getByRole('columnheader', { name: column }));
    }
    await visible(table.getByText('No evidence yet'));
    await saveScreenshot(page, 'tab-standalone-en');
  });

  it('signs in as another demo user when the pick changes', async () => {
    const { page } = browser;
    await pickDemoUser(page, 'Demo user', /Jonas Weber/);
    const profile = page.getByRole('region', { name: 'Signed-in user' });
    await visible(profile.getByText('Jonas Weber', { exact: true }));
    await visible(profile.getByText('Informationssicherheitsbeauftragter', { exact: true }));
  });
});
