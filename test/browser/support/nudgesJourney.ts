/**
 * Nudges (issue 15), one journey for every UI language: minutes of a past review wait for the CEO's
 * signature; the ISB opens the dashboard, which notifies top management in Teams (activity feed,
 * emulator admin API). The CEO follows the notification's link (its webUrl, the tab URL Teams falls
 * back to) and lands in the reviews section, on the minutes waiting for her signature, with the sign button. Opening the dashboard again the same day sends nothing
 * twice. The test files (`nudges.test.ts`, `nudges.en.test.ts`) only pass the texts of their language.
 */
import { emptyMinutes } from '../../../src/features/reviews/minutes';
import { createReviewRecords } from '../../../src/features/reviews/reviewRecords';
import { sectionOfDeepLink } from '../../../src/features/nudges';
import { gatewaysFor, ISMS_SITE_URL } from '../../integration/evidenceHarness';
import type { RunningEmulator } from '../../support/emulator';
import { pageUrl, startAppEmulator } from './appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './chromium';
import { collectPageErrors, pickDemoUser, visible } from './page';

/** What the user reads in one language; `lang` names the screenshots. */
export interface NudgesTexts {
  locale: 'de-DE' | 'en-US';
  lang: 'de' | 'en';
  demoUser: string;
  /** The dashboard's status line once the CEO was notified about the unsigned minutes. */
  notifiedCeo: RegExp;
  /** The dashboard's next-review line when none is booked this quarter, and the shorter line it replaces. */
  noReviewThisQuarter: string;
  noReviewBooked: string;
  /** Part of the notification's preview line (in the sender's UI language). */
  preview: string;
  dashboardHeading: string;
  reviewsHeading: string;
  /** The list of past reviews in the reviews section. */
  pastHeading: string;
  /** Text of the decision in the saved minutes (what the ISB would type). */
  decision: string;
  /** The landing's action on the minutes waiting for the CEO's signature (opens them with the sign button). */
  readAndSign: RegExp;
  /** The badge on those minutes. */
  awaitingYourSignature: string;
  /** Label of the first decision's text field in the minutes editor. */
  decisionField: string;
  /** The sign button in the opened minutes. */
  signButton: string;
}

interface FeedEntry {
  activityType: string;
  topic: { webUrl: string };
  actor: { displayName: string };
  previewText: string;
}

export function describeNudgesJourney(texts: NudgesTexts): void {
  let emulator: RunningEmulator;
  let browser: TestBrowser;
  let pageErrors: string[];

  beforeAll(async () => {
    emulator = await startAppEmulator();
    browser = await launchBrowser({ locale: texts.locale });
    pageErrors = collectPageErrors(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  const feed = async (alias: string) =>
    (await emulator.admin('GET', `/teamwork/notifications?user=${alias}@mustergmbh.onmicrosoft.com`)) as FeedEntry[];
  const minutesNudges = async (alias: string) => (await feed(alias)).filter((n) => n.activityType === 'minutesAwaitingSignature');

  describe(`nudges, ${texts.locale}`, () => {
    it('notifies the CEO in Teams about unsigned minutes when the ISB opens the dashboard, and the link opens the reviews', async () => {
      const held = new Date(Date.now() - 20 * 86_400_000).toISOString();
      await createReviewRecords(gatewaysFor(emulator, 'jonas.weber@mustergmbh.onmicrosoft.com'), ISMS_SITE_URL).saveMinutes({
        ...emptyMinutes(held),
        decisions: [{ kind: 'improvement', text: texts.decision, passages: [] }],
      });

      const { page } = browser;
      await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
      await pickDemoUser(page, texts.demoUser, /Jonas Weber/);
      await visible(page.getByText(texts.notifiedCeo));
      await saveScreenshot(page, `nudges-dashboard-${texts.lang}`);
      // One line says that no review is booked, not two.
      await visible(page.getByText(texts.noReviewThisQuarter, { exact: true }));
      expect(await page.getByText(texts.noReviewBooked, { exact: true }).count()).toBe(0);

      const [nudge, ...more] = await minutesNudges('katrin.berger');
      expect(more).toEqual([]);
      expect(nudge).toMatchObject({ actor: { displayName: 'Jonas Weber' } });
      expect(nudge!.previewText).toContain(texts.preview);
      expect(sectionOfDeepLink(nudge!.topic.webUrl)).toBe('reviews');
      // Nobody notifies themselves: the ISB's own feed has no minutes nudge.
      expect(await minutesNudges('jonas.weber')).toEqual([]);

      // Opening again the same day sends nothing twice (the log is in SharePoint, not in this browser).
      await page.reload();
      await visible(page.getByRole('heading', { name: texts.dashboardHeading }).or(page.getByRole('heading', { level: 1 })).first());
      await page.waitForTimeout(500);
      expect(await minutesNudges('katrin.berger')).toHaveLength(1);

      // The CEO follows the link: Teams opens the tab's URL for the section the link names.
      const tab = new URL(new URL(nudge!.topic.webUrl).searchParams.get('webUrl')!);
      await page.goto(pageUrl(`${tab.pathname}${tab.search}`, emulator.url));
      await pickDemoUser(page, texts.demoUser, /Katrin Berger/);
      await visible(page.getByRole('heading', { name: texts.reviewsHeading, level: 1 }));
      // She lands on the minutes the notification names: listed although no series is booked, waiting for her.
      const past = page.getByRole('list', { name: texts.pastHeading });
      await visible(past.getByText(texts.awaitingYourSignature));
      await saveScreenshot(page, `nudges-followed-${texts.lang}`);
      await past.getByRole('button', { name: texts.readAndSign }).click();
      // The minutes she opened are the ones saved for that review: their decision is in the editor.
      expect(await (await visible(page.getByRole('textbox', { name: texts.decisionField }))).inputValue()).toBe(texts.decision);
      const sign = page.getByRole('button', { name: texts.signButton });
      await visible(sign);
      expect(await sign.isEnabled()).toBe(true);
      expect(pageErrors).toEqual([]);
    });
  });
}
