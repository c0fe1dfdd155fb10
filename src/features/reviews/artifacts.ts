/**
 * After each meeting: the attendance report and the transcript of every past occurrence become
 * evidence (with SHA-256 via the evidence store), linked to the occurrence by their source keys.
 * Only the organizer may read Teams artifacts (Graph answers 403 to anyone else): then nothing is
 * fetched and the status says whose they are. A missing transcript is a state, not an error.
 */
import { meetingSourceKey, type PersonRef } from '../../domain';
import { GraphForbiddenError, type AttendanceRecord, type AttendanceReportSummary, type GraphGateways, type TranscriptInfo } from '../../graph';
import type { EvidenceStore } from '../evidence/evidenceStore';

export type ArtifactState = 'captured' | 'missing' | 'notOrganizer';

export interface OccurrenceArtifacts {
  occurrenceStart: string;
  attendance: ArtifactState;
  transcript: ArtifactState;
  attendees: { displayName: string; upn?: string; id?: string; seconds: number }[];
}

export const attendanceKey = (meetingId: string, start: string) => meetingSourceKey(`${meetingId}/attendance`, start);
export const transcriptKey = (meetingId: string, start: string) => meetingSourceKey(`${meetingId}/transcript`, start);

const HOUR = 3_600_000;

/** The report of an occurrence: the one whose meeting started closest to it, within an hour before its start and its end. */
export function matchReport(reports: readonly AttendanceReportSummary[], start: Date, end: Date): AttendanceReportSummary | undefined {
  return reports
    .filter((r) => Date.parse(r.meetingStartDateTime) >= start.getTime() - HOUR && Date.parse(r.meetingStartDateTime) <= end.getTime())
    .sort((a, b) => Math.abs(Date.parse(a.meetingStartDateTime) - start.getTime()) - Math.abs(Date.parse(b.meetingStartDateTime) - start.getTime()))[0];
}

/** The transcript of an occurrence: created after its start and within 12 hours of its end. */
export function matchTranscript(transcripts: readonly TranscriptInfo[], start: Date, end: Date): TranscriptInfo | undefined {
  return transcripts.find((t) => {
    const at = Date.parse(t.createdDateTime ?? t.endDateTime ?? '');
    return at >= start.getTime() && at <= end.getTime() + 12 * HOUR;
  });
}

export function summarizeAttendance(records: readonly AttendanceRecord[]): OccurrenceArtifacts['attendees'] {
  return records.map((r) => ({
    displayName: r.displayName ?? r.emailAddress ?? '?',
    ...(r.emailAddress ? { upn: r.emailAddress } : {}),
    ...(r.userId ? { id: r.userId } : {}),
    seconds: r.totalAttendanceInSeconds,
  }));
}

export interface CaptureArtifactsInput {
  graph: Pick<GraphGateways, 'calendar' | 'onlineMeetings'>;
  evidence: EvidenceStore;
  eventId: string;
  joinUrl: string;
  now: Date;
  /** Occurrences considered (past ones of the last year by default). */
  lookBackDays?: number;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const fileStamp = (iso: string) => iso.replace(/[:]/g, '-').replace(/\.\d{3}Z$/, 'Z');

/** Captures what is there for each past occurrence; returns the state per occurrence (oldest first). */
export async function captureArtifacts(input: CaptureArtifactsInput): Promise<OccurrenceArtifacts[]> {
  const { graph, evidence, now } = input;
  const from = new Date(now.getTime() - (input.lookBackDays ?? 400) * 24 * HOUR);
  const past = (await graph.calendar.instances(input.eventId, from, now)).filter((o) => Date.parse(o.end) <= now.getTime() && !o.isCancelled);
  if (past.length === 0) return [];
  const meeting = await graph.onlineMeetings.findByJoinUrl(input.joinUrl);
  if (!meeting) return past.map((o) => ({ occurrenceStart: o.start, attendance: 'missing', transcript: 'missing', attendees: [] }));
  let reports: AttendanceReportSummary[];
  let transcripts: TranscriptInfo[];
  try {
    [reports, transcripts] = await Promise.all([graph.onlineMeetings.attendanceReports(meeting.id), graph.onlineMeetings.transcripts(meeting.id)]);
  } catch (error) {
    if (error instanceof GraphForbiddenError) return past.map((o) => ({ occurrenceStart: o.start, attendance: 'notOrganizer', transcript: 'notOrganizer', attendees: [] }));
    throw error;
  }
  const out: OccurrenceArtifacts[] = [];
  for (const occurrence of past) {
    const start = new Date(occurrence.start);
    const end = new Date(occurrence.end);
    const state: OccurrenceArtifacts = { occurrenceStart: occurrence.start, attendance: 'missing', transcript: 'missing', attendees: [] };
    const report = matchReport(reports, start, end);
    if (report) {
      const records = await graph.onlineMeetings.attendanceRecords(meeting.id, report.id);
      state.attendees = summarizeAttendance(records);
      const participants: PersonRef[] = state.attendees.map((a) => ({ ...(a.id ? { id: a.id } : {}), ...(a.upn ? { upn: a.upn } : {}), displayName: a.displayName }));
      await evidence.capture({
        title: `Teilnahme Management-Review ${occurrence.start.slice(0, 10)}`,
        type: 'meetingAttendance',
        clauses: ['9.3', '5.1e'],
        source: 'teamsMeeting',
        sourceKey: attendanceKey(meeting.id, occurrence.start),
        effectiveDate: report.meetingEndDateTime,
        summary: state.attendees.map((a) => `${a.displayName}: ${Math.round(a.seconds / 60)} min`).join('; '),
        participants: participants.length > 0 ? participants : undefined,
        content: {
          fileName: `Teilnahme-${fileStamp(occurrence.start)}.json`,
          contentType: 'application/json',
          bytes: json({ meetingId: meeting.id, occurrenceStart: occurrence.start, report, records }),
        },
      });
      state.attendance = 'captured';
    }
    const transcript = matchTranscript(transcripts, start, end);
    if (transcript) {
      const key = transcriptKey(meeting.id, occurrence.start);
      if (!(await evidence.findBySourceKey(key))) {
        const bytes = await graph.onlineMeetings.transcriptContent(meeting.id, transcript.id);
        await evidence.capture({
          title: `Transkript Management-Review ${occurrence.start.slice(0, 10)}`,
          type: 'meetingTranscript',
          clauses: ['9.3', '5.1e'],
          source: 'teamsMeeting',
          sourceKey: key,
          effectiveDate: transcript.createdDateTime ?? transcript.endDateTime ?? occurrence.end,
          summary: '',
          content: { fileName: `Transkript-${fileStamp(occurrence.start)}.vtt`, contentType: 'text/vtt', bytes },
        });
      }
      state.transcript = 'captured';
    }
    out.push(state);
  }
  return out;
}
