/**
 * Calendar arithmetic on plain dates with date-fns. Each date is handled at local noon of the
 * runtime, which exists in every time zone, so a DST change in the runtime cannot shift the day.
 */
import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import type { PlainDate } from './zonedTime';

function toNoon(date: PlainDate): Date {
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(date.year, date.month - 1, date.day);
  return d;
}

function fromNoon(d: Date): PlainDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Adds calendar months; the day is clamped to the month's end (29 Feb + 12 months = 28 Feb). */
export function addMonthsToDate(date: PlainDate, months: number): PlainDate {
  return fromNoon(addMonths(toNoon(date), months));
}

export function addDaysToDate(date: PlainDate, days: number): PlainDate {
  return fromNoon(addDays(toNoon(date), days));
}

/** Whole calendar days from `earlier` to `later` (negative when `later` is before). */
export function daysBetween(earlier: PlainDate, later: PlainDate): number {
  return differenceInCalendarDays(toNoon(later), toNoon(earlier));
}
