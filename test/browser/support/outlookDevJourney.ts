/**
 * "Try Outlook without Outlook" (issue 15), one journey for every UI language: on /dev/outlook.html the
 * CEO writes a mail to all staff, inserts a template and tags it in the real task pane, and sends it.
 * The real on-send handler captures it, the emulator delivers it (Sent Items with category and capture
 * header, the staff inboxes), and the ISB finds it in the evidence panel. The test files
 * (`outlook.dev.test.ts`, `outlook.dev.en.test.ts`) only pass the texts of their language.
 */
import type { Locator } from 'playwright-core';
import type { RunningEmulator } from '../../support/emulator';
import { gatewaysFor } from '../../integration/evidenceHarness';
import { pageUrl, startAppEmulator } from './appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './chromium';
import { collectPageErrors, pickDemoUser, UI_TIMEOUT_MS, visible } from './page';
import { warmUp } from './warmUp';

/** What the user reads and writes in one language; `lang` names the screenshots. */
export interface OutlookDevTexts {
  locale: 'de-DE' | 'en-US';
  lang: 'de' | 'en';
  demoUser: string;
  tabLink: string;
  devNotice: string;
  pane: string;
  willNotCapture: string;
  willCapture: string;
  to: string;
  subject: string;
  body: string;
  send: string;
  template: string;
  insertTemplate: string;
  /** A sentence of the policyCore template as inserted. */
  templateSentence: RegExp;
  mark: string;
  /** The confirmation after sending, for the given subject. */
  sent: (subject: string) => string;
  evidenceList: string;
  /** What the CEO writes. */
  mailSubject: string;
  greeting: string;
}

const ALL_STAFF = 'alle@mustergmbh.onmicrosoft.com';

const slowlyVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT_MS });

export function describeOutlookDevJourney(texts: OutlookDevTexts): void {
  let emulator: RunningEmulator;
  let browser: TestBrowser;
  let pageErrors: string[];

  beforeAll(async () => {
    emulator = await startAppEmulator();
    browser = await launchBrowser({ locale: texts.locale });
    pageErrors = collectPageErrors(browser.page);
    await warmUp(browser.page, emulator.url);
  });

  afterAll(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  describe(`/dev/outlook.html: compose, tag, template, send, see it in the panel (${texts.locale})`, () => {
    it('the CEO writes, tags and inserts a template in the real task pane, and sends', async () => {
      const { page } = browser;
      // In demo mode the Teams tab's Outlook section links to the page, for the same emulator.
      await page.goto(pageUrl('/teams/?view=outlook', emulator.url));
      await pickDemoUser(page, texts.demoUser, /Katrin Berger/);
      await (await visible(page.getByRole('link', { name: texts.tabLink }))).click();
      await page.waitForURL(/\/dev\/outlook\.html\?emulator=/);
      await visible(page.getByText(texts.devNotice));
      await pickDemoUser(page, texts.demoUser, /Katrin Berger/);
      const pane = page.getByRole('complementary', { name: texts.pane });
      await slowlyVisible(pane.getByText(texts.willNotCapture));

      await page.getByRole('textbox', { name: texts.to }).fill(ALL_STAFF);
      await page.getByRole('textbox', { name: texts.subject }).fill(texts.mailSubject);
      const body = page.getByRole('textbox', { name: texts.body });
      await body.click();
      await page.keyboard.type(texts.greeting);
      await page.keyboard.press('Enter');

      await pane.getByRole('combobox', { name: texts.template }).selectOption('policyCore');
      await pane.getByRole('button', { name: texts.insertTemplate }).click();
      await visible(body.getByText(texts.templateSentence));
      await pane.getByRole('switch', { name: texts.mark }).click();
      await visible(pane.getByText(texts.willCapture));
      await visible(pane.getByRole('switch', { name: texts.mark, checked: true }));
      // Outlook's pane is narrow: nothing in it pushes the page wider than the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // The template went where the cursor was: after the greeting the CEO typed.
      expect((await body.innerText()).indexOf(texts.greeting)).toBe(0);
      await saveScreenshot(page, `dev-outlook-compose-${texts.lang}`);

      await page.getByRole('button', { name: texts.send }).click();
      await visible(page.getByText(texts.sent(texts.mailSubject)));
      // A new, empty message: the pane starts over.
      await visible(pane.getByText(texts.willNotCapture));
      expect(await page.getByRole('textbox', { name: texts.subject }).inputValue()).toBe('');
      await saveScreenshot(page, `dev-outlook-sent-${texts.lang}`);
    });

    it('delivered the mail as Outlook would: Sent Items with category and capture header, and the staff inboxes', async () => {
      const katrin = gatewaysFor(emulator, 'katrin.berger').mail;
      const [sent] = await katrin.byCategory('sentitems', 'Chefsache ISMS');
      expect(sent?.subject).toBe(texts.mailSubject);
      expect((await katrin.mimeHeaders(sent!.id))['x-chefsache-capture']).toMatch(/^id=[0-9a-f-]{36}$/);
      const jonasInbox = await gatewaysFor(emulator, 'jonas.weber').mail.folderDelta('inbox');
      expect(jonasInbox.messages.map((m) => m.subject)).toContain(texts.mailSubject);
    });

    it('the ISB sees the captured mail in the evidence panel', async () => {
      const { page } = browser;
      await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
      await pickDemoUser(page, texts.demoUser, /Jonas Weber/);
      const list = page.getByRole('table', { name: texts.evidenceList });
      await slowlyVisible(list.getByText(texts.mailSubject));
      await saveScreenshot(page, `dev-outlook-in-panel-${texts.lang}`);
      expect(await list.getByText(texts.mailSubject).count()).toBe(1);
    });

    it('ran without uncaught page errors', () => {
      expect(pageErrors).toEqual([]);
    });
  });
}
