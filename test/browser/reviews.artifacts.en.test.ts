/**
 * Past reviews in the Teams tab (en-US) when Teams keeps the artifacts apart: the occurrence had two
 * sessions (two attendance reports, "List meetingAttendanceReports",
 * https://learn.microsoft.com/en-us/graph/api/meetingattendancereport-list) and the administrator turned
 * off Graph access to transcripts (403 GraphAccessToTranscriptsDisabled, "List transcripts",
 * https://learn.microsoft.com/en-us/graph/api/onlinemeeting-list-transcripts). Attendance is still
 * captured; each artifact shows its own state.
 */
import { createReviewsService } from '../../src/features/reviews/reviewsService';
import { gatewaysFor, ISMS_SITE_URL } from '../integration/evidenceHarness';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';

jest.setTimeout(180_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'en-US' });
  pageErrors = collectPageErrors(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

const upn = (alias: string) => `${alias}@mustergmbh.onmicrosoft.com`;
const attendee = (alias: string, displayName: string) => ({ upn: upn(alias), displayName, lang: 'en' as const });

describe('past reviews, en-US', () => {
  it('shows attendance of both sessions as captured while transcripts are turned off by the administrator', async () => {
    const graph = gatewaysFor(emulator, 'jonas.weber');
    const evidence = storeAs(emulator, 'jonas');
    await evidence.provision();
    const service = createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
    const firstDate = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const series = await service.book({
      firstDate,
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      attendees: [attendee('katrin.berger', 'Katrin Berger'), attendee('thomas.schmidt', 'Thomas Schmidt'), attendee('sabine.koch', 'Sabine Koch'), attendee('jonas.weber', 'Jonas Weber')],
      end: { type: 'none' },
    });
    const [first] = await graph.calendar.instances(series.value.eventId, new Date(`${firstDate}T00:00:00Z`), new Date());
    const start = first!.start;
    const session = (sessionStart: string, minutes: number) =>
      emulator.admin('POST', '/meetings/occurrence-held', {
        eventId: series.value.eventId,
        occurrenceStart: start,
        sessionStart,
        attendees: [{ user: 'jonas.weber', minutes }, { user: 'katrin.berger', minutes }],
        transcript: [{ speaker: 'Katrin Berger', text: 'Budget approved.' }],
      });
    await session(start, 30);
    await session(new Date(Date.parse(start) + 45 * 60_000).toISOString(), 40);
    await emulator.admin('PUT', '/meetings/transcript-access', { graphAccess: 'disabled' });

    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=reviews', emulator.url));
    await pickDemoUser(page, 'Demo user', /Jonas Weber/);
    const past = await visible(page.getByRole('list', { name: 'Past reviews' }));
    await visible(past.getByText('2 sessions, all captured as evidence'));
    await visible(past.getByText('Katrin Berger: 70 min'));
    await visible(past.getByText('fetching transcripts is turned off by the administrator').first());
    await saveScreenshot(page, 'reviews-artifacts-policy-en');
    expect((await evidence.query({ types: ['meetingAttendance'] })).items).toHaveLength(2);
    expect((await evidence.query({ types: ['meetingTranscript'] })).items).toHaveLength(0);
    expect(pageErrors).toEqual([]);
  });
});
