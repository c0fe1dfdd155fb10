import { evidenceVersionChange, isEvidenceReviewColumn } from './evidenceVersions';

const details = (extra: Record<string, unknown>) => JSON.stringify({ v: 1, capturedBy: { displayName: 'Jonas Weber' }, dates: { capturedAt: '2026-01-05T10:00:00Z' }, ...extra });

describe('what changed between two versions of an evidence list item', () => {
  it('tells a review (status, reviewer in the details) from a change of the evidence', () => {
    const before = { Title: 'Leitlinie', ReviewStatus: 'pending', EvidenceDetails: details({}) };
    const reviewed = {
      ...before,
      ReviewStatus: 'accepted',
      EvidenceDetails: details({ reviewer: { displayName: 'Katrin Berger' }, dates: { capturedAt: '2026-01-05T10:00:00Z', reviewedAt: '2026-01-06T09:00:00Z' } }),
    };
    expect(evidenceVersionChange(reviewed, before)).toEqual({ changed: ['ReviewStatus', 'EvidenceDetails'], contentChanged: false });
    expect(evidenceVersionChange({ ...reviewed, Title: 'Leitlinie (neu)' }, reviewed)).toEqual({ changed: ['Title'], contentChanged: true });
    expect(['Title', 'ReviewStatus', 'EvidenceDetails'].filter(isEvidenceReviewColumn)).toEqual(['ReviewStatus']);
  });
});
