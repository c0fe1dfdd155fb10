import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { addDaysToDate, addMonthsToDate, daysBetween } from './plainDate';
import {
  fromZoned,
  parsePlainDate,
  startOfPlainDate,
  timeZoneOffsetMs,
  toPlainDate,
  toUtcSecondsIso,
  toZoned,
} from './zonedTime';

const BERLIN = 'Europe/Berlin';
const local = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe('wall-clock time in Europe/Berlin', () => {
  it('knows winter (+1 h) and summer (+2 h) time', () => {
    expect(timeZoneOffsetMs(new Date('2026-01-15T12:00:00Z'), BERLIN)).toBe(3_600_000);
    expect(timeZoneOffsetMs(new Date('2026-07-15T12:00:00Z'), BERLIN)).toBe(7_200_000);
    expect(toZoned(new Date('2026-07-15T22:30:00Z'), BERLIN)).toMatchObject({ year: 2026, month: 7, day: 16, hour: 0, minute: 30 });
  });

  it('round-trips local times on ordinary days', () => {
    const instant = fromZoned(local(2026, 11, 27, 9, 15), BERLIN);
    expect(instant.toISOString()).toBe('2026-11-27T08:15:00.000Z');
    expect(toZoned(instant, BERLIN)).toMatchObject(local(2026, 11, 27, 9, 15));
  });

  it('moves a time in the spring gap forward (29 March 2026, 02:30 does not exist)', () => {
    expect(fromZoned(local(2026, 3, 29, 2, 30), BERLIN).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toZoned(new Date('2026-03-29T01:30:00Z'), BERLIN).hour).toBe(3);
  });

  it('resolves a time that occurs twice in autumn to the first occurrence (25 October 2026, 02:30)', () => {
    expect(fromZoned(local(2026, 10, 25, 2, 30), BERLIN).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('starts the DST days at local midnight', () => {
    expect(startOfPlainDate({ year: 2026, month: 3, day: 29 }, BERLIN).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfPlainDate({ year: 2026, month: 3, day: 30 }, BERLIN).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfPlainDate({ year: 2026, month: 10, day: 26 }, BERLIN).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('gives the calendar day in the company time zone, not in UTC', () => {
    expect(toPlainDate(new Date('2026-03-31T22:30:00Z'), BERLIN)).toEqual({ year: 2026, month: 4, day: 1 });
    expect(toPlainDate(new Date('2026-03-31T22:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 3, day: 31 });
  });

  it('rejects an unknown time zone with a message that names it', () => {
    expect(() => toZoned(new Date(), 'Europe/Atlantis')).toThrow('Unknown time zone "Europe/Atlantis"');
  });

  it('rejects an invalid instant', () => {
    expect(() => toZoned(new Date('not a date'), BERLIN)).toThrow('Invalid date');
  });
});

describe('plain dates', () => {
  it('parses real calendar days only', () => {
    expect(parsePlainDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parsePlainDate('2025-02-29')).toThrow('Invalid date "2025-02-29"');
    expect(() => parsePlainDate('15.03.2026')).toThrow('expected a calendar day as YYYY-MM-DD');
  });

  it('clamps month arithmetic to the month end in leap and common years', () => {
    expect(addMonthsToDate({ year: 2024, month: 2, day: 29 }, 12)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonthsToDate({ year: 2024, month: 2, day: 29 }, 48)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonthsToDate({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('counts days across the DST change without losing one', () => {
    expect(addDaysToDate({ year: 2026, month: 3, day: 28 }, 2)).toEqual({ year: 2026, month: 3, day: 30 });
    expect(daysBetween({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 4, day: 1 })).toBe(31);
  });

  it('formats instants for keys in UTC with whole seconds', () => {
    expect(toUtcSecondsIso(new Date('2026-03-12T10:00:00.123+01:00'))).toBe('2026-03-12T09:00:00Z');
  });
});

describe('independent of the runtime time zone', () => {
  // Jest sandboxes process.env, so the runtime zone is changed in a child process.
  const probe = `
    const load = async (file) => { const m = await import(file); return m.default ?? m; };
    const z = await load(${JSON.stringify(join(__dirname, 'zonedTime.ts'))});
    const p = await load(${JSON.stringify(join(__dirname, 'plainDate.ts'))});
    const results = {};
    for (const zone of ['America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'Europe/Berlin']) {
      process.env.TZ = zone;
      results[zone] = {
        runtimeOffset: new Date(2026, 0, 1, 12).getTimezoneOffset(),
        startOfSpringChange: z.startOfPlainDate({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin').toISOString(),
        monthAfter: p.addMonthsToDate({ year: 2026, month: 3, day: 8 }, 1),
        dayAfter: p.addDaysToDate({ year: 2026, month: 3, day: 8 }, 1),
        autumnDay: z.toPlainDate(new Date('2026-10-24T22:30:00Z'), 'Europe/Berlin'),
      };
    }
    console.log(JSON.stringify(results));
  `;

  it('gives the same Berlin results whatever zone the runtime runs in', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    const results = JSON.parse(output) as Record<string, { runtimeOffset: number }>;
    const offsets = Object.values(results).map((r) => r.runtimeOffset);
    expect(new Set(offsets).size).toBe(4);
    for (const result of Object.values(results)) {
      expect(result).toEqual({
        runtimeOffset: result.runtimeOffset,
        startOfSpringChange: '2026-03-28T23:00:00.000Z',
        monthAfter: { year: 2026, month: 4, day: 8 },
        dayAfter: { year: 2026, month: 3, day: 9 },
        autumnDay: { year: 2026, month: 10, day: 25 },
      });
    }
  }, 20_000);
});
