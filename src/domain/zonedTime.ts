/**
 * Calendar dates and wall-clock times in a company's time zone (IANA name, e.g. Europe/Berlin),
 * independent of the time zone the code runs in. Uses Intl only; date-fns does the calendar
 * arithmetic on plain dates (see plainDate.ts).
 */
export interface PlainDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface LocalDateTime extends PlainDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new RangeError(`Unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin).`, {
        cause,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function assertValidInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date: the instant is not a valid point in time.');
}

/** The wall-clock time of `instant` in `timeZone`. */
export function toZoned(instant: Date, timeZone: string): LocalDateTime {
  assertValidInstant(instant);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
    millisecond: instant.getUTCMilliseconds(),
  };
}

function localAsUtcMs(t: LocalDateTime): number {
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  const date = new Date(ms);
  date.setUTCFullYear(t.year);
  return date.getTime();
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Berlin in summer: +7 200 000). */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  return localAsUtcMs(toZoned(instant, timeZone)) - instant.getTime();
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `local`. A time that occurs twice
 * (autumn change) resolves to the first occurrence; a time that does not exist (spring gap) moves
 * forward by the gap (02:30 on the spring change in Berlin becomes 03:30).
 */
export function fromZoned(local: LocalDateTime, timeZone: string): Date {
  const asUtc = localAsUtcMs(local);
  if (Number.isNaN(asUtc)) throw new RangeError('Invalid date: the local date and time are not valid numbers.');
  const offsetBefore = timeZoneOffsetMs(new Date(asUtc - DAY_MS), timeZone);
  const offsetAfter = timeZoneOffsetMs(new Date(asUtc + DAY_MS), timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter]
    .filter((ms) => sameWallClock(toZoned(new Date(ms), timeZone), local))
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? asUtc - offsetBefore);
}

export function toPlainDate(instant: Date, timeZone: string): PlainDate {
  const { year, month, day } = toZoned(instant, timeZone);
  return { year, month, day };
}

/** The first instant of a calendar day in `timeZone`. */
export function startOfPlainDate(date: PlainDate, timeZone: string): Date {
  return fromZoned({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

export function formatPlainDate(date: PlainDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses `YYYY-MM-DD`; throws a RangeError naming the value when it is not a real calendar day. */
export function parsePlainDate(text: string): PlainDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
    if (check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day) return date;
  }
  throw new RangeError(`Invalid date "${text}" (expected a calendar day as YYYY-MM-DD).`);
}

export function comparePlainDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DDTHH:mm:ssZ` (UTC, whole seconds): a stable text form for keys. */
export function toUtcSecondsIso(instant: Date): string {
  assertValidInstant(instant);
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
