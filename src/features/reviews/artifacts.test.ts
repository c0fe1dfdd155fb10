import { GraphForbiddenError } from '../../graph';
import type { AttendanceRecord, AttendanceReportSummary, CalendarEvent, OnlineMeetingsGateway, TranscriptInfo } from '../../graph';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { captureArtifacts, matchReports, matchTranscripts } from './artifacts';

const jonas = { upn: 'jonas.weber@x', displayName: 'Jonas Weber' };
const now = new Date('2026-07-01T12:00:00Z');
const occ = (start: string, end: string): CalendarEvent => ({ id: `occ-${start}`, type: 'occurrence', subject: 'Review', start, end, isCancelled: false, isOrganizer: true, attendees: [], seriesMasterId: 'ev1' });
const march = occ('2026-03-10T09:00:00.000Z', '2026-03-10T10:30:00.000Z');
const june = occ('2026-06-09T08:00:00.000Z', '2026-06-09T09:30:00.000Z');

function fakeMeetings(overrides: Partial<OnlineMeetingsGateway> = {}) {
  const reports: AttendanceReportSummary[] = [{ id: 'r1', meetingStartDateTime: '2026-03-10T09:02:00.000Z', meetingEndDateTime: '2026-03-10T10:31:00.000Z', totalParticipantCount: 2 }];
  const records: AttendanceRecord[] = [
    { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@x', userId: 'k1', role: 'Attendee', totalAttendanceInSeconds: 5100, intervals: [] },
    { displayName: 'Jonas Weber', emailAddress: 'jonas.weber@x', userId: 'j1', role: 'Organizer', totalAttendanceInSeconds: 5400, intervals: [] },
  ];
  const transcripts: TranscriptInfo[] = [{ id: 't1', createdDateTime: '2026-03-10T10:31:00.000Z' }];
  const calls: string[] = [];
  const gateway: OnlineMeetingsGateway = {
    findByJoinUrl: async () => ({ id: 'm1', joinWebUrl: 'https://teams/x' }),
    attendanceReports: async () => reports,
    attendanceRecords: async (_m, r) => {
      calls.push(`records ${r}`);
      return records;
    },
    transcripts: async () => transcripts,
    transcriptContent: async () => {
      calls.push('content');
      return new TextEncoder().encode('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Katrin Berger>Ja.</v>\n');
    },
    ...overrides,
  };
  return { gateway, calls };
}

const calendar = { instances: async () => [march, june, occ('2026-09-08T08:00:00.000Z', '2026-09-08T09:30:00.000Z')] } as unknown as Parameters<typeof captureArtifacts>[0]['graph']['calendar'];

describe('matching artifacts to occurrences', () => {
  it('takes every report that started within an hour before the occurrence and its end (one per session)', () => {
    const r = (id: string, start: string) => ({ id, meetingStartDateTime: start, meetingEndDateTime: start, totalParticipantCount: 1 });
    const start = new Date(march.start);
    const end = new Date(march.end);
    expect(matchReports([r('rejoined', '2026-03-10T10:00:00.000Z'), r('early', '2026-03-10T07:30:00.000Z'), r('close', '2026-03-10T08:55:00.000Z')], start, end).map((x) => x.id)).toEqual(['close', 'rejoined']);
    expect(matchReports([r('other day', '2026-06-09T08:00:00.000Z')], start, end)).toEqual([]);
    expect(matchTranscripts([{ id: 'before', createdDateTime: '2026-03-10T08:00:00.000Z' }, { id: 'after', createdDateTime: '2026-03-10T11:00:00.000Z' }], start, end).map((t) => t.id)).toEqual(['after']);
  });
});

describe('capturing attendance and transcripts', () => {
  it('stores both as evidence once, shows a missing transcript as missing, ignores future occurrences', async () => {
    const evidence = createMemoryEvidenceStore({ capturedBy: jonas, clock: () => now });
    const { gateway, calls } = fakeMeetings();
    const states = await captureArtifacts({ graph: { calendar, onlineMeetings: gateway }, evidence, eventId: 'ev1', joinUrl: 'https://teams/x', now });
    expect(states.map((s) => [s.occurrenceStart, s.attendance, s.transcript])).toEqual([
      [march.start, 'captured', 'captured'],
      [june.start, 'missing', 'missing'],
    ]);
    expect(states[0]!.attendees.map((a) => [a.displayName, a.seconds])).toEqual([['Katrin Berger', 5100], ['Jonas Weber', 5400]]);
    const items = evidence.all();
    expect(items.map((i) => [i.type, i.source, i.sourceKey])).toEqual([
      ['meetingAttendance', 'teamsMeeting', 'meeting:m1/attendance/r1@2026-03-10T09:00:00Z'],
      ['meetingTranscript', 'teamsMeeting', 'meeting:m1/transcript/t1@2026-03-10T09:00:00Z'],
    ]);
    expect(items[0]!.participants?.map((p) => p.displayName)).toEqual(['Katrin Berger', 'Jonas Weber']);
    expect(items.every((i) => /^[0-9a-f]{64}$/.test(i.contentSha256 ?? ''))).toBe(true);

    await captureArtifacts({ graph: { calendar, onlineMeetings: gateway }, evidence, eventId: 'ev1', joinUrl: 'https://teams/x', now });
    expect(evidence.all()).toHaveLength(2);
    expect(calls.filter((c) => c === 'content')).toHaveLength(1);
  });

  it("says 'notOrganizer' when Graph keeps the artifacts to the organizer", async () => {
    const evidence = createMemoryEvidenceStore({ capturedBy: jonas, clock: () => now });
    const forbidden = () => {
      throw new GraphForbiddenError({ status: 403, code: 'Forbidden', message: 'not the organizer', method: 'GET', url: 'https://graph/x', requiredPermissions: [], requestedScopes: ['OnlineMeetingArtifact.Read.All'] });
    };
    const { gateway } = fakeMeetings({ attendanceReports: async () => forbidden(), transcripts: async () => forbidden() });
    const states = await captureArtifacts({ graph: { calendar, onlineMeetings: gateway }, evidence, eventId: 'ev1', joinUrl: 'https://teams/x', now });
    expect(states.map((s) => [s.attendance, s.transcript])).toEqual([['notOrganizer', 'notOrganizer'], ['notOrganizer', 'notOrganizer']]);
    expect(evidence.all()).toEqual([]);
  });

  it('keeps the attendance when Graph access to transcripts is disabled, and says so for the transcript', async () => {
    const evidence = createMemoryEvidenceStore({ capturedBy: jonas, clock: () => now });
    const { gateway } = fakeMeetings({
      transcripts: async () => {
        throw new GraphForbiddenError({ status: 403, code: 'Forbidden', message: 'Graph API access to transcripts is disabled for this tenant.', method: 'GET', url: 'https://graph/x', innerError: { code: 'GraphAccessToTranscriptsDisabled' }, requiredPermissions: [], requestedScopes: [] });
      },
    });
    const states = await captureArtifacts({ graph: { calendar, onlineMeetings: gateway }, evidence, eventId: 'ev1', joinUrl: 'https://teams/x', now });
    expect(states.map((s) => [s.attendance, s.transcript])).toEqual([['captured', 'disabledByPolicy'], ['missing', 'disabledByPolicy']]);
    expect(evidence.all().map((i) => i.type)).toEqual(['meetingAttendance']);
  });
});
