/**
 * The review series' Teams meeting against a real emulator. Outlook keeps the meeting in a blob in
 * the event body; a body replaced without it disables the meeting (Microsoft Learn, "Update event",
 * https://learn.microsoft.com/en-us/graph/api/event-update?view=graph-rest-1.0, "body property and
 * online meetings"). Rewriting the agenda and rescheduling must keep the join link; a calendar
 * that may not create Teams meetings (allowedOnlineMeetingProviders on GET /me/calendar) must not
 * end up with a series booked without a link.
 */
import { createReviewsService, type ReviewsService } from '../../src/features/reviews/reviewsService';
import type { BookingRequest } from '../../src/features/reviews/booking';
import type { PersonRef } from '../../src/domain';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

function session(user: string, person: PersonRef): { service: ReviewsService; graph: ReturnType<typeof gatewaysFor> } {
  const graph = gatewaysFor(emulator, user);
  const evidence = browser(emulator).store(user, person);
  return { graph, service: createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' }) };
}

const attendee = (alias: string, displayName: string) => ({ upn: upn(alias), displayName, lang: 'de' as const });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function request(firstDate: string, time = '10:00'): BookingRequest {
  return {
    firstDate,
    time,
    timeZone: 'Europe/Berlin',
    durationMinutes: 90,
    attendees: [attendee('katrin.berger', 'Katrin Berger'), attendee('thomas.schmidt', 'Thomas Schmidt'), attendee('sabine.koch', 'Sabine Koch'), attendee('jonas.weber', 'Jonas Weber')],
    end: { type: 'none' },
  };
}

describe('the Teams meeting of the review series', () => {
  it('keeps its join link when the agenda is refreshed and when the series is rescheduled', async () => {
    const jonas = session('jonas.weber', JONAS);
    const series = await jonas.service.book(request(daysAgo(120)));
    const joinUrl = series.value.joinUrl!;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const eventId = series.value.eventId;

    // The organizer adds a note in Outlook below the agenda; it stays, like the meeting blob.
    const booked = await jonas.graph.calendar.get(eventId);
    await jonas.graph.calendar.update(eventId, { bodyHtml: `${booked.bodyHtml!}<p>Raum 3.14, bitte pünktlich</p>` });

    // An open action changes input a): refreshAgenda rewrites the agenda block only.
    const held = (await jonas.service.overview()).past.at(-1)!;
    await jonas.service.saveMinutes(held, { actions: [{ id: 'a1', title: 'Notfallplan testen', owner: { upn: upn('thomas.schmidt'), displayName: 'Thomas Schmidt' }, dueDate: daysAgo(-60) }] });
    expect(await jonas.service.refreshAgenda()).toBe(true);
    const refreshed = await jonas.graph.calendar.get(eventId);
    expect(refreshed.joinUrl).toBe(joinUrl);
    expect(refreshed.bodyHtml).toContain('Notfallplan testen (verantwortlich: Thomas Schmidt');
    expect(refreshed.bodyHtml).toContain(`href="${joinUrl}"`);
    expect(refreshed.bodyHtml).toContain('Raum 3.14, bitte pünktlich');
    expect(refreshed.bodyHtml!.split('Tagesordnung').length).toBe(booked.bodyHtml!.split('Tagesordnung').length);

    // Rescheduling (new time, same agenda) keeps the same Teams meeting.
    const moved = await jonas.service.reschedule(request(series.value.firstDate, '14:00'));
    const after = await jonas.graph.calendar.get(eventId);
    expect(after.joinUrl).toBe(joinUrl);
    expect(moved.value.joinUrl).toBe(joinUrl);
    expect(after.bodyHtml).toContain(`href="${joinUrl}"`);
    expect(after.bodyHtml).toContain('Notfallplan testen');
    expect(new Date(after.start).toISOString()).toMatch(/T1[23]:00:00/);
  }, 60_000);

  it('does not book a series without a join link when the calendar may not create Teams meetings, and names the reason', async () => {
    await emulator.admin('PATCH', `/calendar/mailboxes/${upn('jonas.weber')}`, { allowedOnlineMeetingProviders: [] });
    const jonas = session('jonas.weber', JONAS);
    await expect(jonas.service.book(request(daysAgo(10)))).rejects.toMatchObject({ name: 'ReviewsError', reason: 'teamsNotAllowed' });
    expect((await jonas.service.overview()).series).toBeUndefined();
    // The series Outlook created without a link was withdrawn again.
    const now = new Date();
    expect(await jonas.graph.calendar.calendarView(new Date(now.getTime() - 30 * 86_400_000), new Date(now.getTime() + 400 * 86_400_000))).toEqual([]);
  }, 60_000);
});
