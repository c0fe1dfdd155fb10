import {
  addMonthsZoned,
  endOfQuarterExclusive,
  formatQuarter,
  isInQuarter,
  isReviewBookedWithinNextQuarter,
  nextQuarterlyOccurrences,
  quarterOf,
  startOfQuarter,
} from './quarters';

const BERLIN = 'Europe/Berlin';

describe('quarters in the company time zone', () => {
  it('puts the first Berlin hour of April into Q2 although it is still March in UTC', () => {
    expect(quarterOf(new Date('2026-03-31T21:59:59Z'), BERLIN)).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'), BERLIN)).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'), 'UTC')).toEqual({ year: 2026, quarter: 1 });
  });

  it('rolls over the year at New Year in Berlin', () => {
    expect(quarterOf(new Date('2025-12-31T23:30:00Z'), BERLIN)).toEqual({ year: 2026, quarter: 1 });
    expect(formatQuarter(quarterOf(new Date('2025-12-31T22:30:00Z'), BERLIN))).toBe('Q4 2025');
  });

  it('gives the start and end of a quarter as local midnights (winter and summer time)', () => {
    expect(startOfQuarter({ year: 2026, quarter: 2 }, BERLIN).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(endOfQuarterExclusive({ year: 2026, quarter: 3 }, BERLIN).toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(endOfQuarterExclusive({ year: 2026, quarter: 4 }, BERLIN).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(isInQuarter(new Date('2026-12-31T22:59:59Z'), { year: 2026, quarter: 4 }, BERLIN)).toBe(true);
  });
});

describe('quarterly review series', () => {
  it('keeps 10:00 local time across DST changes', () => {
    const first = new Date('2026-01-15T09:00:00Z'); // 10:00 CET
    const occurrences = nextQuarterlyOccurrences(first, first, 4, BERLIN).map((d) => d.toISOString());
    expect(occurrences).toEqual([
      '2026-01-15T09:00:00.000Z',
      '2026-04-15T08:00:00.000Z', // 10:00 CEST
      '2026-07-15T08:00:00.000Z',
      '2026-10-15T08:00:00.000Z',
    ]);
  });

  it('clamps a series on the 31st to the month end without drifting', () => {
    const first = new Date('2026-01-31T09:00:00Z');
    const days = nextQuarterlyOccurrences(first, first, 5, BERLIN).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']);
  });

  it('skips occurrences before the given moment', () => {
    const first = new Date('2025-02-10T09:00:00Z');
    const [next] = nextQuarterlyOccurrences(first, new Date('2026-11-27T10:00:00Z'), 1, BERLIN);
    expect(next?.toISOString()).toBe('2027-02-10T09:00:00.000Z');
  });

  it('knows whether a review is booked within the next quarter, on the exact boundary too', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const threeMonthsLater = addMonthsZoned(now, 3, BERLIN);
    expect(threeMonthsLater.toISOString()).toBe('2027-02-27T10:00:00.000Z');
    expect(isReviewBookedWithinNextQuarter([threeMonthsLater], now, BERLIN)).toBe(true);
    expect(isReviewBookedWithinNextQuarter([new Date(threeMonthsLater.getTime() + 1)], now, BERLIN)).toBe(false);
    expect(isReviewBookedWithinNextQuarter([new Date('2026-11-20T10:00:00Z')], now, BERLIN)).toBe(false);
    expect(isReviewBookedWithinNextQuarter([], now, BERLIN)).toBe(false);
  });
});
