/**
 * After each meeting: the attendance reports and the transcripts of every past occurrence become
 * evidence (with SHA-256 via the evidence store), linked to the occurrence by their source keys.
 * Attendance and transcripts are separate artifacts with separate states: Graph can refuse one and
 * serve the other (an administrator can turn off Graph access to transcripts: 403 with inner code
 * GraphAccessToTranscriptsDisabled, "List transcripts"). Only the organizer may read Teams artifacts
 * (Graph answers 403 to anyone else): then the state says whose they are. Teams writes a report per
 * session, so an occurrence that was left and rejoined has several; every one is kept. Reports are
 * kept one year and List returns the 50 most recent ("List meetingAttendanceReports"), so the
 * look-back is one year. A missing artifact is a state, not an error.
 */
import { meetingSourceKey, type PersonRef } from '../../domain';
import { GraphForbiddenError, type AttendanceRecord, type AttendanceReportSummary, type GraphGateways, type TranscriptInfo } from '../../graph';
import type { EvidenceStore } from '../evidence/evidenceStore';

/**
 * captured: on file as evidence; missing: Teams has none (yet); notOrganizer: only the organizer may read it;
 * disabledByPolicy: the tenant turned off Graph access to transcripts; notAllowed: Graph refused for another reason
 * (e.g. the permission was not granted).
 */
export type ArtifactState = 'captured' | 'missing' | 'notOrganizer' | 'disabledByPolicy' | 'notAllowed';

export interface OccurrenceArtifacts {
  occurrenceStart: string;
  attendance: ArtifactState;
  transcript: ArtifactState;
  /** Everyone in any session of the occurrence, with the seconds of all sessions added up. */
  attendees: { displayName: string; upn?: string; id?: string; seconds: number }[];
  /** How many sessions (attendance reports) the occurrence had. */
  sessions: number;
}

/** Teams keeps attendance reports one year from the meeting date; older occurrences are not looked at. */
export const ATTENDANCE_RETENTION_DAYS = 365;

/** One key per session (report) and per transcript, all ending in the occurrence start. */
export const attendanceKey = (meetingId: string, reportId: string, start: string) => meetingSourceKey(`${meetingId}/attendance/${reportId}`, start);
export const transcriptKey = (meetingId: string, transcriptId: string, start: string) => meetingSourceKey(`${meetingId}/transcript/${transcriptId}`, start);

const HOUR = 3_600_000;

/** The sessions of an occurrence: reports that started from an hour before its start up to its end, in start order. */
export function matchReports(reports: readonly AttendanceReportSummary[], start: Date, end: Date): AttendanceReportSummary[] {
  return reports
    .filter((r) => Date.parse(r.meetingStartDateTime) >= start.getTime() - HOUR && Date.parse(r.meetingStartDateTime) <= end.getTime())
    .sort((a, b) => Date.parse(a.meetingStartDateTime) - Date.parse(b.meetingStartDateTime));
}

/** The transcripts of an occurrence: created after its start and within 12 hours of its end. */
export function matchTranscripts(transcripts: readonly TranscriptInfo[], start: Date, end: Date): TranscriptInfo[] {
  return transcripts.filter((t) => {
    const at = Date.parse(t.createdDateTime ?? t.endDateTime ?? '');
    return at >= start.getTime() && at <= end.getTime() + 12 * HOUR;
  });
}

/** Attendees of all sessions, one entry per person (by id, else address, else name), seconds added up. */
export function summarizeAttendance(records: readonly AttendanceRecord[]): OccurrenceArtifacts['attendees'] {
  const byPerson = new Map<string, OccurrenceArtifacts['attendees'][number]>();
  for (const r of records) {
    const key = (r.userId ?? r.emailAddress ?? r.displayName ?? '?').toLowerCase();
    const seen = byPerson.get(key);
    if (seen) {
      seen.seconds += r.totalAttendanceInSeconds;
      continue;
    }
    byPerson.set(key, {
      displayName: r.displayName ?? r.emailAddress ?? '?',
      ...(r.emailAddress ? { upn: r.emailAddress } : {}),
      ...(r.userId ? { id: r.userId } : {}),
      seconds: r.totalAttendanceInSeconds,
    });
  }
  return [...byPerson.values()];
}

/** The state a refusal stands for; anything that is not a 403 is a real failure. */
function refusal(error: unknown): ArtifactState {
  if (!(error instanceof GraphForbiddenError)) throw error;
  return error.innerError?.['code'] === 'GraphAccessToTranscriptsDisabled' ? 'disabledByPolicy' : 'notOrganizer';
}

