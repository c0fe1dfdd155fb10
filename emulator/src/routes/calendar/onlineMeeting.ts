/**
 * The Teams meeting of a calendar event: created with the event (or by a later PATCH with
 * isOnlineMeeting), its blob in the body, and lost when a PATCH replaces the body without the blob.
 */
import type { GraphContext } from '../../http/context';
import { findUser } from '../identity/directory';
import { createOnlineMeetingForEvent, type MeetingPerson } from '../meetings/model';
import { meetingProviderFor } from './calendarSettings';
import { keepsMeetingBlob, withMeetingBlob } from './meetingBlob';
import type { StoredEvent } from './model';
import { instantOf } from './timeZones';

function meetingPerson(ctx: GraphContext, address: string): MeetingPerson | null {
  const u = findUser(ctx.store, address);
  if (!u?.id || !u.userPrincipalName) return null;
  return { id: u.id, displayName: u.displayName ?? u.userPrincipalName, upn: u.userPrincipalName };
}

export function onlineMeetingParticipants(ctx: GraphContext, e: StoredEvent): MeetingPerson[] {
  return e.attendees.map((a) => meetingPerson(ctx, a.emailAddress.address)).filter((p): p is MeetingPerson => p !== null);
}

/** The event with a new Teams meeting: joinUrl in `onlineMeeting`, the meeting blob at the end of the body. */
export function goOnline(ctx: GraphContext, eventId: string, e: StoredEvent): StoredEvent {
  const meeting = createOnlineMeetingForEvent(ctx.store, ctx.tenant, {
    organizer: meetingPerson(ctx, ctx.user.id)!,
    attendees: onlineMeetingParticipants(ctx, e),
    subject: e.subject,
    start: instantOf(e.start),
    end: instantOf(e.end),
    eventId,
    now: ctx.now,
  });
  const onlineMeeting = { joinUrl: meeting.joinWebUrl, conferenceId: meeting.conferenceId };
  return { ...e, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeeting, onlineMeetingId: meeting.id, body: withMeetingBlob(e.body, onlineMeeting) };
}

/**
 * A new body without the meeting blob disables the meeting online: `onlineMeeting` null and, as
 * the event resource defines it ("true if this event has online meeting information"),
 * isOnlineMeeting false. `isOnlineMeeting: true` on an event that is not online creates a new
 * meeting (a new join URL); `isOnlineMeeting: false` does not disable one ("Create or set an event
 * as an online meeting in an Outlook calendar").
 */
export function onlineAfterPatch(ctx: GraphContext, eventId: string, b: Record<string, unknown>, next: StoredEvent): StoredEvent {
  let e = next;
  if (b.body && e.onlineMeeting && !keepsMeetingBlob(e.body.content, e.onlineMeeting.joinUrl)) {
    e = { ...e, isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null, onlineMeetingId: null };
  }
  if (b.isOnlineMeeting === true && !e.onlineMeeting && meetingProviderFor(ctx.store, ctx.user.id, b.onlineMeetingProvider) !== null) {
    e = goOnline(ctx, eventId, e);
  }
  return e;
}

