/** Online meetings, attendance reports, transcripts and the "occurrence took place" admin action. */
import { loadFixture, shapeDifferences, startHarness, upn, type Harness } from './harness';

let h: Harness;
let isb: string;
let event: { id: string; onlineMeeting: { joinUrl: string } };
const firstStart = '2026-03-10T09:00:00.000Z';

beforeAll(async () => {
  h = await startHarness();
  isb = await h.token('jonas.weber');
  const res = await h.graph('/me/events', {
    method: 'POST',
    token: isb,
    body: {
      subject: 'Management-Review',
      start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-10T11:00:00', timeZone: 'Europe/Berlin' },
      attendees: [{ type: 'required', emailAddress: { address: upn('katrin.berger') } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' },
        range: { type: 'noEnd', startDate: '2026-03-10', recurrenceTimeZone: 'Europe/Berlin' },
      },
    },
  });
  event = (await res.json()) as typeof event;
});
afterAll(() => h.stop());

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

const byJoinUrl = (url: string) => `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${url}'`)}`;

async function meetingId(token = isb): Promise<string> {
  const body = await json(await h.graph(byJoinUrl(event.onlineMeeting.joinUrl), { token }));
  return (body.value as { id: string }[])[0]!.id;
}

describe('GET /me/onlineMeetings', () => {
  it('finds the meeting of the event by its join URL, shaped like the documented example', async () => {
    const res = await h.graph(byJoinUrl(event.onlineMeeting.joinUrl), { token: isb });
    const fixture = loadFixture('meetings/onlinemeeting-get-by-joinweburl.json');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(shapeDifferences(body, fixture.body, false)).toEqual([]);
    const [m] = body.value as { joinWebUrl: string; participants: { organizer: { upn: string }; attendees: { upn: string }[] } }[];
    expect(m!.joinWebUrl).toBe(event.onlineMeeting.joinUrl);
    expect(m!.participants.organizer.upn).toBe(upn('jonas.weber'));
    expect(m!.participants.attendees.map((a) => a.upn)).toEqual([upn('katrin.berger')]);
  });

  it('shows the meeting to an attendee but not to someone outside it, and needs the filter', async () => {
    expect(((await json(await h.graph(byJoinUrl(event.onlineMeeting.joinUrl), { token: await h.token('katrin.berger') }))).value as unknown[]).length).toBe(1);
    expect(((await json(await h.graph(byJoinUrl(event.onlineMeeting.joinUrl), { token: await h.token('anna.mueller') }))).value as unknown[]).length).toBe(0);
    expect((await h.graph('/me/onlineMeetings', { token: isb })).status).toBe(400);
  });
});

describe('an occurrence took place', () => {
  it('produces the attendance report and the transcript for the organizer', async () => {
    const held = await h.admin('POST', '/meetings/occurrence-held', {
      eventId: event.id,
      occurrenceStart: firstStart,
      attendees: [
        { user: 'jonas.weber', minutes: 60 },
        { user: 'katrin.berger', minutes: 45, joinAfterMinutes: 5 },
      ],
      transcript: [
        { speaker: 'Jonas Weber', text: 'Zu Punkt a: zwei Maßnahmen sind offen.' },
        { speaker: 'Katrin Berger', text: 'Wir geben das Budget für die Schulung frei.' },
      ],
    });
    expect(held.status).toBe(201);
    const { attendanceReportId, transcriptId } = (await held.json()) as { attendanceReportId: string; transcriptId: string };
    const id = await meetingId();

    const list = await json(await h.graph(`/me/onlineMeetings/${id}/attendanceReports`, { token: isb }));
    expect((list.value as { id: string; meetingStartDateTime: string }[]).map((r) => [r.id, r.meetingStartDateTime])).toEqual([[attendanceReportId, firstStart]]);

    const report = await h.graph(`/me/onlineMeetings/${id}/attendanceReports/${attendanceReportId}?$expand=attendanceRecords`, { token: isb });
    const fixture = loadFixture('meetings/attendancereport-get-expand.json');
    const body = await json(report);
    expect(shapeDifferences(body, fixture.body, false)).toEqual([]);
    const records = body.attendanceRecords as { emailAddress: string; totalAttendanceInSeconds: number; role: string }[];
    expect(records.map((r) => [r.emailAddress, r.totalAttendanceInSeconds, r.role])).toEqual([
      [upn('jonas.weber'), 3600, 'Organizer'],
      [upn('katrin.berger'), 2700, 'Attendee'],
    ]);
    const separately = await json(await h.graph(`/me/onlineMeetings/${id}/attendanceReports/${attendanceReportId}/attendanceRecords`, { token: isb }));
    expect((separately.value as unknown[]).length).toBe(2);

    const transcripts = await json(await h.graph(`/me/onlineMeetings/${id}/transcripts`, { token: isb }));
    expect(shapeDifferences(transcripts, loadFixture('meetings/transcript-list.json').body, true)).toEqual([]);
    expect((transcripts.value as { id: string }[])[0]!.id).toBe(transcriptId);
    const content = await h.graph(`/me/onlineMeetings/${id}/transcripts/${transcriptId}/content?$format=text/vtt`, { token: isb });
    expect(content.headers.get('content-type')).toContain('text/vtt');
    const vtt = await content.text();
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt).toContain('<v Katrin Berger>Wir geben das Budget für die Schulung frei.</v>');
  });

  it('keeps artifacts to the organizer and the right scope', async () => {
    const id = await meetingId();
    expect((await h.graph(`/me/onlineMeetings/${id}/attendanceReports`, { token: await h.token('katrin.berger') })).status).toBe(403);
    expect((await h.graph(`/me/onlineMeetings/${id}/transcripts`, { token: await h.token('jonas.weber', ['OnlineMeetings.Read']) })).status).toBe(403);
  });

  it('refuses a start that is not an occurrence of the series, and unknown people', async () => {
    const wrongDay = await h.admin('POST', '/meetings/occurrence-held', { eventId: event.id, occurrenceStart: '2026-03-11T09:00:00Z', attendees: [{ user: 'jonas.weber', minutes: 10 }] });
    expect(wrongDay.status).toBe(400);
    const stranger = await h.admin('POST', '/meetings/occurrence-held', { eventId: event.id, occurrenceStart: '2026-06-09T08:00:00Z', attendees: [{ user: 'nobody', minutes: 10 }] });
    expect(stranger.status).toBe(400);
  });

  it('records an occurrence without a transcript: the transcript list stays empty', async () => {
    const held = await h.admin('POST', '/meetings/occurrence-held', { eventId: event.id, occurrenceStart: '2026-06-09T08:00:00Z', attendees: [{ user: 'jonas.weber', minutes: 30 }] });
    expect(held.status).toBe(201);
    expect(((await held.json()) as { transcriptId: string | null }).transcriptId).toBeNull();
    const id = await meetingId();
    const reports = await json(await h.graph(`/me/onlineMeetings/${id}/attendanceReports`, { token: isb }));
    expect((reports.value as unknown[]).length).toBe(2);
    expect(((await json(await h.graph(`/me/onlineMeetings/${id}/transcripts`, { token: isb }))).value as unknown[]).length).toBe(1);
  });
});
