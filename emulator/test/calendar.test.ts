/** Calendar routes: events with recurrence and Teams meetings, instances, calendarView. */
import { loadFixture, shapeDifferences, startHarness, upn, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const quarterly = {
  subject: 'Management-Review Informationssicherheit',
  body: { contentType: 'html', content: '<h2>Tagesordnung</h2><ul><li>a) Stand der Maßnahmen</li></ul>' },
  start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-10T11:30:00', timeZone: 'Europe/Berlin' },
  attendees: [
    { type: 'required', emailAddress: { address: upn('katrin.berger'), name: 'Katrin Berger' } },
    { type: 'required', emailAddress: { address: upn('thomas.schmidt'), name: 'Thomas Schmidt' } },
  ],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  recurrence: {
    pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' },
    range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 4, recurrenceTimeZone: 'Europe/Berlin' },
  },
};

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function createSeries(token: string): Promise<Record<string, unknown>> {
  const res = await h.graph('/me/events', { method: 'POST', token, body: quarterly });
  expect(res.status).toBe(201);
  return json(res);
}

describe('POST /me/events', () => {
  it('creates an online meeting event shaped like the documented example, with a Teams join URL', async () => {
    const token = await h.token('jonas.weber');
    const single = { ...quarterly, recurrence: undefined };
    const res = await h.graph('/me/events', { method: 'POST', token, body: single });
    const fixture = loadFixture('calendar/event-create-online.json');
    expect(res.status).toBe(fixture.status);
    const body = await json(res);
    expect(shapeDifferences(body, fixture.body, false)).toEqual([]);
    expect(body.type).toBe('singleInstance');
    expect(body.isOrganizer).toBe(true);
    expect((body.onlineMeeting as { joinUrl: string }).joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3Ameeting_/i);
    expect(body.start).toEqual({ dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'Europe/Berlin' });
  });

  it('keeps the recurrence and answers GET in UTC unless outlook.timezone is preferred', async () => {
    const token = await h.token('jonas.weber');
    const created = await createSeries(token);
    expect(created.type).toBe('seriesMaster');
    const utc = await json(await h.graph(`/me/events/${String(created.id)}`, { token }));
    expect(utc.start).toEqual({ dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' });
    expect((utc.recurrence as { pattern: { index: string } }).pattern.index).toBe('second');
    const berlin = await json(await h.graph(`/me/events/${String(created.id)}`, { token, headers: { Prefer: 'outlook.timezone="Europe/Berlin"' } }));
    expect(berlin.start).toEqual({ dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'Europe/Berlin' });
  });

  it('refuses an unknown time zone and a missing window, like Outlook', async () => {
    const token = await h.token('jonas.weber');
    const res = await h.graph('/me/events', { method: 'POST', token, body: { ...quarterly, start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Mars/Olympus' } } });
    expect(res.status).toBe(400);
    const view = await h.graph('/me/calendarView', { token });
    expect(view.status).toBe(400);
    expect(((await json(view)).error as { code: string }).code).toBe('ErrorInvalidParameter');
  });

  it('needs Calendars.ReadWrite to create', async () => {
    const token = await h.token('jonas.weber', ['Calendars.Read']);
    const res = await h.graph('/me/events', { method: 'POST', token, body: quarterly });
    expect(res.status).toBe(403);
    expect(((await json(res)).error as { code: string }).code).toBe('ErrorAccessDenied');
  });
});

describe('occurrences', () => {
  it('expands the quarterly series on the second Tuesday, across summer time, and stops after the count', async () => {
    const token = await h.token('sabine.koch');
    const created = await createSeries(token);
    const res = await h.graph(
      `/me/events/${String(created.id)}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2028-01-01T00:00:00Z&$select=subject,bodyPreview,seriesMasterId,type,recurrence,start,end`,
      { token },
    );
    const fixture = loadFixture('calendar/event-list-instances.json');
    const body = await json(res);
    expect(res.status).toBe(200);
    expect(shapeDifferences(body, fixture.body, true)).toEqual([]);
    const value = body.value as { start: { dateTime: string }; seriesMasterId: string; type: string }[];
    expect(value.map((v) => v.start.dateTime)).toEqual([
      '2026-03-10T09:00:00.0000000',
      '2026-06-09T08:00:00.0000000',
      '2026-09-08T08:00:00.0000000',
      '2026-12-08T09:00:00.0000000',
    ]);
    expect(new Set(value.map((v) => v.seriesMasterId))).toEqual(new Set([created.id]));
  });

  it('shows occurrences in calendarView within the window and drops a cancelled occurrence', async () => {
    const token = await h.token('thomas.schmidt');
    const created = await createSeries(token);
    const window = 'startDateTime=2026-06-01T00:00:00Z&endDateTime=2026-10-01T00:00:00Z';
    const view = await json(await h.graph(`/me/calendarView?${window}`, { token }));
    const fixture = loadFixture('calendar/calendarview-list.json');
    expect(shapeDifferences(view, fixture.body, false)).toEqual([]);
    const occurrences = view.value as { id: string; type: string }[];
    expect(occurrences.map((o) => o.type)).toEqual(['occurrence', 'occurrence']);
    const cancel = await h.graph(`/me/events/${occurrences[0]!.id}/cancel`, { method: 'POST', token, body: { comment: 'Urlaub' } });
    expect(cancel.status).toBe(202);
    const after = await json(await h.graph(`/me/calendarView?${window}`, { token }));
    expect((after.value as unknown[]).length).toBe(1);
    expect((await h.graph(`/me/events/${String(created.id)}`, { token })).status).toBe(200);
  });

  it('moves the whole series on PATCH and hides the event from other mailboxes', async () => {
    const token = await h.token('katrin.berger');
    const created = await createSeries(token);
    const patched = await h.graph(`/me/events/${String(created.id)}`, {
      method: 'PATCH',
      token,
      body: {
        start: { dateTime: '2026-03-12T14:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-03-12T15:00:00', timeZone: 'Europe/Berlin' },
        recurrence: { ...quarterly.recurrence, pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 12 }, range: { type: 'noEnd', startDate: '2026-03-12', recurrenceTimeZone: 'Europe/Berlin' } },
      },
    });
    expect(patched.status).toBe(200);
    const inst = await json(await h.graph(`/me/events/${String(created.id)}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-07-01T00:00:00Z`, { token, headers: { Prefer: 'outlook.timezone="Europe/Berlin"' } }));
    expect((inst.value as { start: { dateTime: string } }[]).map((v) => v.start.dateTime)).toEqual(['2026-03-12T14:00:00.0000000', '2026-06-12T14:00:00.0000000']);
    const other = await h.graph(`/me/events/${String(created.id)}`, { token: await h.token('anna.mueller') });
    expect(other.status).toBe(404);
    expect((await h.graph(`/me/events/${String(created.id)}`, { method: 'DELETE', token })).status).toBe(204);
    expect((await h.graph(`/me/events/${String(created.id)}`, { token })).status).toBe(404);
  });
});

/**
 * Update event, "body property and online meetings" (https://learn.microsoft.com/en-us/graph/api/event-update?view=graph-rest-1.0):
 * "Before updating the body of an event that has been set up as an online meeting, be sure to first get the body
 * property, apply the appropriate changes to the content, and preserve the meeting blob for online meeting.
 * Inadvertently removing the meeting blob from the body would disable meeting online."
 * event resource type: isOnlineMeeting is "True if this event has online meeting information, false otherwise."
 */
describe('the Teams meeting blob in the body', () => {
  it('is written into the body of an online meeting, with the join link, like Outlook does', async () => {
    const token = await h.token('jonas.weber');
    const created = await createSeries(token);
    const joinUrl = joinUrlOf(created)!;
    expect(contentOf(created)).toContain('<h2>Tagesordnung</h2>');
    expect(contentOf(created)).toContain(`href="${joinUrl}"`);
    expect(String(created.bodyPreview)).toContain('Join Microsoft Teams Meeting');
  });

  it('keeps the meeting when the new body keeps the blob, and loses it when the body is replaced without it', async () => {
    const token = await h.token('jonas.weber');
    const created = await createSeries(token);
    const id = String(created.id);
    const joinUrl = joinUrlOf(created)!;
    const patch = (body: unknown) => h.graph(`/me/events/${id}`, { method: 'PATCH', token, body });

    const subjectOnly = await json(await patch({ subject: 'Management-Review (verschoben)' }));
    expect(joinUrlOf(subjectOnly)).toBe(joinUrl);
    const kept = await json(await patch({ body: { contentType: 'html', content: contentOf(created).replace('Stand der Maßnahmen', 'Stand der Maßnahmen (neu)') } }));
    expect(joinUrlOf(kept)).toBe(joinUrl);
    expect(kept.isOnlineMeeting).toBe(true);

    const replaced = await patch({ body: { contentType: 'html', content: '<h2>Tagesordnung</h2><ul><li>a) neu</li></ul>' } });
    expect(replaced.status).toBe(200);
    const lost = await json(await h.graph(`/me/events/${id}`, { token }));
    expect(lost.onlineMeeting).toBeNull();
    expect(lost.isOnlineMeeting).toBe(false);
    expect(contentOf(lost)).not.toContain('meetup-join');

    // Setting isOnlineMeeting again makes a new meeting with a new join URL (the old link is gone for good).
    const again = await json(await patch({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }));
    expect(again.isOnlineMeeting).toBe(true);
    expect(joinUrlOf(again)).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(joinUrlOf(again)).not.toBe(joinUrl);
    expect(contentOf(again)).toContain(`href="${joinUrlOf(again)!}"`);
  });
});

describe('GET /me/calendar and the online meeting providers of a mailbox', () => {
  it('answers the documented shape with Teams allowed by default', async () => {
    const token = await h.token('sabine.koch');
    const res = await h.graph('/me/calendar', { token });
    const fixture = loadFixture('calendar/calendar-get.json');
    expect(res.status).toBe(fixture.status);
    const body = await json(res);
    expect(shapeDifferences(body, fixture.body, true)).toEqual([]);
    expect(body).toMatchObject({ allowedOnlineMeetingProviders: ['teamsForBusiness'], defaultOnlineMeetingProvider: 'teamsForBusiness', owner: { address: upn('sabine.koch') } });
  });

  // A calendar that cannot create Teams meetings still creates the event, without a meeting
  // (201, isOnlineMeeting false, onlineMeetingProvider unknown: microsoftgraph/microsoft-graph-docs-contrib#4625, #1027).
  it('creates the event without a Teams meeting when the calendar does not allow Teams (admin setting per mailbox)', async () => {
    const set = await h.admin('PATCH', `/calendar/mailboxes/${upn('anna.mueller')}`, { allowedOnlineMeetingProviders: [] });
    expect(set.status).toBe(200);
    const token = await h.token('anna.mueller');
    const calendar = await json(await h.graph('/me/calendar?$select=allowedOnlineMeetingProviders,defaultOnlineMeetingProvider', { token }));
    expect(calendar).toMatchObject({ allowedOnlineMeetingProviders: [], defaultOnlineMeetingProvider: 'unknown' });
    const res = await h.graph('/me/events', { method: 'POST', token, body: quarterly });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null });
    expect(contentOf(created)).not.toContain('meetup-join');
    // Other mailboxes keep Teams.
    expect(joinUrlOf(await createSeries(await h.token('thomas.schmidt')))).toBeTruthy();
  });

  it('refuses an onlineMeetingProvider that is not a provider', async () => {
    const res = await h.graph('/me/events', { method: 'POST', token: await h.token('jonas.weber'), body: { ...quarterly, onlineMeetingProvider: 'zoom' } });
    expect(res.status).toBe(400);
  });
});

function contentOf(e: Record<string, unknown>): string {
  return (e.body as { content: string }).content;
}
function joinUrlOf(e: Record<string, unknown>): string | undefined {
  return (e.onlineMeeting as { joinUrl: string } | null)?.joinUrl;
}
