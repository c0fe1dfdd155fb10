/**
 * The booking form's data and the quarterly series it creates: validated with zod, turned into a
 * recurrence (every three months on the same weekday of the month, e.g. "second Tuesday") and into
 * occurrence starts, independent of the time zone the code runs in.
 */
import { z } from 'zod';
import { fromZoned, isValidTimeZone, parsePlainDate, type PlainDate } from '../../domain';
import type { EventRecurrence, Weekday, WeekIndex } from '../../graph';
import type { Translate } from '../../i18n';

export const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

const plainDate = z.string().refine((v) => {
  try {
    parsePlainDate(v);
    return true;
  } catch {
    return false;
  }
}, 'reviews.booking.error.date');

export const AttendeeSchema = z.object({
  id: z.string().min(1).optional(),
  upn: z.string().trim().min(3),
  displayName: z.string().trim().min(1),
  /** Preferred language of the person ('de' when unknown). */
  lang: z.enum(['de', 'en']).default('de'),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const SeriesEndSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('date'), date: plainDate }),
  z.object({ type: z.literal('count'), count: z.number().int().min(1, 'reviews.booking.error.count').max(40, 'reviews.booking.error.count') }),
]);
export type SeriesEnd = z.infer<typeof SeriesEndSchema>;

export const BookingRequestSchema = z
  .object({
    firstDate: plainDate,
    /** HH:mm */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'reviews.booking.error.time'),
    timeZone: z.string().refine(isValidTimeZone, 'reviews.booking.error.timeZone'),
    durationMinutes: z.number().int().min(15, 'reviews.booking.error.duration').max(480, 'reviews.booking.error.duration'),
    attendees: z.array(AttendeeSchema).min(1, 'reviews.booking.error.attendees'),
    end: SeriesEndSchema,
  })
  .superRefine((r, ctx) => {
    if (r.end.type === 'date' && r.end.date < r.firstDate) ctx.addIssue({ code: 'custom', path: ['end'], message: 'reviews.booking.error.endBeforeStart' });
  });
export type BookingRequest = z.infer<typeof BookingRequestSchema>;

/** Who must be invited: top management and the ISB (by sign-in name). */
export function missingRequiredAttendees(request: Pick<BookingRequest, 'attendees'>, required: readonly Attendee[]): Attendee[] {
  const invited = new Set(request.attendees.map((a) => a.upn.toLowerCase()));
  return required.filter((p) => !invited.has(p.upn.toLowerCase()));
}

function weekdayOf(date: PlainDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "second Tuesday": the weekday of the first date and which of its kind it is in the month (5th → last). */
export function weekdayRule(firstDate: string): { weekday: Weekday; index: WeekIndex } {
  const date = parsePlainDate(firstDate);
  return { weekday: WEEKDAYS[weekdayOf(date)]!, index: INDEXES[Math.min(Math.floor((date.day - 1) / 7), 4)]! };
}

/** The Outlook recurrence of the quarterly series. */
export function quarterlyRecurrence(request: BookingRequest): EventRecurrence {
  const { weekday, index } = weekdayRule(request.firstDate);
  const base = { startDate: request.firstDate, recurrenceTimeZone: request.timeZone };
  const range: EventRecurrence['range'] =
    request.end.type === 'date'
      ? { type: 'endDate', ...base, endDate: request.end.date }
      : request.end.type === 'count'
        ? { type: 'numbered', ...base, numberOfOccurrences: request.end.count }
        : { type: 'noEnd', ...base };
  return { pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: [weekday], index }, range };
}

function nthWeekday(year: number, month: number, dow: number, index: WeekIndex): PlainDate {
  if (index === 'last') {
    const last = daysInMonth(year, month);
    return { year, month, day: last - ((weekdayOf({ year, month, day: last }) - dow + 7) % 7) };
  }
  const first = 1 + ((dow - weekdayOf({ year, month, day: 1 }) + 7) % 7);
  return { year, month, day: first + 7 * INDEXES.indexOf(index) };
}

export interface SeriesShape {
  firstDate: string;
  time: string;
  timeZone: string;
  end: SeriesEnd;
}

/**
 * Occurrence starts of the series (as Outlook expands relativeMonthly, interval 3) at or after
 * `from`, at most `limit`.
 */
export function occurrenceStarts(series: SeriesShape, from: Date, limit: number): Date[] {
  const first = parsePlainDate(series.firstDate);
  const { weekday, index } = weekdayRule(series.firstDate);
  const [hour, minute] = series.time.split(':').map(Number) as [number, number];
  const endDate = series.end.type === 'date' ? series.end.date : null;
  const out: Date[] = [];
  for (let n = 0, produced = 0; out.length < limit && n < 400; n++) {
    const monthIndex = first.month - 1 + 3 * n;
    const day = nthWeekday(first.year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, WEEKDAYS.indexOf(weekday), index);
    const text = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    if (text < series.firstDate) continue;
    if (endDate !== null && text > endDate) break;
    if (series.end.type === 'count' && produced >= series.end.count) break;
    produced++;
    const start = fromZoned({ ...day, hour, minute, second: 0, millisecond: 0 }, series.timeZone);
    if (start.getTime() >= from.getTime()) out.push(start);
  }
  return out;
}

/** "Alle 3 Monate am zweiten Dienstag, 10:00 Uhr (Europe/Berlin)", in the translator's language. */
export function describeRule(series: SeriesShape, t: Translate): string {
  const { weekday, index } = weekdayRule(series.firstDate);
  return t('reviews.rule.text', { index: t(`reviews.rule.indexes.${index}`), weekday: t(`reviews.rule.weekdays.${weekday}`), time: series.time, timeZone: series.timeZone });
}

/** The wall-clock end of the first meeting, for the event's `end`. */
export function wallEnd(firstDate: string, time: string, durationMinutes: number): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const d = parsePlainDate(firstDate);
  const end = new Date(Date.UTC(d.year, d.month - 1, d.day, hour, minute + durationMinutes));
  return end.toISOString().slice(0, 19);
}
