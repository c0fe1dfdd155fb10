/**
 * The Outlook task pane opened in a plain browser: it says it belongs in Outlook and shows the
 * sign-in status. Office.js (Microsoft's CDN) is unreachable here, as in any plain page offline.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { fakeOfficeJs, OFFICE_JS_URL } from './support/fakeOffice';
import { collectPageErrors, effectiveBackground, luminance, pickDemoUser, visible } from './support/page';

jest.setTimeout(120_000);

type Emulator = RunningEmulator;
let emulator: Emulator;
let browser: TestBrowser;

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('Outlook task pane, standalone, de-DE', () => {
  it('says it runs inside Outlook and shows who is signed in', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    await page.goto(pageUrl('/outlook/taskpane.html', emulator.url));
    await visible(page.getByRole('heading', { name: 'Chefsache für Outlook' }));
    await visible(page.getByText('Dieser Aufgabenbereich läuft in Outlook'));
    await visible(page.getByText('Lokale Demo-Firma (Emulator)'));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    const profile = page.getByRole('region', { name: 'Angemeldete Person' });
    await visible(profile.getByText('Katrin Berger', { exact: true }));
    await visible(profile.getByText('Muster GmbH', { exact: true }));
    await saveScreenshot(page, 'taskpane-standalone-de');
    expect(errors).toEqual([]);
  });

  it('serves the Outlook event runtime page, which needs Office.js to register its handler', async () => {
    const { page } = browser;
    const warning = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('Office.js is not loaded'),
      timeout: 20_000,
    });
    const response = await page.goto(pageUrl('/outlook/commands.html', emulator.url));
    expect(response?.status()).toBe(200);
    // A plain page has no Office.js: the runtime says so instead of failing silently.
    expect((await warning).type()).toBe('error');
  });

  it('inside Outlook follows its display language and theme instead of the browser', async () => {
    const { page } = browser;
    await page.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ contentType: 'application/javascript', body: fakeOfficeJs({ displayLanguage: 'en-US', bodyBackgroundColor: '#1f1f1f' }) }),
    );
    try {
      await page.goto(pageUrl('/outlook/taskpane.html', emulator.url));
      await visible(page.getByRole('heading', { name: 'Chefsache for Outlook' }));
      await visible(page.getByText('Running in Outlook.'));
      expect(await page.getByText('This task pane runs inside Outlook').count()).toBe(0);
      // Outlook decides the theme: no switch, and its dark theme applies.
      expect(await page.getByRole('switch').count()).toBe(0);
      expect(luminance(await effectiveBackground(page.getByRole('main')))).toBeLessThan(0.3);
      await saveScreenshot(page, 'taskpane-outlook-en-dark');
    } finally {
      await page.unroute(OFFICE_JS_URL);
    }
  });

  it('registers the on-send handler, which lets the message go', async () => {
    const { page } = browser;
    await page.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ contentType: 'application/javascript', body: fakeOfficeJs({ displayLanguage: 'de-DE' }) }),
    );
    try {
      await page.goto(pageUrl('/outlook/commands.html', emulator.url));
      await page.waitForFunction(() => 'onMessageSendHandler' in ((window as unknown as { __associated: object }).__associated ?? {}));
      const completedWith = await page.evaluate(() => {
        const handlers = (window as unknown as { __associated: Record<string, (event: unknown) => void> }).__associated;
        let options: unknown;
        handlers.onMessageSendHandler?.({ completed: (value: unknown) => (options = value) });
        return options;
      });
      expect(completedWith).toEqual({ allowEvent: true });
    } finally {
      await page.unroute(OFFICE_JS_URL);
    }
  });
});
