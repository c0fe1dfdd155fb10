/**
 * /me/onlineMeetings ($filter=JoinWebUrl eq '...'), /me/onlineMeetings/{id}, attendance reports
 * and records, transcripts and their WebVTT content. Like Graph, artifacts are the organizer's:
 * other users get 403. Attendance reports: the 50 most recent, kept one year; transcripts: 403
 * GraphAccessToTranscriptsDisabled when an administrator turned Graph access off (policy.ts).
 */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { ok, raw } from '../../http/response';
import type { GraphRoute } from '../../module';
import type { StoredResource } from '../../store/store';
import { meetings, reports, transcripts, type StoredAttendanceRecord, type StoredAttendanceReport, type StoredOnlineMeeting } from './model';
import { assertTranscriptAccess, isRetained, listedReports } from './policy';

const notFound = () => new GraphError(404, 'NotFound', 'The requested online meeting was not found.');
const forbidden = () => new GraphError(403, 'Forbidden', 'The user is not the organizer of this meeting and cannot access its artifacts.');

function identity(ctx: GraphContext, p: { id: string; displayName: string }) {
  return { user: { id: p.id, displayName: p.displayName, tenantId: ctx.tenant.id, identityProvider: 'AAD' } };
}

function serializeMeeting(ctx: GraphContext, r: StoredResource<StoredOnlineMeeting>): Record<string, unknown> {
  const m = r.data;
  return {
    id: r.id,
    creationDateTime: m.creationDateTime,
    startDateTime: m.startDateTime,
    endDateTime: m.endDateTime,
    joinWebUrl: m.joinWebUrl,
    joinUrl: m.joinWebUrl,
    subject: m.subject,
    isBroadcast: false,
    autoAdmittedUsers: 'everyoneInCompany',
    outerMeetingAutoAdmittedUsers: null,
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    allowAttendeeToEnableMic: true,
    allowAttendeeToEnableCamera: true,
    recordAutomatically: false,
    allowTranscription: true,
    allowRecording: true,
    videoTeleconferenceId: null,
    externalId: null,
    broadcastSettings: null,
    audioConferencing: null,
    meetingInfo: null,
    participants: {
      organizer: { upn: m.organizer.upn, role: 'presenter', identity: identity(ctx, m.organizer) },
      attendees: m.attendees.map((a) => ({ upn: a.upn, role: 'attendee', identity: identity(ctx, a) })),
    },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    joinMeetingIdSettings: { isPasscodeRequired: true, joinMeetingId: m.joinMeetingId, passcode: m.passcode },
    chatInfo: { threadId: m.threadId, messageId: '0', replyChainMessageId: null },
    joinInformation: { content: 'data:text/html,...', contentType: 'html' },
  };
}

function visibleMeeting(ctx: GraphContext, id: string): StoredResource<StoredOnlineMeeting> {
  const r = meetings(ctx.store).get(id);
  if (!r) throw notFound();
  const m = r.data;
  const isParticipant = m.organizer.id === ctx.user.id || m.attendees.some((a) => a.id === ctx.user.id);
  if (!isParticipant) throw notFound();
  return r;
}

function organizersMeeting(ctx: GraphContext, id: string): StoredResource<StoredOnlineMeeting> {
  const r = visibleMeeting(ctx, id);
  if (r.data.organizer.id !== ctx.user.id) throw forbidden();
  return r;
}

/** Graph requires exactly `JoinWebUrl eq '<url>'` on the collection. */
function joinUrlFilter(ctx: GraphContext): string {
  const filter = ctx.query.get('$filter');
  if (!filter) throw new GraphError(400, 'BadRequest', 'This API requires a $filter on JoinWebUrl (or joinMeetingIdSettings/joinMeetingId).');
  const m = /^\s*JoinWebUrl\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m) throw new GraphError(400, 'BadRequest', `Filter '${filter}' is not supported. Use $filter=JoinWebUrl eq '<url>'.`);
  return m[1]!.replace(/''/g, "'");
}

/** A report of the organizer's meeting that is still kept (reports older than a year are gone). */
function retainedReport(ctx: GraphContext, meetingId: string, reportId: string): StoredResource<StoredAttendanceReport> {
  const r = reports(ctx.store).get(reportId);
  if (!r || r.parentId !== meetingId || !isRetained(r.data, ctx.now)) throw new GraphError(404, 'NotFound', 'The attendance report was not found.');
  return r;
}

function serializeRecord(ctx: GraphContext, rec: StoredAttendanceRecord): Record<string, unknown> {
  return {
    id: rec.id,
    emailAddress: rec.emailAddress,
    totalAttendanceInSeconds: rec.intervals.reduce((sum, i) => sum + i.durationInSeconds, 0),
    role: rec.role,
    registrationId: null,
    identity: { id: rec.userId, displayName: rec.displayName, tenantId: ctx.tenant.id },
    attendanceIntervals: rec.intervals,
  };
}

