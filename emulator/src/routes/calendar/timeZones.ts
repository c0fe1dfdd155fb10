/**
 * Time zones as Outlook names them: Windows names ("W. Europe Standard Time") and IANA names
 * (Graph accepts both), wall-clock ↔ UTC through Intl only.
 */
import { errors } from '../../http/graphError';

/** The Windows names Graph uses most, with their IANA zone. */
const WINDOWS_TO_IANA: Record<string, string> = {
  'UTC': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** The IANA zone for an Outlook time zone name; 400 for names Graph would not know. */
export function ianaZone(name: string): string {
  const mapped = WINDOWS_TO_IANA[name] ?? Object.entries(WINDOWS_TO_IANA).find(([w]) => w.toLowerCase() === name.toLowerCase())?.[1];
  const zone = mapped ?? name;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw errors.badRequest(`A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`);
  }
}

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function toWall(instant: Date, zone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function wallAsUtc(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant at which the clocks in `zone` show `wall` (gaps move forward, like Outlook). */
export function fromWall(wall: Wall, zone: string): Date {
  const guess = wallAsUtc(wall);
  let instant = guess;
  for (let i = 0; i < 3; i++) {
    const offset = wallAsUtc(toWall(new Date(instant), zone)) - instant;
    instant = guess - offset;
  }
  return new Date(instant);
}

/** Parses Graph's dateTimeTimeZone.dateTime ("2026-12-08T10:00:00.0000000", no offset). */
export function parseWall(text: string): Wall {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text);
  if (!m) throw errors.badRequest(`Cannot convert the literal '${text}' to the expected type 'Edm.DateTime'.`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Graph's format: seven fractional digits, no offset. */
export function formatWall(w: Wall): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.0000000`;
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export function toDateTimeTimeZone(instant: Date, zoneName: string): DateTimeTimeZone {
  return { dateTime: formatWall(toWall(instant, ianaZone(zoneName))), timeZone: zoneName };
}

export function instantOf(value: DateTimeTimeZone): Date {
  return fromWall(parseWall(value.dateTime), ianaZone(value.timeZone));
}

/** `Prefer: outlook.timezone="..."`, when present. */
export function preferredTimeZone(headers: Readonly<Record<string, string>>): string | undefined {
  const prefer = headers['prefer'];
  if (!prefer) return undefined;
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer);
  if (!m) return undefined;
  ianaZone(m[1]!);
  return m[1];
}
