import { manualSourceKey, type PersonRef } from '../../domain';
import { startOutboxRetry } from './outboxRetry';
import { createMemoryEvidenceStore } from './testing/memoryEvidenceStore';

const JONAS: PersonRef = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };

const note = {
  title: 'Aktennotiz Budgetfreigabe',
  type: 'other' as const,
  clauses: ['7.1' as const],
  source: 'manual' as const,
  sourceKey: manualSourceKey('note-1'),
  effectiveDate: '2026-01-05T10:00:00Z',
  summary: '',
};

describe('startOutboxRetry', () => {
  it('retries on start and when the browser is online again, and stops when asked', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: JONAS });
    store.setOffline(true);
    await store.capture(note);
    const target = new EventTarget();
    const seen: number[] = [];
    const stop = startOutboxRetry(store, { target, intervalMs: 60_000, onResult: (waiting) => seen.push(waiting.length) });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1]);

    store.setOffline(false);
    target.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, 0]);
    expect(await store.findBySourceKey(note.sourceKey)).toBeDefined();

    stop();
    target.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, 0]);
  });
});
