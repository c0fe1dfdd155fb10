/** Online meetings, attendance reports and transcripts as the meetings module stores them. */
import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../../store/store';
import type { Tenant } from '../../tenant';

export const ONLINE_MEETINGS = 'meetings.onlineMeetings';
export const ATTENDANCE_REPORTS = 'meetings.attendanceReports';
export const TRANSCRIPTS = 'meetings.transcripts';

export interface MeetingPerson {
  id: string;
  displayName: string;
  upn: string;
}

export interface StoredOnlineMeeting {
  organizer: MeetingPerson;
  attendees: MeetingPerson[];
  subject: string;
  joinWebUrl: string;
  threadId: string;
  joinMeetingId: string;
  passcode: string;
  startDateTime: string;
  endDateTime: string;
  creationDateTime: string;
  /** The calendar event (series master) it belongs to. */
  eventId: string | null;
}

export interface StoredAttendanceRecord {
  id: string;
  emailAddress: string;
  displayName: string;
  userId: string;
  role: 'Organizer' | 'Presenter' | 'Attendee';
  intervals: { joinDateTime: string; leaveDateTime: string; durationInSeconds: number }[];
}

export interface StoredAttendanceReport {
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  records: StoredAttendanceRecord[];
}

export interface StoredTranscript {
  meetingId: string;
  callId: string;
  contentCorrelationId: string;
  createdDateTime: string;
  endDateTime: string;
  organizer: MeetingPerson;
  /** The WebVTT text. */
  vtt: string;
}

export const meetings = (store: Store) => store.collection<StoredOnlineMeeting>(ONLINE_MEETINGS);
export const reports = (store: Store) => store.collection<StoredAttendanceReport>(ATTENDANCE_REPORTS);
export const transcripts = (store: Store) => store.collection<StoredTranscript>(TRANSCRIPTS);

/** Graph's meeting ids: base64 of `1*<organizerId>*0**<threadId>`. */
export function meetingIdFor(organizerId: string, threadId: string): string {
  return Buffer.from(`1*${organizerId}*0**${threadId}`, 'utf8').toString('base64');
}

/** Creates the Teams meeting behind a calendar event with isOnlineMeeting (teamsForBusiness). */
export function createOnlineMeetingForEvent(
  store: Store,
  tenant: Tenant,
  input: { organizer: MeetingPerson; attendees: MeetingPerson[]; subject: string; start: Date; end: Date; eventId: string; now: Date },
): { id: string; joinWebUrl: string; conferenceId: string } {
  const token = createHash('sha256').update(randomUUID()).digest('base64url').slice(0, 44);
  const threadId = `19:meeting_${token}@thread.v2`;
  const context = JSON.stringify({ Tid: tenant.id, Oid: input.organizer.id });
  const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId)}/0?context=${encodeURIComponent(context)}`;
  const joinMeetingId = String(Math.floor(100_000_000_000 + Math.random() * 899_999_999_999));
  const id = meetingIdFor(input.organizer.id, threadId);
  meetings(store).insert(
    {
      organizer: input.organizer,
      attendees: input.attendees,
      subject: input.subject,
      joinWebUrl,
      threadId,
      joinMeetingId,
      passcode: token.slice(0, 6),
      startDateTime: input.start.toISOString(),
      endDateTime: input.end.toISOString(),
      creationDateTime: input.now.toISOString(),
      eventId: input.eventId,
    },
    { id },
  );
  return { id, joinWebUrl, conferenceId: joinMeetingId.slice(0, 9) };
}

/** Keeps the meeting's subject, attendees and times in step with its event. */
export function updateOnlineMeeting(store: Store, id: string, patch: Partial<Pick<StoredOnlineMeeting, 'subject' | 'attendees' | 'startDateTime' | 'endDateTime'>>): void {
  if (!meetings(store).get(id)) return;
  meetings(store).update(id, (current) => ({ ...current, ...patch }));
}
