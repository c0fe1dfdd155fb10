import { createTranslator } from '../../i18n';
import { BookingRequestSchema, describeRule, missingRequiredAttendees, occurrenceStarts, quarterlyRecurrence, wallEnd, weekdayRule, type BookingRequest } from './booking';

const katrin = { upn: 'katrin.berger@x', displayName: 'Katrin Berger', lang: 'de' as const };
const jonas = { upn: 'jonas.weber@x', displayName: 'Jonas Weber', lang: 'de' as const };

const request = (extra: Partial<BookingRequest> = {}): BookingRequest => ({
  firstDate: '2026-03-10',
  time: '10:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 90,
  attendees: [katrin, jonas],
  end: { type: 'none' },
  ...extra,
});

describe('the quarterly series', () => {
  it('takes weekday and week of the month from the first date', () => {
    expect(weekdayRule('2026-03-10')).toEqual({ weekday: 'tuesday', index: 'second' });
    expect(weekdayRule('2026-03-31')).toEqual({ weekday: 'tuesday', index: 'last' });
    expect(describeRule(request(), createTranslator('de'))).toBe('Alle 3 Monate am zweiten Dienstag, 10:00 Uhr (Europe/Berlin)');
    expect(describeRule(request(), createTranslator('en'))).toBe('Every 3 months on the second Tuesday, 10:00 (Europe/Berlin)');
  });

  it('becomes a relativeMonthly recurrence every 3 months with the chosen end', () => {
    expect(quarterlyRecurrence(request())).toEqual({
      pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' },
      range: { type: 'noEnd', startDate: '2026-03-10', recurrenceTimeZone: 'Europe/Berlin' },
    });
    expect(quarterlyRecurrence(request({ end: { type: 'count', count: 4 } })).range).toMatchObject({ type: 'numbered', numberOfOccurrences: 4 });
    expect(quarterlyRecurrence(request({ end: { type: 'date', date: '2027-01-01' } })).range).toMatchObject({ type: 'endDate', endDate: '2027-01-01' });
  });

  it('meets at 10:00 Berlin time in winter and summer alike', () => {
    const starts = occurrenceStarts(request(), new Date('2026-01-01T00:00:00Z'), 4).map((d) => d.toISOString());
    expect(starts).toEqual(['2026-03-10T09:00:00.000Z', '2026-06-09T08:00:00.000Z', '2026-09-08T08:00:00.000Z', '2026-12-08T09:00:00.000Z']);
  });

  it('stops after the count or the end date and skips what lies before `from`', () => {
    expect(occurrenceStarts(request({ end: { type: 'count', count: 2 } }), new Date(0), 10)).toHaveLength(2);
    expect(occurrenceStarts(request({ end: { type: 'date', date: '2026-09-08' } }), new Date(0), 10)).toHaveLength(3);
    expect(occurrenceStarts(request(), new Date('2026-07-01T00:00:00Z'), 1)[0]!.toISOString()).toBe('2026-09-08T08:00:00.000Z');
  });

  it('computes the end wall time of the first meeting', () => {
    expect(wallEnd('2026-03-10', '23:30', 90)).toBe('2026-03-11T01:00:00');
  });
});

describe('the booking form data', () => {
  it('names which required people are not invited', () => {
    expect(missingRequiredAttendees({ attendees: [jonas] }, [katrin, jonas])).toEqual([katrin]);
    expect(missingRequiredAttendees({ attendees: [{ ...katrin, upn: 'KATRIN.BERGER@X' }, jonas] }, [katrin, jonas])).toEqual([]);
  });

  it('reports problems as translatable keys', () => {
    const result = BookingRequestSchema.safeParse(request({ time: '25:00', durationMinutes: 5, end: { type: 'date', date: '2025-01-01' }, timeZone: 'Mars/Olympus' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).sort()).toEqual([
      'reviews.booking.error.duration',
      'reviews.booking.error.endBeforeStart',
      'reviews.booking.error.time',
      'reviews.booking.error.timeZone',
    ]);
    const endFirst = BookingRequestSchema.safeParse(request({ end: { type: 'date', date: '2025-01-01' } }));
    expect(endFirst.error!.issues.map((i) => i.message)).toEqual(['reviews.booking.error.endBeforeStart']);
  });
});
