/**
 * "Try Outlook without Outlook" in Chromium (German): on /dev/outlook.html the CEO writes a mail to
 * all staff, inserts a template and tags it in the real task pane, and sends it. The real on-send
 * handler captures it, the emulator delivers it (Sent Items with category and capture header, the
 * staff inboxes), and the ISB finds it in the evidence panel.
 */
import type { Locator } from 'playwright-core';
import type { RunningEmulator } from '../support/emulator';
import { gatewaysFor } from '../integration/evidenceHarness';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { collectPageErrors, pickDemoUser, UI_TIMEOUT_MS, visible } from './support/page';
import { warmUp } from './support/warmUp';

const slowlyVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT_MS });

jest.setTimeout(240_000);

const SUBJECT = 'Warum Informationssicherheit bei uns Chefsache ist';
const ALL_STAFF = 'alle@mustergmbh.onmicrosoft.com';

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

describe('/dev/outlook.html: compose, tag, template, send, see it in the panel (de-DE)', () => {
  it('the CEO writes, tags and inserts a template in the real task pane, and sends', async () => {
    const { page } = browser;
    // In demo mode the Teams tab's Outlook section links to the page, for the same emulator.
    await page.goto(pageUrl('/teams/?view=outlook', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    await (await visible(page.getByRole('link', { name: 'Outlook ohne Outlook ausprobieren (Entwicklungsseite)' }))).click();
    await page.waitForURL(/\/dev\/outlook\.html\?emulator=/);
    await visible(page.getByText('Entwicklungsseite: Outlook ohne Outlook'));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    const pane = page.getByRole('complementary', { name: 'Chefsache-Aufgabenbereich' });
    await slowlyVisible(pane.getByText('Diese E-Mail wird nicht als Nachweis erfasst.'));

    await page.getByRole('textbox', { name: 'An' }).fill(ALL_STAFF);
    await page.getByRole('textbox', { name: 'Betreff' }).fill(SUBJECT);
    const body = page.getByRole('textbox', { name: 'Nachricht' });
    await body.click();
    await page.keyboard.type('Vorab ein persönliches Wort aus der Geschäftsführung.');
    await page.keyboard.press('Enter');

    await pane.getByRole('combobox', { name: 'Vorlage' }).selectOption('policyCore');
    await pane.getByRole('button', { name: 'Vorlage einfügen' }).click();
    await visible(body.getByText(/die Geschäftsführung hat unsere Leitlinie zur Informationssicherheit beschlossen/));
    await pane.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }).click();
    await visible(pane.getByText('Diese E-Mail wird beim Senden als Nachweis erfasst (Kommunikation der Sicherheitsleitlinie).'));
    await visible(pane.getByRole('switch', { name: 'Als ISMS-Nachweis markieren', checked: true }));
    // Outlook's pane is narrow: nothing in it pushes the page wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The template went where the cursor was: after the greeting the CEO typed.
    expect((await body.innerText()).indexOf('Vorab ein persönliches Wort')).toBe(0);
    await saveScreenshot(page, 'dev-outlook-compose-de');

    await page.getByRole('button', { name: 'Senden' }).click();
    await visible(page.getByText(`Gesendet: „${SUBJECT}“ liegt in „Gesendete Elemente“ und bei den Empfängern.`));
    // A new, empty message: the pane starts over.
    await visible(pane.getByText('Diese E-Mail wird nicht als Nachweis erfasst.'));
    expect(await page.getByRole('textbox', { name: 'Betreff' }).inputValue()).toBe('');
    await saveScreenshot(page, 'dev-outlook-sent-de');
  });

  it('delivered the mail as Outlook would: Sent Items with category and capture header, and the staff inboxes', async () => {
    const katrin = gatewaysFor(emulator, 'katrin.berger').mail;
    const [sent] = await katrin.byCategory('sentitems', 'Chefsache ISMS');
    expect(sent?.subject).toBe(SUBJECT);
    expect((await katrin.mimeHeaders(sent!.id))['x-chefsache-capture']).toMatch(/^id=[0-9a-f-]{36}$/);
    const jonasInbox = await gatewaysFor(emulator, 'jonas.weber').mail.folderDelta('inbox');
    expect(jonasInbox.messages.map((m) => m.subject)).toContain(SUBJECT);
  });

  it('the ISB sees the captured mail in the evidence panel', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
    const list = page.getByRole('table', { name: 'Nachweisliste' });
    await slowlyVisible(list.getByText(SUBJECT));
    await saveScreenshot(page, 'dev-outlook-in-panel-de');
    expect(await list.getByText(SUBJECT).count()).toBe(1);
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
