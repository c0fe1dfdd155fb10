import { graphErrorResponse, jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';
import { GraphForbiddenError } from '../pipeline/errors';

const series = {
  id: 'ev1',
  type: 'seriesMaster',
  subject: 'Management-Review',
  start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-10T10:30:00.0000000', timeZone: 'UTC' },
  isCancelled: false,
  isOrganizer: true,
  organizer: { emailAddress: { name: 'Jonas Weber', address: 'jonas.weber@x' } },
  attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Katrin Berger', address: 'katrin.berger@x' } }],
  recurrence: {
    pattern: { type: 'relativeMonthly', interval: 3, month: 0, dayOfMonth: 0, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday', index: 'second' },
    range: { type: 'noEnd', startDate: '2026-03-10', endDate: '0001-01-01', recurrenceTimeZone: 'Europe/Berlin', numberOfOccurrences: 0 },
  },
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0' },
  body: { contentType: 'html', content: '<h2>Tagesordnung</h2>' },
};

describe('calendar gateway', () => {
  it('creates a series with a Teams meeting, reads times as UTC and asks only for Calendars.ReadWrite', async () => {
    const { graph, calls, tokens } = gatewaysWith(() => jsonResponse(201, series));
    const event = await graph.calendar.create({
      subject: 'Management-Review',
      bodyHtml: '<h2>Tagesordnung</h2>',
      start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-10T11:30:00', timeZone: 'Europe/Berlin' },
      attendees: [{ address: 'katrin.berger@x', name: 'Katrin Berger', type: 'required' }],
      recurrence: { pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' }, range: { type: 'noEnd', startDate: '2026-03-10', recurrenceTimeZone: 'Europe/Berlin' } },
      teamsMeeting: true,
    });
    expect(event).toMatchObject({ id: 'ev1', type: 'seriesMaster', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:30:00.000Z', joinUrl: series.onlineMeeting.joinUrl });
    expect(event.recurrence?.pattern).toEqual({ type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' });
    const body = calls[0]!.json() as Record<string, unknown>;
    expect(body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', body: { contentType: 'html' } });
    expect(calls[0]!.headers.prefer).toBe('outlook.timezone="UTC"');
    expect(tokens.requests[0]?.scopes).toEqual(['Calendars.ReadWrite']);
  });

  it('asks for instances within a window', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, { value: [{ ...series, id: 'occ1', type: 'occurrence', recurrence: null, seriesMasterId: 'ev1' }] }));
    const occurrences = await graph.calendar.instances('ev1', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(occurrences.map((o) => [o.id, o.seriesMasterId])).toEqual([['occ1', 'ev1']]);
    expect(relativeCall(calls[0]!)).toBe('/me/events/ev1/instances?startDateTime=2026-01-01T00:00:00.000Z&endDateTime=2027-01-01T00:00:00.000Z&$top=100');
  });

  it('refuses an answer that is not in UTC instead of guessing', async () => {
    const { graph } = gatewaysWith(() => jsonResponse(200, { ...series, start: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'W. Europe Standard Time' } }));
    await expect(graph.calendar.get('ev1')).rejects.toThrow(/UTC/);
  });
});

describe('online meetings gateway', () => {
  it('filters by join URL with quotes doubled, and reads the organizer', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, { value: [{ id: 'm1', joinWebUrl: "https://t/x'y", participants: { organizer: { upn: 'jonas@x', identity: { user: { id: 'u1' } } } } }] }),
    );
    await expect(graph.onlineMeetings.findByJoinUrl("https://t/x'y")).resolves.toEqual({ id: 'm1', joinWebUrl: "https://t/x'y", organizerId: 'u1', organizerUpn: 'jonas@x' });
    expect(relativeCall(calls[0]!)).toBe("/me/onlineMeetings?$filter=JoinWebUrl eq 'https://t/x''y'");
    expect(tokens.requests[0]?.scopes).toEqual(['OnlineMeetings.Read']);
  });

  it('keeps a 403 on attendance reports a typed forbidden error', async () => {
    const { graph } = gatewaysWith(() => graphErrorResponse(403, 'Forbidden', 'not the organizer'));
    await expect(graph.onlineMeetings.attendanceReports('m1')).rejects.toBeInstanceOf(GraphForbiddenError);
  });

  it('downloads the transcript as WebVTT bytes with the transcript scope', async () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Katrin Berger>Hallo</v>\n';
    const { graph, calls, tokens } = gatewaysWith(() => new Response(vtt, { status: 200, headers: { 'Content-Type': 'text/vtt' } }));
    const bytes = await graph.onlineMeetings.transcriptContent('m1', 't1');
    expect(new TextDecoder().decode(bytes)).toBe(vtt);
    expect(relativeCall(calls[0]!)).toBe('/me/onlineMeetings/m1/transcripts/t1/content?$format=text/vtt');
    expect(tokens.requests[0]?.scopes).toEqual(['OnlineMeetingTranscript.Read.All']);
  });
});

describe('to do gateway', () => {
  it('creates a task with due date and link back', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(201, { id: 't1', title: 'Notfallplan testen', status: 'notStarted', dueDateTime: { dateTime: '2026-06-30T00:00:00.0000000', timeZone: 'UTC' }, linkedResources: [{ webUrl: 'https://app/x' }] }),
    );
    const task = await graph.todo.createTask('l1', { title: 'Notfallplan testen', dueDate: '2026-06-30', link: { webUrl: 'https://app/x', applicationName: 'Chefsache', displayName: 'Management-Review' } });
    expect(task).toEqual({ id: 't1', title: 'Notfallplan testen', status: 'notStarted', dueDate: '2026-06-30', linkUrl: 'https://app/x' });
    expect(calls[0]!.json()).toMatchObject({ dueDateTime: { dateTime: '2026-06-30T00:00:00', timeZone: 'Europe/Berlin' }, linkedResources: [{ applicationName: 'Chefsache' }] });
    expect(tokens.requests[0]?.scopes).toEqual(['Tasks.ReadWrite']);
  });
});
