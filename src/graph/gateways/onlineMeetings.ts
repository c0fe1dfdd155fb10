/**
 * Teams meetings of the signed-in user: find a meeting by its join link, read its attendance
 * reports (with records) and transcripts (WebVTT). Artifacts are the organizer's: for anyone else
 * Graph answers 403, which callers show as "not available to you", not as a failure.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { graphShape } from './shared';

export interface OnlineMeeting {
  id: string;
  joinWebUrl: string;
  subject?: string;
  organizerId?: string;
  organizerUpn?: string;
}

export interface AttendanceReportSummary {
  id: string;
  /** ISO instants (UTC). */
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  totalParticipantCount: number;
}

export interface AttendanceRecord {
  emailAddress?: string;
  userId?: string;
  displayName?: string;
  role?: string;
  totalAttendanceInSeconds: number;
  intervals: { joinDateTime?: string; leaveDateTime?: string; durationInSeconds: number }[];
}

export interface TranscriptInfo {
  id: string;
  createdDateTime?: string;
  endDateTime?: string;
}

const meetingSchema = graphShape<MicrosoftGraph.OnlineMeeting>()(
  z.looseObject({
    id: z.string(),
    joinWebUrl: z.string(),
    subject: z.string().nullish(),
    participants: z
      .looseObject({
        organizer: z.looseObject({ upn: z.string().nullish(), identity: z.looseObject({ user: z.looseObject({ id: z.string().nullish() }).nullish() }).nullish() }).nullish(),
      })
      .nullish(),
  }),
);

const reportSchema = graphShape<MicrosoftGraph.MeetingAttendanceReport>()(
  z.looseObject({
    id: z.string(),
    meetingStartDateTime: z.string(),
    meetingEndDateTime: z.string(),
    totalParticipantCount: z.number().nullish(),
  }),
);

const recordSchema = graphShape<MicrosoftGraph.AttendanceRecord>()(
  z.looseObject({
    emailAddress: z.string().nullish(),
    role: z.string().nullish(),
    totalAttendanceInSeconds: z.number().nullish(),
    identity: z.looseObject({ id: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
    attendanceIntervals: z
      .array(z.looseObject({ joinDateTime: z.string().nullish(), leaveDateTime: z.string().nullish(), durationInSeconds: z.number().nullish() }))
      .nullish(),
  }),
);

const transcriptSchema = graphShape<MicrosoftGraph.CallTranscript>()(
  z.looseObject({ id: z.string(), createdDateTime: z.string().nullish(), endDateTime: z.string().nullish() }),
);

const iso = (value: string) => new Date(value).toISOString();

export interface OnlineMeetingsGateway {
  /** The meeting behind a join link (organizer or participant); undefined when none is visible. */
  findByJoinUrl(joinWebUrl: string): Promise<OnlineMeeting | undefined>;
  attendanceReports(meetingId: string): Promise<AttendanceReportSummary[]>;
  attendanceRecords(meetingId: string, reportId: string): Promise<AttendanceRecord[]>;
  transcripts(meetingId: string): Promise<TranscriptInfo[]>;
  /** The transcript as WebVTT bytes, exactly as Graph sent them (hash these). */
  transcriptContent(meetingId: string, transcriptId: string): Promise<Uint8Array>;
}

export function createOnlineMeetingsGateway(pipeline: GraphPipeline): OnlineMeetingsGateway {
  const base = (meetingId: string) => `/me/onlineMeetings/${segment(meetingId)}`;
  return {
    findByJoinUrl: async (joinWebUrl) => {
      const escaped = joinWebUrl.replace(/'/g, "''");
      const found = await pipeline.all(
        { method: 'GET', url: '/me/onlineMeetings', query: { $filter: `JoinWebUrl eq '${escaped}'` }, scopes: FEATURE_SCOPES.meetings },
        meetingSchema,
      );
      const m = found[0];
      if (!m) return undefined;
      const meeting: OnlineMeeting = { id: m.id, joinWebUrl: m.joinWebUrl };
      if (m.subject) meeting.subject = m.subject;
      const organizer = m.participants?.organizer;
      if (organizer?.identity?.user?.id) meeting.organizerId = organizer.identity.user.id;
      if (organizer?.upn) meeting.organizerUpn = organizer.upn;
      return meeting;
    },
    attendanceReports: async (meetingId) =>
      (await pipeline.all({ method: 'GET', url: `${base(meetingId)}/attendanceReports`, scopes: FEATURE_SCOPES.meetingAttendance }, reportSchema)).map((r) => ({
        id: r.id,
        meetingStartDateTime: iso(r.meetingStartDateTime),
        meetingEndDateTime: iso(r.meetingEndDateTime),
        totalParticipantCount: r.totalParticipantCount ?? 0,
      })),
    attendanceRecords: async (meetingId, reportId) =>
      (
        await pipeline.all(
          { method: 'GET', url: `${base(meetingId)}/attendanceReports/${segment(reportId)}/attendanceRecords`, scopes: FEATURE_SCOPES.meetingAttendance },
          recordSchema,
        )
      ).map((r) => {
        const record: AttendanceRecord = {
          totalAttendanceInSeconds: r.totalAttendanceInSeconds ?? 0,
          intervals: (r.attendanceIntervals ?? []).map((i) => ({
            ...(i.joinDateTime ? { joinDateTime: iso(i.joinDateTime) } : {}),
            ...(i.leaveDateTime ? { leaveDateTime: iso(i.leaveDateTime) } : {}),
            durationInSeconds: i.durationInSeconds ?? 0,
          })),
        };
        if (r.emailAddress) record.emailAddress = r.emailAddress;
        if (r.identity?.id) record.userId = r.identity.id;
        if (r.identity?.displayName) record.displayName = r.identity.displayName;
        if (r.role) record.role = r.role;
        return record;
      }),
    transcripts: async (meetingId) =>
      (await pipeline.all({ method: 'GET', url: `${base(meetingId)}/transcripts`, scopes: FEATURE_SCOPES.meetingTranscripts }, transcriptSchema)).map((t) => ({
        id: t.id,
        ...(t.createdDateTime ? { createdDateTime: iso(t.createdDateTime) } : {}),
        ...(t.endDateTime ? { endDateTime: iso(t.endDateTime) } : {}),
      })),
    transcriptContent: async (meetingId, transcriptId) => {
      const response = await pipeline.send({
        method: 'GET',
        url: `${base(meetingId)}/transcripts/${segment(transcriptId)}/content`,
        query: { $format: 'text/vtt' },
        headers: { Accept: 'text/vtt' },
        scopes: FEATURE_SCOPES.meetingTranscripts,
      });
      return response.body;
    },
  };
}
