import { changeMinutes, emptyMinutes, type Minutes } from './minutes';
import { awaitsSignature, pastOccurrences } from './pastOccurrences';

const now = new Date('2026-11-28T18:00:00.000Z');
const signed = (start: string): Minutes => ({
  ...emptyMinutes(start),
  signature: { version: 1, by: { upn: 'katrin.berger@x', displayName: 'Katrin Berger' }, at: start, sha256: 'a'.repeat(64) },
} as Minutes);

describe('pastOccurrences', () => {
  it('lists minutes of a review that is no occurrence of the booked series (rescheduled, cancelled, none booked)', () => {
    expect(pastOccurrences({ seriesPast: [], minutes: [emptyMinutes('2026-11-08T09:00:00.000Z')], now })).toEqual(['2026-11-08T09:00:00.000Z']);
  });

  it('merges series occurrences and minutes, most recent first, without duplicates', () => {
    const past = pastOccurrences({
      seriesPast: ['2026-08-20T08:00:00Z', '2026-05-20T08:00:00.000Z'],
      minutes: [emptyMinutes('2026-08-20T08:00:00.000Z'), emptyMinutes('2026-10-01T08:00:00.000Z')],
      now,
    });
    expect(past).toEqual(['2026-10-01T08:00:00.000Z', '2026-08-20T08:00:00.000Z', '2026-05-20T08:00:00.000Z']);
  });

  it('keeps the most recent four and any older minutes still waiting for a signature', () => {
    const starts = ['2025-02-20', '2025-05-20', '2025-08-20', '2025-11-20', '2026-02-20', '2026-05-20'].map((d) => `${d}T08:00:00.000Z`);
    const past = pastOccurrences({ seriesPast: starts, minutes: [emptyMinutes(starts[0]!), signed(starts[1]!)], now });
    expect(past).toEqual([...starts.slice(2).reverse(), starts[0]]);
  });

  it('leaves out minutes of a review that has not happened yet', () => {
    expect(pastOccurrences({ seriesPast: [], minutes: [emptyMinutes('2026-12-20T08:00:00.000Z')], now })).toEqual([]);
  });
});

describe('awaitsSignature', () => {
  it('is true for unsigned minutes of a past review and for a changed signed version', () => {
    expect(awaitsSignature(emptyMinutes('2026-11-08T09:00:00.000Z'), now)).toBe(true);
    const s = signed('2026-11-08T09:00:00.000Z');
    expect(awaitsSignature(s, now)).toBe(false);
    expect(awaitsSignature(changeMinutes(s, { inputs: { ...s.inputs, a: 'neu' } }), now)).toBe(true);
  });
});
