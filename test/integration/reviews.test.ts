/**
 * Management reviews against a real emulator: book the quarterly series as the ISB, hold an
 * occurrence, capture attendance and transcript as evidence, write and sign minutes (CEO only),
 * find the PDF with a matching hash, action items in the owner's To Do, open ones on the agenda.
 */
import { sha256Hex } from '../../src/domain';
import { createReviewsService, MinutesNotAllowedError, type ReviewsService } from '../../src/features/reviews/reviewsService';
import { ReviewsError } from '../../src/features/reviews/errors';
import type { BookingRequest } from '../../src/features/reviews/booking';
import type { GraphEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, KATRIN, THOMAS } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';
import type { PersonRef } from '../../src/domain';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

interface Session {
  service: ReviewsService;
  evidence: GraphEvidenceStore;
  graph: ReturnType<typeof gatewaysFor>;
}

function session(user: string, person: PersonRef): Session {
  const graph = gatewaysFor(emulator, user);
  const evidence = browser(emulator).store(user, person);
  const service = createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  return { service, evidence, graph };
}

const attendee = (alias: string, displayName: string) => ({ upn: upn(alias), displayName, lang: 'de' as const });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function request(firstDate: string): BookingRequest {
  return {
    firstDate,
    time: '10:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 90,
    attendees: [
      attendee('katrin.berger', 'Katrin Berger'),
      attendee('thomas.schmidt', 'Thomas Schmidt'),
      attendee('sabine.koch', 'Sabine Koch'),
      attendee('jonas.weber', 'Jonas Weber'),
    ],
    end: { type: 'none' },
  };
}

