/**
 * Admin action "this occurrence took place": POST /_admin/meetings/occurrence-held
 * `{ eventId | joinWebUrl, occurrenceStart, sessionStart?, attendees: [{ user, minutes, joinAfterMinutes? }],
 *    transcript?: string (WebVTT) | [{ speaker, text }] }`
 * → the attendance report (and transcript) Teams would have produced for one session of that
 * occurrence. Teams writes a report per session ("Each time an online meeting ... ends, an attendance
 * report is generated for that session", List meetingAttendanceReports): call it again, with a later
 * `sessionStart` (default: the occurrence start), when the meeting was left and rejoined.
 * It lives in the calendar module because it checks the occurrence against the event's series; the
 * meetings module stores what it produces (the calendar module imports meetings, never the reverse).
 */
import { randomUUID } from 'node:crypto';
import type { BaseContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created } from '../../http/response';
import type { PlainRoute } from '../../module';
import { findUser } from '../identity/directory';
import { meetings, reports, transcripts, type StoredAttendanceRecord } from '../meetings/model';
import { events } from './model';
import { occurrenceStarts } from './serialize';

const bad = (message: string) => new GraphError(400, 'BadRequest', message);

interface HeldInput {
  eventId?: string;
  joinWebUrl?: string;
  occurrenceStart?: string;
  sessionStart?: string;
  attendees?: { user?: string; minutes?: number; joinAfterMinutes?: number }[];
  transcript?: string | { speaker?: string; text?: string }[];
}

const ts = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
};

function toVtt(lines: { speaker?: string; text?: string }[]): string {
  const cues = lines.map((line, i) => {
    if (!line.speaker || !line.text) throw bad('Every transcript line needs speaker and text.');
    const text = line.text.replace(/</g, '&lt;');
    return `${randomUUID()}/${i}\n${ts(i * 20)} --> ${ts(i * 20 + 18)}\n<v ${line.speaker}>${text}</v>`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export const occurrenceHeld: PlainRoute = {
  method: 'POST',
  path: '/meetings/occurrence-held',
  handler: (ctx: BaseContext) => {
    const input = (ctx.body ?? {}) as HeldInput;
    const meeting =
      input.joinWebUrl !== undefined
        ? meetings(ctx.store).find((m) => m.joinWebUrl === input.joinWebUrl)
        : input.eventId !== undefined
          ? meetings(ctx.store).find((m) => m.eventId === input.eventId)
          : undefined;
    if (!meeting) throw new GraphError(404, 'NotFound', 'No online meeting for that eventId / joinWebUrl.');
    const start = new Date(input.occurrenceStart ?? '');
    if (Number.isNaN(start.getTime())) throw bad('occurrenceStart must be an ISO 8601 instant.');
    const event = meeting.data.eventId ? events(ctx.store).get(meeting.data.eventId) : undefined;
    if (event?.data.recurrence) {
      const exists = occurrenceStarts(event.data, new Date(start.getTime() + 1)).some((s) => s.getTime() === start.getTime());
      if (!exists) throw bad(`The series has no occurrence starting at ${start.toISOString()}.`);
    }
    if (!Array.isArray(input.attendees) || input.attendees.length === 0) throw bad('attendees must list at least one person.');
    const session = input.sessionStart === undefined ? start : new Date(input.sessionStart);
    if (Number.isNaN(session.getTime()) || session.getTime() < start.getTime() - 3_600_000) {
      throw bad('sessionStart must be an ISO 8601 instant no earlier than an hour before the occurrence start.');
    }
    let end = session.getTime();
    const records: StoredAttendanceRecord[] = input.attendees.map((a) => {
      const user = a.user ? findUser(ctx.store, a.user.includes('@') ? a.user : `${a.user}@${ctx.tenant.domain}`) : undefined;
      if (!user?.id) throw bad(`Unknown attendee '${String(a.user)}'.`);
      const minutes = Number(a.minutes);
      if (!(minutes > 0)) throw bad(`Attendee '${String(a.user)}' needs minutes > 0.`);
      const join = session.getTime() + Math.max(0, Number(a.joinAfterMinutes ?? 0)) * 60_000;
      const leave = join + minutes * 60_000;
      end = Math.max(end, leave);
      return {
        id: randomUUID(),
        emailAddress: user.mail ?? user.userPrincipalName ?? '',
        displayName: user.displayName ?? '',
        userId: user.id,
        role: user.id === meeting.data.organizer.id ? 'Organizer' : 'Attendee',
        intervals: [{ joinDateTime: new Date(join).toISOString(), leaveDateTime: new Date(leave).toISOString(), durationInSeconds: Math.round(minutes * 60) }],
      };
    });
    const report = reports(ctx.store).insert(
      { meetingStartDateTime: session.toISOString(), meetingEndDateTime: new Date(end).toISOString(), records },
      { parentId: meeting.id },
    );
    let transcriptId: string | null = null;
    if (input.transcript !== undefined) {
      const vtt = typeof input.transcript === 'string' ? input.transcript : toVtt(input.transcript);
      if (!vtt.startsWith('WEBVTT')) throw bad('transcript must be WebVTT text (starting with WEBVTT) or a list of { speaker, text }.');
      transcriptId = transcripts(ctx.store).insert(
        {
          meetingId: meeting.id,
          callId: randomUUID(),
          contentCorrelationId: randomUUID(),
          createdDateTime: new Date(end).toISOString(),
          endDateTime: new Date(end).toISOString(),
          organizer: meeting.data.organizer,
          vtt,
        },
        { parentId: meeting.id, id: Buffer.from(randomUUID()).toString('base64url') },
      ).id;
    }
    return created({ meetingId: meeting.id, attendanceReportId: report.id, transcriptId });
  },
};
