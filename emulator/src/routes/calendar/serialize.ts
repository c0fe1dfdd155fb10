/** Stored events → Graph's event JSON (seriesMaster, occurrence, singleInstance). */
import type { StoredResource } from '../../store/store';
import { expand } from './recurrence';
import { occurrenceId, type StoredEvent } from './model';
import { instantOf, parseWall, toDateTimeTimeZone } from './timeZones';

export const EVENT_PROPERTIES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn', 'hasAttachments', 'subject', 'bodyPreview',
  'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer', 'responseRequested', 'seriesMasterId', 'showAs', 'type',
  'webLink', 'onlineMeetingUrl', 'isOnlineMeeting', 'onlineMeetingProvider', 'allowNewTimeProposals', 'isDraft', 'hideAttendees',
  'responseStatus', 'body', 'start', 'end', 'location', 'locations', 'recurrence', 'attendees', 'organizer', 'onlineMeeting',
  'originalStart',
] as const;

export function durationMs(e: StoredEvent): number {
  return instantOf(e.end).getTime() - instantOf(e.start).getTime();
}

/** Occurrence starts of a series before `until` (cancelled ones left out). */
export function occurrenceStarts(e: StoredEvent, until: Date): Date[] {
  if (!e.recurrence) return [];
  const wall = parseWall(e.start.dateTime);
  const cancelled = new Set(e.cancelledOccurrences);
  return expand(e.recurrence, wall, until).filter((s) => !cancelled.has(s.toISOString()));
}

function preview(body: StoredEvent['body']): string {
  const text = body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ') : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

interface SerializeOptions {
  /** Zone for start/end (Prefer: outlook.timezone); default UTC. */
  timeZone: string;
  userId: string;
}

export function serializeEvent(
  r: StoredResource<StoredEvent>,
  options: SerializeOptions,
  occurrence?: { start: Date },
): Record<string, unknown> {
  const e = r.data;
  const isOccurrence = occurrence !== undefined;
  const start = occurrence?.start ?? instantOf(e.start);
  const end = new Date(start.getTime() + durationMs(e));
  const id = isOccurrence ? occurrenceId(r.id, start) : r.id;
  const type = isOccurrence ? 'occurrence' : e.recurrence ? 'seriesMaster' : 'singleInstance';
  return {
    '@odata.etag': `W/"${Buffer.from(`${r.id}:${r.version}`).toString('base64')}"`,
    id,
    createdDateTime: r.createdAt,
    lastModifiedDateTime: r.modifiedAt,
    changeKey: Buffer.from(`${r.id}:${r.version}`).toString('base64'),
    categories: e.categories,
    transactionId: e.transactionId,
    originalStartTimeZone: e.start.timeZone,
    originalEndTimeZone: e.end.timeZone,
    iCalUId: e.iCalUId,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    isReminderOn: e.isReminderOn,
    hasAttachments: false,
    subject: e.subject,
    bodyPreview: preview(e.body),
    importance: e.importance,
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: e.isCancelled,
    isOrganizer: e.ownerId === options.userId,
    responseRequested: e.responseRequested,
    seriesMasterId: isOccurrence ? r.id : null,
    showAs: e.showAs,
    type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.onlineMeetingProvider,
    allowNewTimeProposals: e.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: false,
    ...(isOccurrence ? { originalStart: start.toISOString().replace('.000Z', 'Z') } : {}),
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: e.body,
    start: toDateTimeTimeZone(start, options.timeZone),
    end: toDateTimeTimeZone(end, options.timeZone),
    location: { displayName: e.location.displayName, locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: e.location.displayName ? [{ displayName: e.location.displayName, locationType: 'default', uniqueIdType: 'unknown' }] : [],
    recurrence: isOccurrence ? null : e.recurrence,
    attendees: e.attendees.map((a) => ({ type: a.type, status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: a.emailAddress })),
    organizer: e.organizer,
    onlineMeeting: e.onlineMeeting ? { joinUrl: e.onlineMeeting.joinUrl, conferenceId: e.onlineMeeting.conferenceId, tollNumber: null } : null,
  };
}
