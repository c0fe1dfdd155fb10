/**
 * Nudges (issue 15), de-DE: minutes of a past review wait for the CEO's signature; the ISB opens the dashboard,
 * which notifies top management in Teams (activity feed, emulator admin API). The CEO follows the notification's
 * link (its webUrl, the tab URL Teams falls back to) and lands in the reviews section. Opening the dashboard again
 * the same day sends nothing twice.
 */
import { emptyMinutes } from '../../src/features/reviews/minutes';
import { createReviewRecords } from '../../src/features/reviews/reviewRecords';
import { sectionOfDeepLink } from '../../src/features/nudges';
import { gatewaysFor, ISMS_SITE_URL } from '../integration/evidenceHarness';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { collectPageErrors, pickDemoUser, visible } from './support/page';

jest.setTimeout(180_000);

let emulator: RunningEmulator;
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

interface FeedEntry {
  activityType: string;
  topic: { webUrl: string };
  actor: { displayName: string };
  previewText: string;
}

const feed = async (alias: string) => (await emulator.admin('GET', `/teamwork/notifications?user=${alias}@mustergmbh.onmicrosoft.com`)) as FeedEntry[];

describe('nudges, de-DE', () => {
  it('notifies the CEO in Teams about unsigned minutes when the ISB opens the dashboard, and the link opens the reviews', async () => {
    const held = new Date(Date.now() - 20 * 86_400_000).toISOString();
    await createReviewRecords(gatewaysFor(emulator, 'jonas.weber@mustergmbh.onmicrosoft.com'), ISMS_SITE_URL).saveMinutes({ ...emptyMinutes(held), decisions: [{ kind: 'improvement', text: 'MFA für alle', passages: [] }] });

    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
    await visible(page.getByText(/In Teams benachrichtigt: .*Katrin Berger \(Protokoll wartet auf Unterschrift\)/));
    await saveScreenshot(page, 'nudges-dashboard-de');

    const [nudge, ...more] = (await feed('katrin.berger')).filter((n) => n.activityType === 'minutesAwaitingSignature');
    expect(more).toEqual([]);
    expect(nudge).toMatchObject({ actor: { displayName: 'Jonas Weber' } });
    expect(nudge!.previewText).toContain('wartet auf Ihre Unterschrift');
    expect(sectionOfDeepLink(nudge!.topic.webUrl)).toBe('reviews');
    // Nobody notifies themselves: the ISB's own feed has no minutes nudge.
    expect((await feed('jonas.weber')).filter((n) => n.activityType === 'minutesAwaitingSignature')).toEqual([]);

    // Opening again the same day sends nothing twice (the log is in SharePoint, not in this browser).
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Auditbereitschaft' }).or(page.getByRole('heading', { level: 1 })).first());
    await page.waitForTimeout(500);
    expect((await feed('katrin.berger')).filter((n) => n.activityType === 'minutesAwaitingSignature')).toHaveLength(1);

    // The CEO follows the link: Teams opens the tab's URL for the section the link names.
    const tab = new URL(new URL(nudge!.topic.webUrl).searchParams.get('webUrl')!);
    await browser.page.goto(pageUrl(`${tab.pathname}${tab.search}`, emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    await visible(page.getByRole('heading', { name: 'Managementbewertung', level: 1 }));
    await saveScreenshot(page, 'nudges-followed-de');
    expect(pageErrors).toEqual([]);
  });
});
