/**
 * patternedRecurrence as Graph documents it (daily, weekly, absoluteMonthly, relativeMonthly;
 * ranges endDate, noEnd, numbered) and its expansion into occurrence start instants.
 */
import { errors } from '../../http/graphError';
import { fromWall, ianaZone, type Wall } from './timeZones';

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayOfWeek = (typeof DAYS)[number];
export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof WEEK_INDEXES)[number];
const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly'] as const;
type PatternType = (typeof PATTERN_TYPES)[number];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;

export interface RecurrencePattern {
  type: PatternType;
  interval: number;
  month: number;
  dayOfMonth: number;
  daysOfWeek: DayOfWeek[];
  firstDayOfWeek: DayOfWeek;
  index: WeekIndex;
}

export interface RecurrenceRange {
  type: (typeof RANGE_TYPES)[number];
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
  numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a request's recurrence and fills Graph's defaults. */
export function parseRecurrence(input: unknown, defaultTimeZone: string): PatternedRecurrence {
  const bad = (what: string) => errors.badRequest(`Recurrence is invalid: ${what}.`);
  if (typeof input !== 'object' || input === null) throw bad('expected an object');
  const { pattern, range } = input as { pattern?: Record<string, unknown>; range?: Record<string, unknown> };
  if (!pattern || !range) throw bad('pattern and range are required');
  const type = pattern.type as PatternType;
  if (!PATTERN_TYPES.includes(type)) throw bad(`pattern type '${String(pattern.type)}' is not supported`);
  const interval = Number(pattern.interval ?? 1);
  if (!Number.isInteger(interval) || interval < 1 || interval > 99) throw bad('interval must be between 1 and 99');
  const daysOfWeek = ((pattern.daysOfWeek as unknown[] | undefined) ?? []).map((d) => String(d).toLowerCase() as DayOfWeek);
  if (daysOfWeek.some((d) => !DAYS.includes(d))) throw bad('daysOfWeek holds an unknown day');
  if ((type === 'weekly' || type === 'relativeMonthly') && daysOfWeek.length === 0) throw bad(`${type} needs daysOfWeek`);
  const index = String(pattern.index ?? 'first') as WeekIndex;
  if (!WEEK_INDEXES.includes(index)) throw bad('index is unknown');
  const dayOfMonth = Number(pattern.dayOfMonth ?? 0);
  if (type === 'absoluteMonthly' && !(dayOfMonth >= 1 && dayOfMonth <= 31)) throw bad('absoluteMonthly needs dayOfMonth 1–31');
  const rangeType = String(range.type) as RecurrenceRange['type'];
  if (!RANGE_TYPES.includes(rangeType)) throw bad(`range type '${String(range.type)}' is not supported`);
  const startDate = String(range.startDate ?? '');
  if (!DATE.test(startDate)) throw bad('range.startDate must be a date (YYYY-MM-DD)');
  const endDate = range.endDate === undefined || range.endDate === null ? '0001-01-01' : String(range.endDate);
  if (rangeType === 'endDate' && (!DATE.test(endDate) || endDate < startDate)) throw bad('range.endDate must be a date on or after startDate');
  const numberOfOccurrences = Number(range.numberOfOccurrences ?? 0);
  if (rangeType === 'numbered' && !(Number.isInteger(numberOfOccurrences) && numberOfOccurrences >= 1)) throw bad('numbered ranges need numberOfOccurrences ≥ 1');
  const recurrenceTimeZone = typeof range.recurrenceTimeZone === 'string' && range.recurrenceTimeZone ? range.recurrenceTimeZone : defaultTimeZone;
  ianaZone(recurrenceTimeZone);
  return {
    pattern: {
      type,
      interval,
      month: Number(pattern.month ?? 0),
      dayOfMonth,
      daysOfWeek,
      firstDayOfWeek: String(pattern.firstDayOfWeek ?? 'sunday').toLowerCase() as DayOfWeek,
      index,
    },
    range: { type: rangeType, startDate, endDate, recurrenceTimeZone, numberOfOccurrences },
  };
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const utcDay = (d: Day) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): Day => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const parseDay = (s: string): Day => ({ year: +s.slice(0, 4), month: +s.slice(5, 7), day: +s.slice(8, 10) });
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekday = (d: Day) => new Date(utcDay(d)).getUTCDay();
const DAY_MS = 86_400_000;

function nthWeekday(year: number, month: number, dow: number, index: WeekIndex): Day {
  if (index === 'last') {
    const last = daysInMonth(year, month);
    const lastDow = weekday({ year, month, day: last });
    return { year, month, day: last - ((lastDow - dow + 7) % 7) };
  }
  const firstDow = weekday({ year, month, day: 1 });
  const first = 1 + ((dow - firstDow + 7) % 7);
  return { year, month, day: first + 7 * WEEK_INDEXES.indexOf(index) };
}

/** Candidate dates in order, from the range start (no range end applied). */
function* candidateDays(r: PatternedRecurrence): Generator<Day> {
  const start = parseDay(r.range.startDate);
  const p = r.pattern;
  const startMs = utcDay(start);
  if (p.type === 'daily') {
    for (let ms = startMs; ; ms += p.interval * DAY_MS) yield fromUtc(ms);
  }
  if (p.type === 'weekly') {
    const firstDow = DAYS.indexOf(p.firstDayOfWeek);
    const weekStart = startMs - ((weekday(start) - firstDow + 7) % 7) * DAY_MS;
    const wanted = p.daysOfWeek.map((d) => (DAYS.indexOf(d) - firstDow + 7) % 7).sort((a, b) => a - b);
    for (let w = weekStart; ; w += 7 * p.interval * DAY_MS) {
      for (const offset of wanted) {
        const ms = w + offset * DAY_MS;
        if (ms >= startMs) yield fromUtc(ms);
      }
    }
  }
  for (let n = 0; ; n += p.interval) {
    const monthIndex = start.month - 1 + n;
    const year = start.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    let days: Day[];
    if (p.type === 'absoluteMonthly') {
      days = [{ year, month, day: Math.min(p.dayOfMonth, daysInMonth(year, month)) }];
    } else {
      days = p.daysOfWeek.map((d) => nthWeekday(year, month, DAYS.indexOf(d), p.index)).sort((a, b) => a.day - b.day);
    }
    for (const d of days) if (utcDay(d) >= startMs) yield d;
  }
}

/**
 * Occurrence starts of a series whose first meeting starts at the wall time `time` (hour,
 * minute, second), up to `until` (exclusive) and at most `limit` of them.
 */
export function expand(r: PatternedRecurrence, time: Pick<Wall, 'hour' | 'minute' | 'second'>, until: Date, limit = 2000): Date[] {
  const zone = ianaZone(r.range.recurrenceTimeZone);
  const out: Date[] = [];
  const endMs = r.range.type === 'endDate' ? utcDay(parseDay(r.range.endDate)) : Infinity;
  let produced = 0;
  for (const d of candidateDays(r)) {
    if (utcDay(d) > endMs) break;
    if (r.range.type === 'numbered' && produced >= r.range.numberOfOccurrences) break;
    const start = fromWall({ ...d, hour: time.hour, minute: time.minute, second: time.second }, zone);
    if (start.getTime() >= until.getTime() || out.length >= limit) break;
    out.push(start);
    produced++;
  }
  return out;
}
