/**
 * Meeting artifacts as the service limits them:
 * - "List transcripts" (https://learn.microsoft.com/en-us/graph/api/onlinemeeting-list-transcripts),
 *   Error responses: when the tenant administrator turned off Graph API access to transcripts, the
 *   request returns 403 Forbidden with inner error code GraphAccessToTranscriptsDisabled.
 * - "List meetingAttendanceReports" (https://learn.microsoft.com/en-us/graph/api/meetingattendancereport-list):
 *   a report per session; "This method only returns up to 50 of the most recent reports."
 * - "meetingAttendanceReport resource type" (https://learn.microsoft.com/en-us/graph/api/resources/meetingattendancereport):
 *   "a one-year retention policy from the meeting date".
 */
import { startHarness, upn, type Harness } from './harness';

let h: Harness;
const DAY = 86_400_000;
const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

/** A weekly Teams series organized by `organizer`, first occurrence `firstDaysAgo` days ago at 09:00 UTC. */
async function weeklySeries(organizer: string, firstDaysAgo: number): Promise<{ eventId: string; meetingId: string; token: string; first: number }> {
  const token = await h.token(organizer);
  const first = today - firstDaysAgo * DAY + 9 * 3_600_000;
  const res = await h.graph('/me/events', {
    method: 'POST',
    token,
    body: {
      subject: 'Review',
      start: { dateTime: new Date(first).toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(first + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: upn('katrin.berger') } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: [new Date(first).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase()] }, range: { type: 'noEnd', startDate: dateOf(first) } },
    },
  });
  expect(res.status).toBe(201);
  const event = (await res.json()) as { id: string; onlineMeeting: { joinUrl: string } };
  const found = await json(await h.graph(`/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${event.onlineMeeting.joinUrl}'`)}`, { token }));
  return { eventId: event.id, meetingId: (found.value as { id: string }[])[0]!.id, token, first };
}

async function held(eventId: string, occurrenceStart: number, extra: Record<string, unknown> = {}): Promise<{ attendanceReportId: string; transcriptId: string | null }> {
  const res = await h.admin('POST', '/meetings/occurrence-held', {
    eventId,
    occurrenceStart: new Date(occurrenceStart).toISOString(),
    attendees: [{ user: 'katrin.berger', minutes: 20 }],
    ...extra,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { attendanceReportId: string; transcriptId: string | null };
}

describe('transcripts disabled by policy', () => {
  it('answers the documented 403 GraphAccessToTranscriptsDisabled while attendance reports stay readable', async () => {
    const s = await weeklySeries('jonas.weber', 14);
    const { transcriptId } = await held(s.eventId, s.first, { transcript: [{ speaker: 'Jonas Weber', text: 'Punkt a.' }] });
    const base = `/me/onlineMeetings/${s.meetingId}`;
    expect((await h.graph(`${base}/transcripts`, { token: s.token })).status).toBe(200);

    expect((await h.admin('PUT', '/meetings/transcript-access', { graphAccess: 'disabled' })).status).toBe(200);
    const refused = await h.graph(`${base}/transcripts`, { token: s.token });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { code: string; message: string; innerError: { code: string } } };
    expect(body.error).toMatchObject({ code: 'Forbidden', message: 'Graph API access to transcripts is disabled for this tenant.', innerError: { code: 'GraphAccessToTranscriptsDisabled' } });
    expect((await h.graph(`${base}/transcripts/${transcriptId}/content?$format=text/vtt`, { token: s.token })).status).toBe(403);
    // Attendance is another artifact: not affected.
    expect((await h.graph(`${base}/attendanceReports`, { token: s.token })).status).toBe(200);

    expect((await h.admin('PUT', '/meetings/transcript-access', { graphAccess: 'enabled' })).status).toBe(200);
    expect((await h.graph(`${base}/transcripts`, { token: s.token })).status).toBe(200);
  });

  it('can be switched off for one organizer only', async () => {
    const jonas = await weeklySeries('jonas.weber', 21);
    const thomas = await weeklySeries('thomas.schmidt', 21);
    await h.admin('PUT', '/meetings/transcript-access', { graphAccess: 'disabled', organizer: 'jonas.weber' });
    expect((await h.graph(`/me/onlineMeetings/${jonas.meetingId}/transcripts`, { token: jonas.token })).status).toBe(403);
    expect((await h.graph(`/me/onlineMeetings/${thomas.meetingId}/transcripts`, { token: thomas.token })).status).toBe(200);
    await h.admin('PUT', '/meetings/transcript-access', { graphAccess: 'enabled', organizer: 'jonas.weber' });
    expect((await h.graph(`/me/onlineMeetings/${jonas.meetingId}/transcripts`, { token: jonas.token })).status).toBe(200);
  });
});

describe('attendance reports', () => {
  it('keeps one report per session of the same occurrence', async () => {
    const s = await weeklySeries('sabine.koch', 7);
    const a = await held(s.eventId, s.first);
    const b = await held(s.eventId, s.first, { sessionStart: new Date(s.first + 25 * 60_000).toISOString() });
    const list = await json(await h.graph(`/me/onlineMeetings/${s.meetingId}/attendanceReports`, { token: s.token }));
    const rows = (list.value as { id: string; meetingStartDateTime: string }[]).map((r) => [r.id, r.meetingStartDateTime]);
    expect(rows).toEqual([
      [b.attendanceReportId, new Date(s.first + 25 * 60_000).toISOString()],
      [a.attendanceReportId, new Date(s.first).toISOString()],
    ]);
  });

  it('lists only the 50 most recent reports', async () => {
    const s = await weeklySeries('anna.mueller', 7);
    const ids: string[] = [];
    for (let i = 0; i < 53; i++) ids.push((await held(s.eventId, s.first, { sessionStart: new Date(s.first + i * 60_000).toISOString() })).attendanceReportId);
    const list = await json(await h.graph(`/me/onlineMeetings/${s.meetingId}/attendanceReports`, { token: s.token }));
    const listed = (list.value as { id: string }[]).map((r) => r.id);
    expect(listed).toHaveLength(50);
    expect(listed).toEqual(ids.slice(3).reverse());
    expect(list['@odata.nextLink']).toBeUndefined();
  });

  it('drops reports older than one year from the meeting date', async () => {
    const s = await weeklySeries('jonas.weber', 399);
    const old = await held(s.eventId, s.first);
    const recent = await held(s.eventId, s.first + 56 * 7 * DAY);
    const base = `/me/onlineMeetings/${s.meetingId}/attendanceReports`;
    const list = await json(await h.graph(base, { token: s.token }));
    expect((list.value as { id: string }[]).map((r) => r.id)).toEqual([recent.attendanceReportId]);
    expect((await h.graph(`${base}/${old.attendanceReportId}`, { token: s.token })).status).toBe(404);
    expect((await h.graph(`${base}/${old.attendanceReportId}/attendanceRecords`, { token: s.token })).status).toBe(404);
    expect((await h.graph(`${base}/${recent.attendanceReportId}/attendanceRecords`, { token: s.token })).status).toBe(200);
  });
});

describe('documented permissions', () => {
  // Least privileged delegated permissions, none higher: "Get onlineMeeting" (OnlineMeetings.Read; OnlineMeetings.ReadWrite),
  // "List meetingAttendanceReports" (OnlineMeetingArtifact.Read.All), "List transcripts" (OnlineMeetingTranscript.Read.All).
  it('serves each route to its least privileged scope alone and refuses the neighbouring ones', async () => {
    const s = await weeklySeries('thomas.schmidt', 28);
    const { attendanceReportId, transcriptId } = await held(s.eventId, s.first, { attendees: [{ user: 'thomas.schmidt', minutes: 20 }], transcript: [{ speaker: 'Thomas Schmidt', text: 'Ja.' }] });
    const base = `/me/onlineMeetings/${s.meetingId}`;
    const status = async (path: string, scopes: string[]) => (await h.graph(path, { token: await h.token('thomas.schmidt', scopes) })).status;
    expect(await status(base, ['OnlineMeetings.Read'])).toBe(200);
    expect(await status(base, ['OnlineMeetings.ReadWrite'])).toBe(200);
    expect(await status(base, ['OnlineMeetingArtifact.Read.All'])).toBe(403);
    for (const path of [`${base}/attendanceReports`, `${base}/attendanceReports/${attendanceReportId}`, `${base}/attendanceReports/${attendanceReportId}/attendanceRecords`]) {
      expect(await status(path, ['OnlineMeetingArtifact.Read.All'])).toBe(200);
      expect(await status(path, ['OnlineMeetings.ReadWrite', 'OnlineMeetingTranscript.Read.All'])).toBe(403);
    }
    for (const path of [`${base}/transcripts`, `${base}/transcripts/${transcriptId}/content`]) {
      expect(await status(path, ['OnlineMeetingTranscript.Read.All'])).toBe(200);
      expect(await status(path, ['OnlineMeetings.ReadWrite', 'OnlineMeetingArtifact.Read.All'])).toBe(403);
    }
  });
});
