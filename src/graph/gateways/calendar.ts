/**
 * Outlook calendar of the signed-in user (/me/events, instances, calendarView, /me/calendar): the
 * management review series with its Teams meeting. The body of an online meeting carries the
 * meeting blob (the join link): callers that change `bodyHtml` must keep it (see features/reviews/teamsMeeting.ts). Times are read in UTC (`Prefer: outlook.timezone="UTC"`)
 * and leave this module as ISO instants; writes take wall-clock time plus an IANA time zone.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { graphShape } from './shared';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof WEEK_INDEXES)[number];

/** A recurrence as Chefsache books it (Graph's patternedRecurrence, the parts we use). */
export interface EventRecurrence {
  pattern:
    | { type: 'relativeMonthly'; interval: number; daysOfWeek: Weekday[]; index: WeekIndex }
    | { type: 'absoluteMonthly'; interval: number; dayOfMonth: number }
    | { type: 'weekly'; interval: number; daysOfWeek: Weekday[] }
    | { type: 'daily'; interval: number };
  range:
    | { type: 'noEnd'; startDate: string; recurrenceTimeZone: string }
    | { type: 'endDate'; startDate: string; endDate: string; recurrenceTimeZone: string }
    | { type: 'numbered'; startDate: string; numberOfOccurrences: number; recurrenceTimeZone: string };
}

export interface EventAttendee {
  address: string;
  name?: string;
  type: 'required' | 'optional';
}

/** Wall-clock time (`YYYY-MM-DDTHH:mm:ss`) in an IANA or Windows time zone. */
export interface WallTime {
  dateTime: string;
  timeZone: string;
}

export interface EventInput {
  subject: string;
  /** Safe HTML (escaped by the caller). */
  bodyHtml: string;
  start: WallTime;
  end: WallTime;
  attendees: EventAttendee[];
  recurrence?: EventRecurrence | null;
  /** Creates a Teams meeting (teamsForBusiness). */
  teamsMeeting?: boolean;
  /** Outlook dedupes a repeated create with the same transactionId. */
  transactionId?: string;
  categories?: string[];
}

export interface CalendarEvent {
  id: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  subject: string;
  /** ISO instant (UTC). */
  start: string;
  end: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  organizer?: { name?: string; address?: string };
  attendees: { address: string; name?: string; type: string; response?: string }[];
  recurrence?: EventRecurrence;
  seriesMasterId?: string;
  joinUrl?: string;
  iCalUId?: string;
  webLink?: string;
  bodyHtml?: string;
  originalStartTimeZone?: string;
}

const dateTimeTimeZoneSchema = graphShape<MicrosoftGraph.DateTimeTimeZone>()(z.object({ dateTime: z.string(), timeZone: z.string().nullish() }));
const emailAddressSchema = z.object({ name: z.string().nullish(), address: z.string().nullish() });

const recurrenceSchema = z.looseObject({
  pattern: z.looseObject({
    type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
    interval: z.number(),
    dayOfMonth: z.number().optional(),
    daysOfWeek: z.array(z.enum(WEEKDAYS)).nullish(),
    index: z.enum(WEEK_INDEXES).nullish(),
  }),
  range: z.looseObject({
    type: z.enum(['endDate', 'noEnd', 'numbered']),
    startDate: z.string(),
    endDate: z.string().nullish(),
    recurrenceTimeZone: z.string().nullish(),
    numberOfOccurrences: z.number().optional(),
  }),
});