const base = '/me/onlineMeetings/{meetingId}';

export const meetingRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/me/onlineMeetings',
    permission: permissions.onlineMeetingsRead,
    handler: (ctx) => {
      const url = joinUrlFilter(ctx);
      const found = meetings(ctx.store)
        .list()
        .filter((r) => r.data.joinWebUrl.toLowerCase() === url.toLowerCase())
        .filter((r) => r.data.organizer.id === ctx.user.id || r.data.attendees.some((a) => a.id === ctx.user.id));
      return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings"), value: found.map((r) => serializeMeeting(ctx, r)) });
    },
  },
  {
    method: 'GET',
    path: base,
    permission: permissions.onlineMeetingsRead,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings/$entity"), ...serializeMeeting(ctx, visibleMeeting(ctx, ctx.params.meetingId!)) }),
  },
  {
    method: 'GET',
    path: `${base}/attendanceReports`,
    permission: permissions.meetingArtifactsRead,
    handler: (ctx) => {
      const m = organizersMeeting(ctx, ctx.params.meetingId!);
      const value = listedReports(reports(ctx.store).list({ parentId: m.id }), ctx.now).map((r) => ({ id: r.id, totalParticipantCount: r.data.records.length, meetingStartDateTime: r.data.meetingStartDateTime, meetingEndDateTime: r.data.meetingEndDateTime }));
      return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings('" + m.id + "')/attendanceReports"), value });
    },
  },
  {
    method: 'GET',
    path: `${base}/attendanceReports/{reportId}`,
    permission: permissions.meetingArtifactsRead,
    handler: (ctx) => {
      const m = organizersMeeting(ctx, ctx.params.meetingId!);
      const r = retainedReport(ctx, m.id, ctx.params.reportId!);
      const expand = (ctx.query.get('$expand') ?? '').split(',').map((s) => s.trim());
      return ok({
        '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings('" + m.id + "')/attendanceReports/$entity"),
        id: r.id,
        totalParticipantCount: r.data.records.length,
        meetingStartDateTime: r.data.meetingStartDateTime,
        meetingEndDateTime: r.data.meetingEndDateTime,
        ...(expand.includes('attendanceRecords') ? { attendanceRecords: r.data.records.map((rec) => serializeRecord(ctx, rec)) } : {}),
      });
    },
  },
  {
    method: 'GET',
    path: `${base}/attendanceReports/{reportId}/attendanceRecords`,
    permission: permissions.meetingArtifactsRead,
    handler: (ctx) => {
      const m = organizersMeeting(ctx, ctx.params.meetingId!);
      const r = retainedReport(ctx, m.id, ctx.params.reportId!);
      return ok({
        '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings('" + m.id + "')/attendanceReports('" + r.id + "')/attendanceRecords"),
        value: r.data.records.map((rec) => serializeRecord(ctx, rec)),
      });
    },
  },
  {
    method: 'GET',
    path: `${base}/transcripts`,
    permission: permissions.meetingTranscriptsRead,
    handler: (ctx) => {
      const m = organizersMeeting(ctx, ctx.params.meetingId!);
      assertTranscriptAccess(ctx.store, m.data.organizer.id);
      const value = transcripts(ctx.store)
        .list({ parentId: m.id })
        .map((t) => ({
          id: t.id,
          meetingId: t.data.meetingId,
          callId: t.data.callId,
          contentCorrelationId: t.data.contentCorrelationId,
          transcriptContentUrl: `${ctx.baseUrl}/users/${t.data.organizer.id}/onlineMeetings/${t.data.meetingId}/transcripts/${t.id}/content`,
          createdDateTime: t.data.createdDateTime,
          endDateTime: t.data.endDateTime,
          meetingOrganizer: { application: null, device: null, user: { id: t.data.organizer.id, displayName: null, userIdentityType: 'aadUser', tenantId: ctx.tenant.id } },
        }));
      return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/onlineMeetings('" + m.id + "')/transcripts"), value });
    },
  },
  {
    method: 'GET',
    path: `${base}/transcripts/{transcriptId}/content`,
    permission: permissions.meetingTranscriptsRead,
    handler: (ctx) => {
      const m = organizersMeeting(ctx, ctx.params.meetingId!);
      assertTranscriptAccess(ctx.store, m.data.organizer.id);
      const t = transcripts(ctx.store).get(ctx.params.transcriptId!);
      if (!t || t.parentId !== m.id) throw new GraphError(404, 'NotFound', 'The transcript was not found.');
      const format = ctx.query.get('$format') ?? ctx.headers['accept'] ?? 'text/vtt';
      if (!/text\/vtt|\*\/\*/i.test(format)) throw new GraphError(400, 'BadRequest', `The format '${format}' is not supported. Use text/vtt.`);
      return raw(Buffer.from(t.data.vtt, 'utf8'), 'text/vtt');
    },
  },
];
