/**
 * Meeting artifacts of a management review as Teams really keeps them, against a real emulator:
 * - "List transcripts" (https://learn.microsoft.com/en-us/graph/api/onlinemeeting-list-transcripts): an
 *   administrator can turn off Graph access to transcripts (403, inner code GraphAccessToTranscriptsDisabled);
 *   attendance must still be captured, and each artifact shows its own state.
 * - "List meetingAttendanceReports" (https://learn.microsoft.com/en-us/graph/api/meetingattendancereport-list):
 *   one report per session, the 50 most recent; "meetingAttendanceReport resource type": kept one year.
 */
import { createReviewsService, type ReviewsService } from '../../src/features/reviews/reviewsService';
import type { BookingRequest } from '../../src/features/reviews/booking';
import type { GraphEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
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

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const attendee = (alias: string, displayName: string) => ({ upn: upn(alias), displayName, lang: 'de' as const });

function request(firstDate: string): BookingRequest {
  return {
    firstDate,
    time: '10:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 90,
    attendees: [attendee('katrin.berger', 'Katrin Berger'), attendee('thomas.schmidt', 'Thomas Schmidt'), attendee('sabine.koch', 'Sabine Koch'), attendee('jonas.weber', 'Jonas Weber')],
    end: { type: 'none' },
  };
}

async function bookAsJonas(firstDate: string): Promise<{ service: ReviewsService; evidence: GraphEvidenceStore; eventId: string; past: string[] }> {
  await emulator.reset();
  const graph = gatewaysFor(emulator, 'jonas.weber');
  const evidence = browser(emulator).store('jonas.weber', JONAS);
  await evidence.provision();
  const service = createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  const series = await service.book(request(firstDate));
  const events = await graph.calendar.instances(series.value.eventId, new Date(`${firstDate}T00:00:00Z`), new Date());
  const past = events.filter((o) => Date.parse(o.end) <= Date.now()).map((o) => o.start);
  return { service, evidence, eventId: series.value.eventId, past };
}

const held = (eventId: string, occurrenceStart: string, body: Record<string, unknown>) =>
  emulator.admin<{ attendanceReportId: string; transcriptId: string | null }>('POST', '/meetings/occurrence-held', { eventId, occurrenceStart, ...body });

describe('attendance and transcript are separate artifacts', () => {
  it('captures attendance while transcripts are disabled by policy, and the transcript once access is back', async () => {
    const { service, evidence, eventId, past } = await bookAsJonas(daysAgo(120));
    const occurrence = past[0]!;
    await held(eventId, occurrence, {
      attendees: [{ user: 'jonas.weber', minutes: 90 }, { user: 'katrin.berger', minutes: 85 }],
      transcript: [{ speaker: 'Katrin Berger', text: 'Wir beschließen einen Notfalltest im Juni.' }],
    });
    await emulator.admin('PUT', '/meetings/transcript-access', { graphAccess: 'disabled' });

    const states = await service.captureArtifacts();
    expect(states.find((s) => s.occurrenceStart === occurrence)).toMatchObject({ attendance: 'captured', transcript: 'disabledByPolicy' });
    expect((await evidence.query({ types: ['meetingAttendance'] })).items).toHaveLength(1);
    expect((await evidence.query({ types: ['meetingTranscript'] })).items).toHaveLength(0);
    expect((await service.overview()).artifacts[occurrence]).toMatchObject({ attendance: 'captured', transcript: 'disabledByPolicy' });

    await emulator.admin('PUT', '/meetings/transcript-access', { graphAccess: 'enabled' });
    await service.captureArtifacts();
    expect((await service.overview()).artifacts[occurrence]).toMatchObject({ attendance: 'captured', transcript: 'captured' });
    expect((await service.transcript(occurrence))?.map((p) => p.text)).toEqual(['Wir beschließen einen Notfalltest im Juni.']);

    // Switched off again later: what is on file stays captured.
    await emulator.admin('PUT', '/meetings/transcript-access', { graphAccess: 'disabled' });
    expect((await service.captureArtifacts()).find((s) => s.occurrenceStart === occurrence)).toMatchObject({ transcript: 'disabledByPolicy' });
    expect((await service.overview()).artifacts[occurrence]).toMatchObject({ attendance: 'captured', transcript: 'captured' });
  });

  it('keeps every session of an occurrence that was left and rejoined', async () => {
    const { service, evidence, eventId, past } = await bookAsJonas(daysAgo(120));
    const occurrence = past[0]!;
    const rejoined = new Date(Date.parse(occurrence) + 40 * 60_000).toISOString();
    await held(eventId, occurrence, { attendees: [{ user: 'jonas.weber', minutes: 30 }, { user: 'katrin.berger', minutes: 30 }] });
    await held(eventId, occurrence, {
      sessionStart: rejoined,
      attendees: [{ user: 'jonas.weber', minutes: 45 }, { user: 'katrin.berger', minutes: 40 }, { user: 'thomas.schmidt', minutes: 20 }],
    });

    const state = (await service.captureArtifacts()).find((s) => s.occurrenceStart === occurrence)!;
    expect(state).toMatchObject({ attendance: 'captured', sessions: 2 });
    expect(state.attendees.map((a) => [a.displayName, a.seconds])).toEqual([
      ['Jonas Weber', 75 * 60],
      ['Katrin Berger', 70 * 60],
      ['Thomas Schmidt', 20 * 60],
    ]);
    const items = (await evidence.query({ types: ['meetingAttendance'] })).items;
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.sourceKey)).size).toBe(2);
    // The minutes are prefilled from both sessions.
    const minutes = (await service.overview()).minutes[new Date(occurrence).toISOString()]!;
    expect(minutes.value.participants.find((p) => p.displayName === 'Thomas Schmidt')).toMatchObject({ attendedSeconds: 20 * 60 });
  });

  it('looks back one year, as long as Teams keeps attendance reports', async () => {
    const { service, eventId, past } = await bookAsJonas(daysAgo(380));
    const older = past.find((s) => Date.parse(s) < Date.now() - 365 * 86_400_000)!;
    const recent = past[past.length - 1]!;
    expect(older).toBeDefined();
    await held(eventId, older, { attendees: [{ user: 'jonas.weber', minutes: 60 }] });
    await held(eventId, recent, { attendees: [{ user: 'jonas.weber', minutes: 60 }] });

    const states = await service.captureArtifacts();
    expect(states.map((s) => s.occurrenceStart)).not.toContain(older);
    expect(states.every((s) => Date.parse(s.occurrenceStart) >= Date.now() - 365 * 86_400_000)).toBe(true);
    expect(states.find((s) => s.occurrenceStart === recent)).toMatchObject({ attendance: 'captured' });
  });
});
