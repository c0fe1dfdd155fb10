/**
 * Calendar quarters in the company's time zone and the quarterly review series: which quarter a
 * date falls in, the next occurrences, and whether a review is booked within the next quarter.
 */
import { addMonthsToDate } from './plainDate';
import { fromZoned, startOfPlainDate, toZoned, type LocalDateTime } from './zonedTime';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  year: number;
  quarter: QuarterNumber;
}

export function quarterOf(instant: Date, timeZone: string): Quarter {
  const { year, month } = toZoned(instant, timeZone);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}

/** The first instant of the quarter (local midnight on its first day). */
export function startOfQuarter(quarter: Quarter, timeZone: string): Date {
  return startOfPlainDate({ year: quarter.year, month: (quarter.quarter - 1) * 3 + 1, day: 1 }, timeZone);
}

export function nextQuarter(quarter: Quarter): Quarter {
  return quarter.quarter === 4
    ? { year: quarter.year + 1, quarter: 1 }
    : { year: quarter.year, quarter: (quarter.quarter + 1) as QuarterNumber };
}

/** The first instant after the quarter. */
export function endOfQuarterExclusive(quarter: Quarter, timeZone: string): Date {
  return startOfQuarter(nextQuarter(quarter), timeZone);
}

export function isInQuarter(instant: Date, quarter: Quarter, timeZone: string): boolean {
  const q = quarterOf(instant, timeZone);
  return q.year === quarter.year && q.quarter === quarter.quarter;
}

export function formatQuarter(quarter: Quarter): string {
  return `Q${quarter.quarter} ${quarter.year}`;
}

/** The same wall-clock time `months` calendar months later (day clamped to the month's end). */
export function addMonthsZoned(instant: Date, months: number, timeZone: string): Date {
  const local = toZoned(instant, timeZone);
  const day = addMonthsToDate(local, months);
  const shifted: LocalDateTime = { ...local, ...day };
  return fromZoned(shifted, timeZone);
}

/**
 * Occurrences of a quarterly series that starts at `seriesStart`: every 3 months at the same local
 * time, counted from the first occurrence (a series on 31 January meets on 30 April, 31 July, 31 October).
 * Returns the first `count` occurrences at or after `from`.
 */
export function nextQuarterlyOccurrences(seriesStart: Date, from: Date, count: number, timeZone: string): Date[] {
  const occurrences: Date[] = [];
  for (let n = 0; occurrences.length < count; n++) {
    const occurrence = addMonthsZoned(seriesStart, 3 * n, timeZone);
    if (occurrence.getTime() >= from.getTime()) occurrences.push(occurrence);
    if (n > 10_000) break;
  }
  return occurrences;
}

/** True when some occurrence lies between now and the same time three months later. */
export function isReviewBookedWithinNextQuarter(occurrences: readonly Date[], now: Date, timeZone: string): boolean {
  const until = addMonthsZoned(now, 3, timeZone).getTime();
  return occurrences.some((o) => o.getTime() >= now.getTime() && o.getTime() <= until);
}
