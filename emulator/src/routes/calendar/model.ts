/** Calendar events as the calendar module stores them (one mailbox per user: `ownerId`). */
import type { Store } from '../../store/store';
import type { PatternedRecurrence } from './recurrence';
import type { DateTimeTimeZone } from './timeZones';

export const EVENTS = 'calendar.events';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface StoredAttendee {
  type: 'required' | 'optional' | 'resource';
  emailAddress: EmailAddress;
}

export interface StoredEvent {
  ownerId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  /** As the client sent them (wall time + zone name). */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: PatternedRecurrence | null;
  attendees: StoredAttendee[];
  location: { displayName: string };
  organizer: { emailAddress: EmailAddress };
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'teamsForBusiness' | 'unknown';
  onlineMeeting: { joinUrl: string; conferenceId: string } | null;
  onlineMeetingId: string | null;
  iCalUId: string;
  transactionId: string | null;
  categories: string[];
  isCancelled: boolean;
  /** Original starts (UTC ISO) of cancelled occurrences. */
  cancelledOccurrences: string[];
  importance: 'low' | 'normal' | 'high';
  showAs: string;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  allowNewTimeProposals: boolean;
  responseRequested: boolean;
}

export const events = (store: Store) => store.collection<StoredEvent>(EVENTS);

/** Occurrence ids carry the series id and the occurrence's original start. */
export function occurrenceId(masterId: string, start: Date): string {
  return Buffer.from(`occ|${masterId}|${start.toISOString()}`, 'utf8').toString('base64url');
}

export function parseOccurrenceId(id: string): { masterId: string; start: Date } | null {
  let text: string;
  try {
    text = Buffer.from(id, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const m = /^occ\|([^|]+)\|(.+)$/.exec(text);
  if (!m) return null;
  const start = new Date(m[2]!);
  return Number.isNaN(start.getTime()) ? null : { masterId: m[1]!, start };
}
