import { eventSourceKey } from '../../domain';
import type { GraphGateways } from '../../graph';
import { createTranslator } from '../../i18n';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { nextReviewStatus } from './nextReview';

const jonas = { upn: 'jonas.weber@x', displayName: 'Jonas Weber' };
const noGraph = {} as Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>;

async function storeWithBooking(scheduledFor: string | null, now: Date) {
  const evidence = createMemoryEvidenceStore({ capturedBy: jonas, clock: () => now });
  if (scheduledFor) {
    await evidence.capture({
      title: 'Review gebucht',
      type: 'reviewBooking',
      clauses: ['9.3.1'],
      source: 'outlookCalendar',
      sourceKey: eventSourceKey('ev1', scheduledFor),
      effectiveDate: new Date(now.getTime() - 86_400_000).toISOString(),
      scheduledFor,
      summary: '',
    });
  }
  return evidence;
}

describe('next review for the dashboard', () => {
  it('gives the date when a review is booked within the quarter', async () => {
    const now = new Date('2026-05-02T10:00:00Z');
    const evidence = await storeWithBooking('2026-06-09T08:00:00.000Z', now);
    await expect(nextReviewStatus({ graph: noGraph, evidence }, { now })).resolves.toEqual({ next: '2026-06-09T08:00:00.000Z', bookedThisQuarter: true, warning: null });
  });

  it('warns when the next review lies after the quarter or none is booked', async () => {
    const now = new Date('2026-05-02T10:00:00Z');
    const later = await nextReviewStatus({ graph: noGraph, evidence: await storeWithBooking('2026-07-14T08:00:00.000Z', now) }, { now });
    expect(later).toMatchObject({ next: '2026-07-14T08:00:00.000Z', bookedThisQuarter: false });
    expect(later.warning && createTranslator('de')(later.warning.key)).toBe('In diesem Quartal ist kein Management-Review gebucht.');
    const none = await nextReviewStatus({ graph: noGraph, evidence: await storeWithBooking(null, now) }, { now });
    expect(none).toMatchObject({ next: null, bookedThisQuarter: false });
    expect(none.warning && createTranslator('en')(none.warning.key)).toBe('No management review is booked this quarter.');
  });
});
