/**
 * The quarterly review series: book it (one Outlook series with a Teams meeting, agenda in the
 * attendees' languages), reschedule, cancel, keep its agenda current, and file the booking as evidence.
 */
import { eventSourceKey, sha256Hex } from '../../domain';
import { GraphConflictError } from '../../graph';
import { openActionItems, toAgendaActions } from './actionItems';
import { invitationBody, invitationSubject } from './agendaBody';
import { BookingRequestSchema, missingRequiredAttendees, occurrenceStarts, quarterlyRecurrence, wallEnd, type BookingRequest } from './booking';
import { ReviewsError } from './errors';
import { iso, type ReviewsContext } from './reviewsContext';
import type { SeriesRecord, Stored } from './reviewRecords';
import { createTeamsSeries, rewriteInvitation } from './teamsMeeting';

export interface SeriesBooking {
  book(request: BookingRequest): Promise<Stored<SeriesRecord>>;
  reschedule(request: BookingRequest): Promise<Stored<SeriesRecord>>;
  cancel(comment?: string): Promise<void>;
  refreshAgenda(): Promise<boolean>;
}

/** Files the next occurrence of the series as review-booking evidence (idempotent by source key). */
export async function recordBooking(ctx: ReviewsContext, series: SeriesRecord): Promise<void> {
  const { clock } = ctx;
  const next = occurrenceStarts(series, clock(), 1)[0];
  if (!next) return;
  await ctx.evidence.capture({
    title: `Management-Review gebucht für ${iso(next).slice(0, 10)}`,
    type: 'reviewBooking',
    clauses: ['9.3.1'],
    source: 'outlookCalendar',
    sourceKey: eventSourceKey(series.eventId, next),
    effectiveDate: iso(clock()),
    scheduledFor: iso(next),
    summary: `${series.organizer.displayName}: ${series.firstDate} ${series.time} (${series.timeZone}), ${series.durationMinutes} min, ${series.attendees.map((a) => a.displayName).join(', ')}`,
    participants: series.attendees.map((a) => ({ ...(a.id ? { id: a.id } : {}), upn: a.upn, displayName: a.displayName })),
    content: { fileName: `Buchung-${iso(next).slice(0, 10)}.json`, contentType: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(series, null, 2)) },
  });
}

export function createSeriesBooking(ctx: ReviewsContext): SeriesBooking {
  const { graph, evidence, records, clock } = ctx;

  const eventInput = async (request: BookingRequest) => {
    const all = await records.allMinutes();
    const actions = toAgendaActions(openActionItems(all));
    return {
      subject: invitationSubject(request.attendees),
      bodyHtml: invitationBody(request.attendees, actions),
      start: { dateTime: `${request.firstDate}T${request.time}:00`, timeZone: request.timeZone },
      end: { dateTime: wallEnd(request.firstDate, request.time, request.durationMinutes), timeZone: request.timeZone },
      attendees: request.attendees.map((a) => ({ address: a.upn, name: a.displayName, type: 'required' as const })),
      recurrence: quarterlyRecurrence(request),
    };
  };

  const validate = async (input: BookingRequest) => {
    const request = BookingRequestSchema.parse(input);
    const p = await ctx.people();
    const missing = missingRequiredAttendees(request, [...p.topManagement, ...p.isb]);
    if (missing.length > 0) throw new ReviewsError('missingAttendees', missing.map((m) => m.displayName).join(', '));
    return request;
  };

  return {
    async book(input) {
      const existing = await ctx.activeSeries();
      if (existing) throw new ReviewsError('alreadyBooked', existing.value.firstDate);
      const request = await validate(input);
      await Promise.all([records.provision(), evidence.provision()]);
      const p = await ctx.people();
      const invitation = await eventInput(request);
      const event = await createTeamsSeries(graph, { ...invitation, transactionId: globalThis.crypto.randomUUID() });
      const value: SeriesRecord = {
        eventId: event.id,
        organizer: p.me,
        joinUrl: event.joinUrl,
        firstDate: request.firstDate,
        time: request.time,
        timeZone: request.timeZone,
        durationMinutes: request.durationMinutes,
        end: request.end,
        attendees: request.attendees,
        bookedAt: iso(clock()),
        agendaSha256: await sha256Hex(invitation.bodyHtml),
      };
      const previous = await records.series();
      let stored: Stored<SeriesRecord>;
      try {
        stored = await records.saveSeries(value, previous?.etag);
      } catch (error) {
        // Someone booked at the same moment: keep theirs, withdraw ours.
        await graph.calendar.cancel(event.id, 'Doppelte Buchung zurückgezogen / duplicate booking withdrawn').catch(() => undefined);
        if (error instanceof GraphConflictError) throw new ReviewsError('alreadyBooked', value.firstDate);
        throw error;
      }
      await recordBooking(ctx, value);
      return stored;
    },

    async reschedule(input) {
      const series = await ctx.activeSeries();
      if (!series) throw new ReviewsError('notBooked', '');
      const request = await validate(input);
      const { bodyHtml, ...changes } = await eventInput(request);
      const joinUrl = await rewriteInvitation(graph, series.value.eventId, bodyHtml, changes);
      const value: SeriesRecord = { ...series.value, agendaSha256: await sha256Hex(bodyHtml), ...(joinUrl ? { joinUrl } : {}), firstDate: request.firstDate, time: request.time, timeZone: request.timeZone, durationMinutes: request.durationMinutes, end: request.end, attendees: request.attendees };
      const stored = await records.saveSeries(value, series.etag);
      await recordBooking(ctx, value);
      if (!joinUrl) throw new ReviewsError('meetingLost', '');
      return stored;
    },

    async cancel(comment) {
      const series = await ctx.activeSeries();
      if (!series) throw new ReviewsError('notBooked', '');
      await graph.calendar.cancel(series.value.eventId, comment);
      await records.saveSeries({ ...series.value, cancelledAt: iso(clock()) }, series.etag);
    },

    async refreshAgenda() {
      const series = await ctx.activeSeries();
      const p = await ctx.people();
      if (!series || series.value.organizer.upn.toLowerCase() !== p.me.upn.toLowerCase()) return false;
      const actions = toAgendaActions(openActionItems(await records.allMinutes()));
      const bodyHtml = invitationBody(series.value.attendees, actions);
      const sha = await sha256Hex(bodyHtml);
      if (sha === series.value.agendaSha256) return false;
      const joinUrl = await rewriteInvitation(graph, series.value.eventId, bodyHtml);
      await records.saveSeries({ ...series.value, agendaSha256: sha, ...(joinUrl ? { joinUrl } : {}) }, series.etag);
      if (!joinUrl) throw new ReviewsError('meetingLost', '');
      return true;
    },
  };
}
