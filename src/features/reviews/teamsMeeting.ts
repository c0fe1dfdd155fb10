/**
 * The review series' Teams meeting in Outlook. Outlook keeps the meeting in a blob inside the event
 * body; a body written without it disables the meeting (Microsoft Learn, "Update event": "preserve
 * the meeting blob for online meeting. Inadvertently removing the meeting blob from the body would
 * disable meeting online"). So the agenda is changed by reading the body, replacing only
 * Chefsache's block and writing the rest back; the join URL is read again after every change.
 * A series that Outlook creates without a join link is withdrawn, with the reason (the calendar's
 * allowedOnlineMeetingProviders) for the organizer, instead of being saved without a link.
 */
import type { CalendarEvent, EventInput, GraphGateways } from '../../graph';
import { replaceAgenda } from './agendaBody';
import { ReviewsError } from './errors';

const WITHDRAWN = 'Ohne Teams-Besprechung angelegt, zurückgezogen / created without a Teams meeting, withdrawn';

/** Creates the series as a Teams meeting; throws `teamsNotAllowed` / `noTeamsLink` (after withdrawing it) when it has no join URL. */
export async function createTeamsSeries(graph: GraphGateways, input: EventInput): Promise<CalendarEvent & { joinUrl: string }> {
  const created = await graph.calendar.create({ ...input, teamsMeeting: true });
  const event = created.joinUrl ? created : await graph.calendar.get(created.id);
  if (event.joinUrl) return { ...event, joinUrl: event.joinUrl };
  const calendar = await graph.calendar.defaultCalendar().catch(() => undefined);
  await graph.calendar.cancel(created.id, WITHDRAWN).catch(() => undefined);
  if (calendar && !calendar.allowedOnlineMeetingProviders.includes('teamsForBusiness')) {
    throw new ReviewsError('teamsNotAllowed', calendar.allowedOnlineMeetingProviders.filter((p) => p !== 'unknown').join(', ') || '–');
  }
  throw new ReviewsError('noTeamsLink', '');
}

/**
 * Writes a new agenda (and any other changes) into the series without touching the meeting blob.
 * Returns the join URL read after the change; undefined when the series lost it.
 */
export async function rewriteInvitation(graph: GraphGateways, eventId: string, agendaHtml: string, patch: Omit<Partial<EventInput>, 'bodyHtml'> = {}): Promise<string | undefined> {
  const current = await graph.calendar.get(eventId);
  const updated = await graph.calendar.update(eventId, { ...patch, bodyHtml: replaceAgenda(current.bodyHtml ?? '', agendaHtml) });
  return updated.joinUrl ?? (await graph.calendar.get(eventId)).joinUrl;
}