const eventSchema = graphShape<MicrosoftGraph.Event>()(
  z.looseObject({
    id: z.string(),
    type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']),
    subject: z.string().nullish(),
    start: dateTimeTimeZoneSchema,
    end: dateTimeTimeZoneSchema,
    isCancelled: z.boolean().nullish(),
    isOrganizer: z.boolean().nullish(),
    organizer: z.object({ emailAddress: emailAddressSchema.nullish() }).nullish(),
    attendees: z
      .array(z.object({ type: z.enum(['required', 'optional', 'resource']).nullish(), emailAddress: emailAddressSchema.nullish(), status: z.object({ response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']).nullish() }).nullish() }))
      .nullish(),
    recurrence: recurrenceSchema.nullish(),
    seriesMasterId: z.string().nullish(),
    onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
    iCalUId: z.string().nullish(),
    webLink: z.string().nullish(),
    body: z.object({ contentType: z.enum(['text', 'html']).nullish(), content: z.string().nullish() }).nullish(),
    originalStartTimeZone: z.string().nullish(),
  }),
);

type GraphEvent = z.output<typeof eventSchema>;

const calendarSchema = graphShape<MicrosoftGraph.Calendar>()(
  z.looseObject({
    id: z.string(),
    allowedOnlineMeetingProviders: z.array(z.enum(['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'])).nullish(),
    defaultOnlineMeetingProvider: z.enum(['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness']).nullish(),
  }),
);

/** The signed-in user's default calendar: which online meeting providers it may use. */
export interface DefaultCalendar {
  allowedOnlineMeetingProviders: string[];
  defaultOnlineMeetingProvider?: string;
}

/** Reads answers in UTC, so instants are unambiguous. */
const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' };

function utcInstant(value: { dateTime: string; timeZone?: string | null }): string {
  if (value.timeZone && value.timeZone !== 'UTC' && value.timeZone !== 'Etc/GMT') {
    throw new RangeError(`Expected a UTC time from Graph, got time zone "${value.timeZone}".`);
  }
  const trimmed = value.dateTime.replace(/(\.\d{3})\d*$/, '$1');
  return new Date(`${trimmed}${/Z$/.test(trimmed) ? '' : 'Z'}`).toISOString();
}

function toRecurrence(r: z.output<typeof recurrenceSchema>): EventRecurrence | undefined {
  const p = r.pattern;
  const zone = r.range.recurrenceTimeZone ?? 'UTC';
  let pattern: EventRecurrence['pattern'];
  if (p.type === 'relativeMonthly') pattern = { type: p.type, interval: p.interval, daysOfWeek: p.daysOfWeek ?? [], index: p.index ?? 'first' };
  else if (p.type === 'absoluteMonthly') pattern = { type: p.type, interval: p.interval, dayOfMonth: p.dayOfMonth ?? 1 };
  else if (p.type === 'weekly') pattern = { type: p.type, interval: p.interval, daysOfWeek: p.daysOfWeek ?? [] };
  else if (p.type === 'daily') pattern = { type: p.type, interval: p.interval };
  else return undefined;
  const range: EventRecurrence['range'] =
    r.range.type === 'endDate'
      ? { type: 'endDate', startDate: r.range.startDate, endDate: r.range.endDate ?? r.range.startDate, recurrenceTimeZone: zone }
      : r.range.type === 'numbered'
        ? { type: 'numbered', startDate: r.range.startDate, numberOfOccurrences: r.range.numberOfOccurrences ?? 1, recurrenceTimeZone: zone }
        : { type: 'noEnd', startDate: r.range.startDate, recurrenceTimeZone: zone };
  return { pattern, range };
}

function toEvent(e: GraphEvent): CalendarEvent {
  const event: CalendarEvent = {
    id: e.id,
    type: e.type,
    subject: e.subject ?? '',
    start: utcInstant(e.start),
    end: utcInstant(e.end),
    isCancelled: e.isCancelled ?? false,
    isOrganizer: e.isOrganizer ?? false,
    attendees: (e.attendees ?? [])
      .filter((a) => a.emailAddress?.address)
      .map((a) => ({
        address: a.emailAddress!.address!,
        ...(a.emailAddress?.name ? { name: a.emailAddress.name } : {}),
        type: a.type ?? 'required',
        ...(a.status?.response ? { response: a.status.response } : {}),
      })),
  };
  if (e.organizer?.emailAddress) {
    event.organizer = {
      ...(e.organizer.emailAddress.name ? { name: e.organizer.emailAddress.name } : {}),
      ...(e.organizer.emailAddress.address ? { address: e.organizer.emailAddress.address } : {}),
    };
  }
  const recurrence = e.recurrence ? toRecurrence(e.recurrence) : undefined;
  if (recurrence) event.recurrence = recurrence;
  if (e.seriesMasterId) event.seriesMasterId = e.seriesMasterId;
  if (e.onlineMeeting?.joinUrl) event.joinUrl = e.onlineMeeting.joinUrl;
  if (e.iCalUId) event.iCalUId = e.iCalUId;
  if (e.webLink) event.webLink = e.webLink;
  if (e.body?.content) event.bodyHtml = e.body.content;
  if (e.originalStartTimeZone) event.originalStartTimeZone = e.originalStartTimeZone;
  return event;
}

function eventBody(input: Partial<EventInput>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.subject !== undefined) body.subject = input.subject;
  if (input.bodyHtml !== undefined) body.body = { contentType: 'html', content: input.bodyHtml };
  if (input.start) body.start = input.start;
  if (input.end) body.end = input.end;
  if (input.attendees) body.attendees = input.attendees.map((a) => ({ type: a.type, emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } }));
  if (input.recurrence !== undefined) body.recurrence = input.recurrence;
  if (input.teamsMeeting) {
    body.isOnlineMeeting = true;
    body.onlineMeetingProvider = 'teamsForBusiness';
  }
  if (input.transactionId) body.transactionId = input.transactionId;
  if (input.categories) body.categories = input.categories;
  return body;
}

export interface CalendarGateway {
  /** Creates an event (a series when `recurrence` is set) in the signed-in user's calendar. */
  create(input: EventInput): Promise<CalendarEvent>;
  get(id: string): Promise<CalendarEvent>;
  /** Changes subject, body, times, attendees or recurrence (a series: all occurrences). */
  update(id: string, patch: Partial<EventInput>): Promise<CalendarEvent>;
  /** The organizer cancels (attendees get a cancellation); a series id cancels the series. */
  cancel(id: string, comment?: string): Promise<void>;
  /** Occurrences of a series between two instants. */
  instances(seriesId: string, from: Date, to: Date): Promise<CalendarEvent[]>;
  /** Every event and occurrence overlapping [from, to). */
  calendarView(from: Date, to: Date): Promise<CalendarEvent[]>;
  /** GET /me/calendar: the online meeting providers the calendar allows (Teams or none). */
  defaultCalendar(): Promise<DefaultCalendar>;
}

export function createCalendarGateway(pipeline: GraphPipeline): CalendarGateway {
  const scopes = FEATURE_SCOPES.calendar;
  const window = (from: Date, to: Date) => ({ startDateTime: from.toISOString(), endDateTime: to.toISOString() });
  return {
    create: async (input) =>
      toEvent(await pipeline.json({ method: 'POST', url: '/me/events', headers: PREFER_UTC, body: { json: eventBody(input) }, scopes }, eventSchema)),
    get: async (id) => toEvent(await pipeline.json({ method: 'GET', url: `/me/events/${segment(id)}`, headers: PREFER_UTC, scopes }, eventSchema)),
    update: async (id, patch) =>
      toEvent(await pipeline.json({ method: 'PATCH', url: `/me/events/${segment(id)}`, headers: PREFER_UTC, body: { json: eventBody(patch) }, scopes }, eventSchema)),
    cancel: (id, comment) =>
      pipeline.noContent({ method: 'POST', url: `/me/events/${segment(id)}/cancel`, body: { json: comment ? { comment } : {} }, scopes }),
    instances: async (seriesId, from, to) =>
      (await pipeline.all({ method: 'GET', url: `/me/events/${segment(seriesId)}/instances`, query: { ...window(from, to), $top: 100 }, headers: PREFER_UTC, scopes }, eventSchema)).map(toEvent),
    calendarView: async (from, to) =>
      (await pipeline.all({ method: 'GET', url: '/me/calendarView', query: { ...window(from, to), $top: 100 }, headers: PREFER_UTC, scopes }, eventSchema)).map(toEvent),
    defaultCalendar: async () => {
      const c = await pipeline.json({ method: 'GET', url: '/me/calendar', query: { $select: 'id,allowedOnlineMeetingProviders,defaultOnlineMeetingProvider' }, scopes }, calendarSchema);
      return { allowedOnlineMeetingProviders: c.allowedOnlineMeetingProviders ?? [], ...(c.defaultOnlineMeetingProvider ? { defaultOnlineMeetingProvider: c.defaultOnlineMeetingProvider } : {}) };
    },
  };
}
