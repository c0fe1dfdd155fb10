/**
 * The Outlook add-in end to end in Chromium (Office.js replaced by a compose-mode stand-in):
 * the CEO tags a mail, inserts a template and sends it; the on-send handler captures it; the mail
 * appears in the Teams tab's evidence list. A second mail tagged on a phone is found by the Sent
 * Items sweep, while the first is only confirmed, not captured twice.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { FAKE_COMPOSE_KEY, fakeOutlookComposeJs, OFFICE_JS_URL, type FakeComposeItem } from './support/fakeOffice';
import type { Locator } from 'playwright-core';
import { collectPageErrors, pickDemoUser, UI_TIMEOUT_MS, visible } from './support/page';

/** The evidence list loads the whole register first (slow on a busy machine): wait longer than for a control. */
const slowlyVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT_MS });

jest.setTimeout(180_000);

const KATRIN = { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' };
const SUBJECT = 'Warum Informationssicherheit für uns Chefsache ist';

let emulator: RunningEmulator;
let browser: TestBrowser;

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  const item: FakeComposeItem = {
    subject: SUBJECT,
    body: '<p>Liebe Kolleginnen und Kollegen,</p>',
    to: [{ displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', recipientType: 'distributionList' }],
    categories: [],
    headers: {},
  };
  await browser.page.route(OFFICE_JS_URL, (route) =>
    route.fulfill({ contentType: 'application/javascript', body: fakeOutlookComposeJs({ displayLanguage: 'de-DE', user: KATRIN, item }) }),
  );
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('Outlook add-in, compose → on-send → evidence list', () => {
  it('tags the mail and inserts a template in the task pane', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    await page.goto(pageUrl('/outlook/taskpane.html', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    await visible(page.getByText('Diese E-Mail wird nicht als Nachweis erfasst.'));

    await page.getByRole('combobox', { name: 'Vorlage' }).selectOption('policyCore');
    await page.getByRole('button', { name: 'Vorlage einfügen' }).click();
    await page.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }).click();
    await visible(page.getByText('Diese E-Mail wird beim Senden als Nachweis erfasst (Kommunikation der Sicherheitsleitlinie).'));
    await saveScreenshot(page, 'outlook-compose-tagged-de');

    const item = (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), FAKE_COMPOSE_KEY)) as FakeComposeItem;
    expect(item.categories).toEqual(['Chefsache ISMS']);
    expect(item.headers['x-chefsache-capture']).toMatch(/^id=[0-9a-f-]{36}$/);
    expect(item.customProperties).toEqual({ chefsacheCapture: '{"kind":"policy"}' });
    expect(item.body).toContain('die Geschäftsführung hat unsere Leitlinie zur Informationssicherheit beschlossen');
    expect(errors).toEqual([]);
  });

  it('captures the tagged mail when it is sent, and the send goes through', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/outlook/commands.html', emulator.url));
    await page.waitForFunction(() => 'onMessageSendHandler' in ((window as unknown as { __associated?: object }).__associated ?? {}));
    const completedWith = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const handlers = (window as unknown as { __associated: Record<string, (event: unknown) => void> }).__associated;
          handlers.onMessageSendHandler?.({ completed: (options: unknown) => resolve(options) });
        }),
    );
    expect(completedWith).toEqual({ allowEvent: true });

    // Outlook delivers the mail as written: with the category and the capture header.
    const item = (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), FAKE_COMPOSE_KEY)) as FakeComposeItem;
    await emulator.admin('POST', '/mail/sent-from-other-client', {
      user: KATRIN.emailAddress,
      subject: item.subject,
      body: item.body,
      to: item.to.map((r) => r.emailAddress),
      categories: item.categories,
      headers: item.headers,
    });
  });

  it('shows the mail in the Teams tab\'s evidence list', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    const list = page.getByRole('table', { name: 'Nachweisliste' });
    await slowlyVisible(list.getByText(SUBJECT));
    await saveScreenshot(page, 'outlook-captured-in-tab-de');
  });

  it('the sweep captures a mail tagged on a phone and only confirms the one already captured', async () => {
    const { page } = browser;
    await emulator.admin('POST', '/mail/sent-from-other-client', {
      user: KATRIN.emailAddress,
      subject: 'Unsere Sicherheitsziele für 2027',
      body: '<p>Liebe Kolleginnen und Kollegen, unsere Ziele …</p>',
      to: ['alle@mustergmbh.onmicrosoft.com'],
      categories: ['Chefsache ISMS'],
    });
    await page.goto(pageUrl('/teams/?view=outlook', emulator.url));
    await (await visible(page.getByRole('button', { name: 'Gesendete Elemente durchsuchen' }))).click();
    await slowlyVisible(page.getByText('2 markierte E-Mails gefunden: 1 neu erfasst, 1 bereits erfasst, 0 warten im Postausgang, 0 fehlgeschlagen.'));
    await saveScreenshot(page, 'outlook-sweep-de');

    await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
    const list = page.getByRole('table', { name: 'Nachweisliste' });
    await slowlyVisible(list.getByText('Unsere Sicherheitsziele für 2027'));
    expect(await list.getByText(SUBJECT).count()).toBe(1);
  });
});