describe('a management review from booking to signed minutes', () => {
  it('books, captures, minutes, signs, tracks actions', async () => {
    await emulator.reset();
    const jonas = session('jonas.weber', JONAS);
    await jonas.evidence.provision();

    // Booking: one series, agenda in the body, booking evidence; a second booking is refused.
    const missing = jonas.service.book({ ...request(daysAgo(120)), attendees: [attendee('jonas.weber', 'Jonas Weber')] });
    await expect(missing).rejects.toMatchObject({ reason: 'missingAttendees' });
    const series = await jonas.service.book(request(daysAgo(120)));
    const event = await jonas.graph.calendar.get(series.value.eventId);
    expect(event.type).toBe('seriesMaster');
    expect(event.bodyHtml).toContain('Stand der Maßnahmen aus früheren Management-Reviews');
    expect(event.recurrence?.pattern).toMatchObject({ type: 'relativeMonthly', interval: 3 });
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    await expect(jonas.service.book(request(daysAgo(10)))).rejects.toBeInstanceOf(ReviewsError);
    const overview = await jonas.service.overview();
    expect(overview.past.length).toBeGreaterThanOrEqual(1);
    expect(overview.upcoming).toHaveLength(4);
    const bookings = await jonas.evidence.query({ types: ['reviewBooking'] });
    expect(bookings.items.map((i) => i.scheduledFor)).toContain(overview.upcoming[0]);

    // The oldest past occurrence took place (with transcript); the other one has no artifacts.
    const held = [...overview.past].sort()[0]!;
    const res = await emulator.admin<{ attendanceReportId: string; transcriptId: string | null }>('POST', '/meetings/occurrence-held', {
      eventId: series.value.eventId,
      occurrenceStart: held,
      attendees: [
        { user: 'jonas.weber', minutes: 90 },
        { user: 'katrin.berger', minutes: 85 },
        { user: 'thomas.schmidt', minutes: 40, joinAfterMinutes: 30 },
      ],
      transcript: [
        { speaker: 'Jonas Weber', text: 'Die Phishing-Quote ist auf 3 % gesunken.' },
        { speaker: 'Katrin Berger', text: 'Wir beschließen einen Notfalltest im Juni.' },
      ],
    });
    expect(res.transcriptId).not.toBeNull();

    const states = await jonas.service.captureArtifacts();
    const first = states.find((s) => s.occurrenceStart === held)!;
    expect(first).toMatchObject({ attendance: 'captured', transcript: 'captured' });
    expect(first.attendees.map((a) => [a.displayName, a.seconds])).toEqual([
      ['Jonas Weber', 5400],
      ['Katrin Berger', 5100],
      ['Thomas Schmidt', 2400],
    ]);
    expect(states.filter((s) => s.occurrenceStart !== held).every((s) => s.attendance === 'missing' && s.transcript === 'missing')).toBe(true);
    const transcriptItem = (await jonas.evidence.query({ types: ['meetingTranscript'] })).items[0]!;
    expect(transcriptItem.contentSha256).toBe(await sha256Hex(await jonas.evidence.content(transcriptItem)));
    // A second run captures nothing new.
    await jonas.service.captureArtifacts();
    expect((await jonas.evidence.query({ types: ['meetingAttendance', 'meetingTranscript'] })).items).toHaveLength(2);

    // Minutes: prefilled participants; transcript passages; decisions; an action for Thomas.
    const prefilled = (await jonas.service.overview()).minutes[held]!;
    expect(prefilled.value.participants.find((p) => p.displayName === 'Katrin Berger')).toMatchObject({ attendedSeconds: 5100, topManagement: true });
    const passages = (await jonas.service.transcript(held))!;
    expect(passages.map((p) => p.speaker)).toEqual(['Jonas Weber', 'Katrin Berger']);
    await jonas.service.saveMinutes(held, {
      inputs: { ...prefilled.value.inputs, d: 'Phishing-Quote gesunken.' },
      inputPassages: { d: [passages[0]!] },
      decisions: [{ kind: 'improvement', text: 'Notfalltest im Juni', passages: [passages[1]!] }],
      actions: [{ id: 'a1', title: 'Notfallplan testen', owner: { upn: upn('thomas.schmidt'), displayName: 'Thomas Schmidt' }, dueDate: daysAgo(-60) }],
    });

    // Only top management signs.
    await expect(jonas.service.sign(held, 'de')).rejects.toBeInstanceOf(MinutesNotAllowedError);
    const katrin = session('katrin.berger', KATRIN);
    // SharePoint writes document properties into the PDF it stores (property promotion).
    await emulator.admin('PUT', '/drive/property-promotion', { enabled: true });
    const signed = await katrin.service.sign(held, 'de');
    expect(signed.value.signature).toMatchObject({ by: { displayName: 'Katrin Berger' }, version: 1 });
    const pdfItem = await katrin.evidence.get(signed.value.signature!.evidenceId!);
    expect(pdfItem.type).toBe('reviewMinutes');
    const pdf = await katrin.evidence.content(pdfItem);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(pdfItem.contentSha256).toBe(await sha256Hex(pdf));
    expect(pdfItem.contentSentSha256).not.toBe(pdfItem.contentSha256);
    expect(await katrin.evidence.verify([pdfItem.id])).toMatchObject([{ ok: true }]);
    await emulator.admin('PUT', '/drive/property-promotion', { enabled: false });
    await expect(katrin.service.sign(held, 'de')).rejects.toBeInstanceOf(MinutesNotAllowedError);

    // Thomas opens the app: the task lands in his To Do with a link back; status comes back.
    const thomas = session('thomas.schmidt', THOMAS);
    expect(await thomas.service.syncActions()).toBe(1);
    const lists = await thomas.graph.todo.lists();
    const list = lists.find((l) => l.displayName === 'Chefsache')!;
    const [task] = await thomas.graph.todo.tasks(list.id);
    expect(task).toMatchObject({ title: 'Notfallplan testen', status: 'notStarted', linkUrl: 'https://localhost:5173/teams/?view=reviews' });
    expect((await jonas.service.overview()).openActions.map((a) => a.title)).toEqual(['Notfallplan testen']);

    // The next review's agenda lists the open action (rescheduling rewrites the invitation).
    await jonas.service.reschedule(request(series.value.firstDate));
    expect((await jonas.graph.calendar.get(series.value.eventId)).bodyHtml).toContain('Notfallplan testen (verantwortlich: Thomas Schmidt');

    await thomas.graph.todo.setStatus(list.id, task!.id, 'completed');
    expect(await thomas.service.syncActions()).toBe(1);
    expect((await jonas.service.overview()).openActions).toEqual([]);

    // A change based on an outdated version is refused, not written over someone else's.
    const current = (await jonas.service.overview()).minutes[held]!;
    await katrin.service.saveMinutes(held, { inputs: { ...current.value.inputs, e: 'Kundenfeedback' } }, current.etag);
    await expect(jonas.service.saveMinutes(held, { inputs: { ...current.value.inputs, f: 'Risiken' } }, current.etag)).rejects.toMatchObject({ kind: 'preconditionFailed' });

    // A later change makes a new version that needs signing again; the old signature stays in history.
    const changed = (await jonas.service.overview()).minutes[held]!;
    expect(changed.value.inputs.e).toBe('Kundenfeedback');
    expect(changed.value.version).toBe(2);
    expect(changed.value.signature).toBeUndefined();
    expect(changed.value.history.map((h) => h.version)).toEqual([1]);

    // Cancel: the series is gone from the calendar and the tab offers booking again.
    await jonas.service.cancel('Neuplanung');
    await expect(jonas.graph.calendar.get(series.value.eventId)).rejects.toMatchObject({ kind: 'notFound' });
    expect((await jonas.service.overview()).series).toBeUndefined();
  }, 60_000);
});