export interface CaptureArtifactsInput {
  graph: Pick<GraphGateways, 'calendar' | 'onlineMeetings'>;
  evidence: EvidenceStore;
  eventId: string;
  joinUrl: string;
  now: Date;
  /** Occurrences considered: past ones of the last year (the reports' retention) by default. */
  lookBackDays?: number;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const fileStamp = (iso: string) => iso.replace(/[:]/g, '-').replace(/\.\d{3}Z$/, 'Z');

/** Captures what is there for each past occurrence; returns the state per occurrence (oldest first). */
export async function captureArtifacts(input: CaptureArtifactsInput): Promise<OccurrenceArtifacts[]> {
  const { graph, evidence, now } = input;
  const from = new Date(now.getTime() - (input.lookBackDays ?? ATTENDANCE_RETENTION_DAYS) * 24 * HOUR);
  const past = (await graph.calendar.instances(input.eventId, from, now)).filter((o) => Date.parse(o.end) <= now.getTime() && !o.isCancelled);
  if (past.length === 0) return [];
  const empty = (o: { start: string }, attendance: ArtifactState, transcript: ArtifactState): OccurrenceArtifacts => ({ occurrenceStart: o.start, attendance, transcript, attendees: [], sessions: 0 });
  const meeting = await graph.onlineMeetings.findByJoinUrl(input.joinUrl);
  if (!meeting) return past.map((o) => empty(o, 'missing', 'missing'));
  // Separately: a refused transcript list must not cost the attendance reports, nor the other way round.
  const [reports, transcripts] = await Promise.allSettled([graph.onlineMeetings.attendanceReports(meeting.id), graph.onlineMeetings.transcripts(meeting.id)]);
  const attendanceRefused = reports.status === 'rejected' ? refusal(reports.reason) : undefined;
  let transcriptRefused = transcripts.status === 'rejected' ? refusal(transcripts.reason) : undefined;
  // Not the organizer's 403 on transcripts while the reports were served: the permission is what is missing.
  if (transcriptRefused === 'notOrganizer' && !attendanceRefused) transcriptRefused = 'notAllowed';
  const out: OccurrenceArtifacts[] = [];
  for (const occurrence of past) {
    const start = new Date(occurrence.start);
    const end = new Date(occurrence.end);
    const state = empty(occurrence, attendanceRefused ?? 'missing', transcriptRefused ?? 'missing');
    const sessions = reports.status === 'fulfilled' ? matchReports(reports.value, start, end) : [];
    const allRecords: AttendanceRecord[] = [];
    for (const report of sessions) {
      const records = await graph.onlineMeetings.attendanceRecords(meeting.id, report.id);
      allRecords.push(...records);
      const attendees = summarizeAttendance(records);
      const participants: PersonRef[] = attendees.map((a) => ({ ...(a.id ? { id: a.id } : {}), ...(a.upn ? { upn: a.upn } : {}), displayName: a.displayName }));
      const session = sessions.length > 1 ? ` (Sitzung ${sessions.indexOf(report) + 1}, ${report.meetingStartDateTime.slice(11, 16)} UTC)` : '';
      await evidence.capture({
        title: `Teilnahme Management-Review ${occurrence.start.slice(0, 10)}${session}`,
        type: 'meetingAttendance',
        clauses: ['9.3', '5.1e'],
        source: 'teamsMeeting',
        sourceKey: attendanceKey(meeting.id, report.id, occurrence.start),
        effectiveDate: report.meetingEndDateTime,
        summary: attendees.map((a) => `${a.displayName}: ${Math.round(a.seconds / 60)} min`).join('; '),
        participants: participants.length > 0 ? participants : undefined,
        content: {
          fileName: `Teilnahme-${fileStamp(occurrence.start)}-${fileStamp(report.meetingStartDateTime)}.json`,
          contentType: 'application/json',
          bytes: json({ meetingId: meeting.id, occurrenceStart: occurrence.start, report, records }),
        },
      });
      state.attendance = 'captured';
    }
    state.sessions = sessions.length;
    state.attendees = summarizeAttendance(allRecords);
    for (const transcript of transcripts.status === 'fulfilled' ? matchTranscripts(transcripts.value, start, end) : []) {
      const key = transcriptKey(meeting.id, transcript.id, occurrence.start);
      if (!(await evidence.findBySourceKey(key))) {
        let bytes: Uint8Array;
        try {
          bytes = await graph.onlineMeetings.transcriptContent(meeting.id, transcript.id);
        } catch (error) {
          if (state.transcript !== 'captured') state.transcript = refusal(error) === 'disabledByPolicy' ? 'disabledByPolicy' : 'notAllowed';
          continue;
        }
        await evidence.capture({
          title: `Transkript Management-Review ${occurrence.start.slice(0, 10)}`,
          type: 'meetingTranscript',
          clauses: ['9.3', '5.1e'],
          source: 'teamsMeeting',
          sourceKey: key,
          effectiveDate: transcript.createdDateTime ?? transcript.endDateTime ?? occurrence.end,
          summary: '',
          content: { fileName: `Transkript-${fileStamp(occurrence.start)}-${fileStamp(transcript.createdDateTime ?? occurrence.end)}.vtt`, contentType: 'text/vtt', bytes },
        });
      }
      state.transcript = 'captured';
    }
    out.push(state);
  }
  return out;
}
