/**
 * Nothing lost, nothing stuck (issue 12), in Chromium against the emulator: an upload during a
 * 503 outage is stored by itself once the service is back (the tab's outbox retry; its timer is
 * shortened with `?outboxRetryMs=`, nothing else changes); a tab closed mid-capture is finished,
 * exactly once, when the tab opens again; a tagged mail sent from another client while the task
 * pane was closed is captured when the pane opens (the automatic sweep); a mail sent during an
 * outage waits in the on-send runtime's IndexedDB outbox (Outlook on the web) and the task pane
 * stores it by itself.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { storeAs } from './support/evidenceSeed';
import { FAKE_COMPOSE_KEY, fakeOutlookComposeJs, OFFICE_JS_URL, type FakeComposeItem } from './support/fakeOffice';
import { collectPageErrors, pickDemoUser, UI_TIMEOUT_MS, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(240_000);

const KATRIN = { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' };
/** Retries every 2 s instead of every 2 minutes. */
const RETRY = 'outboxRetryMs=2000';

let emulator: RunningEmulator;
let browser: TestBrowser;

const slowlyVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT_MS });

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  await warmUp(browser.page, emulator.url);
  await storeAs(emulator, 'jonas').provision();
});

afterEach(async () => {
  await emulator.clearFaults();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

/** Items with this title in the list, as Graph has them (not the page's view). */
async function storedWithTitle(title: string): Promise<number> {
  return (await storeAs(emulator, 'jonas').sync()).filter((item) => item.title === title).length;
}

async function waitForStored(title: string): Promise<void> {
  const end = Date.now() + 3 * UI_TIMEOUT_MS;
  while ((await storedWithTitle(title)) === 0) {
    if (Date.now() > end) throw new Error(`"${title}" was never stored.`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Opens the policy upload in the evidence panel as Jonas (ISB) and fills everything but the click. */
async function fillPolicyUpload(page: Page, title: string): Promise<Locator> {
  await page.goto(pageUrl(`/teams/?view=evidence&upload=securityPolicy&${RETRY}`, emulator.url));
  await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
  const dialog = page.getByRole('dialog', { name: 'Dokument als Nachweis hochladen' });
  await slowlyVisible(dialog);
  const today = new Date().toISOString().slice(0, 10);
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Version' }).fill('1.0');
  await dialog.getByRole('combobox', { name: 'Unterschrieben von' }).click();
  await page.getByRole('option', { name: 'Katrin Berger' }).click();
  await dialog.getByLabel(/^Datum/).fill(today);
  await dialog.getByLabel(/^Nächste Überprüfung/).fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await dialog.getByLabel('Datei').setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${title}`) });
  return dialog;
}

describe('the outbox in the running app', () => {
  it('stores an upload made during a 503 outage by itself once the service is back', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    const title = 'Leitlinie während der Störung';
    const dialog = await fillPolicyUpload(page, title);

    // Microsoft Graph answers 503 to everything (also inside $batch).
    await emulator.setFaults([{ rate503: 1 }]);
    await dialog.getByRole('button', { name: 'Hochladen' }).click();
    await slowlyVisible(dialog.getByText(`„${title}“ wird später gespeichert.`, { exact: false }));
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    // The tab says what waits, and keeps trying on its own while the outage lasts.
    const notice = page.getByRole('status').filter({ hasText: 'Wartet auf Speicherung: 1' });
    await visible(notice);
    await saveScreenshot(page, 'outbox-waiting-de');

    // Service back; nobody touches the page.
    await emulator.clearFaults();
    await notice.waitFor({ state: 'detached', timeout: 3 * UI_TIMEOUT_MS });
    expect(await storedWithTitle(title)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('finishes a capture the closed tab left half-done when the tab opens again, exactly once', async () => {
    const title = 'Leitlinie, Tab geschlossen';
    const page = await browser.context.newPage();
    const dialog = await fillPolicyUpload(page, title);

    // Every $batch takes 4 s: the tab is closed while the capture is on its way.
    await emulator.setFaults([{ path: '\\$batch', method: 'POST', latencyMs: 4000 }]);
    await dialog.getByRole('button', { name: 'Hochladen' }).click();
    await page.waitForTimeout(1500);
    await page.close();
    await emulator.clearFaults();

    const reopened = await browser.context.newPage();
    await reopened.goto(pageUrl(`/teams/?view=dashboard&${RETRY}`, emulator.url));
    await waitForStored(title);
    // Let a few more retry rounds pass: still one item, and nothing waits.
    await reopened.waitForTimeout(5000);
    expect(await storedWithTitle(title)).toBe(1);
    expect(await reopened.getByText('Wartet auf Speicherung', { exact: false }).count()).toBe(0);
    await reopened.close();
  });

  it('captures a tagged mail sent from another client while the task pane was closed, when the pane opens', async () => {
    const subject = 'Sicherheit geht uns alle an (vom Telefon)';
    await emulator.admin('POST', '/mail/sent-from-other-client', {
      user: KATRIN.emailAddress,
      subject,
      body: '<p>Liebe Kolleginnen und Kollegen, bitte meldet Auffälligkeiten.</p>',
      to: ['alle@mustergmbh.onmicrosoft.com'],
      categories: ['Chefsache ISMS'],
    });
    const page = await browser.context.newPage();
    await page.route(OFFICE_JS_URL, (route) =>
      route.fulfill({
        contentType: 'application/javascript',
        body: fakeOutlookComposeJs({ displayLanguage: 'de-DE', user: KATRIN, item: { subject: 'Entwurf', body: '<p></p>', to: [], categories: [], headers: {} } }),
      }),
    );
    await page.goto(pageUrl('/outlook/taskpane.html', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    // Nobody presses "Sweep Sent Items": opening the pane is enough.
    await slowlyVisible(page.getByText('1 markierte E-Mails gefunden: 1 neu erfasst', { exact: false }));
    await saveScreenshot(page, 'taskpane-auto-sweep-de');
    expect(await storedWithTitle(subject)).toBe(1);

    // Opened again within 15 minutes: no second sweep by itself.
    await page.reload();
    await visible(page.getByRole('button', { name: 'Gesendete Elemente durchsuchen' }));
    await page.waitForTimeout(2000);
    expect(await page.getByText('markierte E-Mails gefunden', { exact: false }).count()).toBe(0);
    await page.close();
  });

  it('keeps an on-send capture made during an outage on disk, and the task pane stores it by itself', async () => {
    const subject = 'Neue Leitlinie gilt ab sofort (gesendet während der Störung)';
    const item: FakeComposeItem = {
      subject,
      body: '<p>Liebe Kolleginnen und Kollegen, die neue Leitlinie gilt ab sofort.</p>',
      to: [{ displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', recipientType: 'distributionList' }],
      categories: ['Chefsache ISMS'],
      headers: { 'x-chefsache-capture': 'id=0b6d8a52-3c1e-4f7a-9d2b-5e8c7a1f4d30; kind=policy' },
    };
    const page = await browser.context.newPage();
    await page.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ contentType: 'application/javascript', body: fakeOutlookComposeJs({ displayLanguage: 'de-DE', user: KATRIN, item }) }),
    );
    // Outlook on the web's event runtime (commands.html) with this mail being sent.
    await page.goto(pageUrl('/outlook/commands.html', emulator.url));
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [FAKE_COMPOSE_KEY, JSON.stringify(item)]);
    await page.reload();
    await page.waitForFunction(() => 'onMessageSendHandler' in ((window as unknown as { __associated?: object }).__associated ?? {}));
    await emulator.setFaults([{ path: '^/(sites|drives)/', rate503: 1 }]);
    const completedWith = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const handlers = (window as unknown as { __associated: Record<string, (event: unknown) => void> }).__associated;
          handlers.onMessageSendHandler?.({ completed: (options: unknown) => resolve(options) });
        }),
    );
    expect(completedWith).toEqual({ allowEvent: true });
    await page.close();
    await emulator.clearFaults();

    // The runtime is gone; the task pane opens later and finishes the capture without being asked.
    const pane = await browser.context.newPage();
    await pane.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ contentType: 'application/javascript', body: fakeOutlookComposeJs({ displayLanguage: 'de-DE', user: KATRIN, item }) }),
    );
    await pane.goto(pageUrl(`/outlook/taskpane.html?${RETRY}`, emulator.url));
    await waitForStored(subject);
    expect(await storedWithTitle(subject)).toBe(1);
    await pane.close();
  });
});
