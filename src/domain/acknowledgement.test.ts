import { acknowledgementPages, acknowledgementStatus, type Acknowledgement, type Publication } from './acknowledgement';

const SHA1 = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);
const pub = (id: string, sha: string, publishedAt: string): Publication => ({
  id, policyEvidenceId: 'p', policyTitle: `Leitlinie ${id}`, policySha256: sha, policyPreview: '', objectives: ['Kundendaten vertraulich'], distractors: ['x'], dueDate: '2026-02-01', message: '', publishedAt,
});
const staff = Array.from({ length: 10 }, (_, i) => ({ id: `u${i}`, displayName: `Person ${i}` }));
const ack = (i: number, sha: string, publicationId = '1'): Acknowledgement => ({ id: `a${i}${sha[0]}`, publicationId, policySha256: sha, person: staff[i]!, at: '2026-01-05T10:00:00Z' });

describe('staff acknowledgement', () => {
  test('counts each staff member once on the current version and raises no alarm within 30 days', () => {
    const status = acknowledgementStatus({ publications: [pub('1', SHA1, '2026-01-01T00:00:00Z')], acknowledgements: [ack(0, SHA1), ack(0, SHA1), ack(1, SHA1)], answers: [{ publicationId: '1', correct: true }, { publicationId: '1', correct: false }], staff, now: new Date('2026-01-20T00:00:00Z') })!;
    expect(status.acknowledged).toHaveLength(2);
    expect(status.share).toBeCloseTo(0.2);
    expect(status.selfCheck).toEqual({ answers: 2, correct: 1, share: 0.5 });
    expect(status.alarms).toEqual([]);
  });

  test('alarms below 80 % thirty days after publishing, not at 80 %', () => {
    const input = { publications: [pub('1', SHA1, '2026-01-01T00:00:00Z')], answers: [], staff, now: new Date('2026-02-01T00:00:00Z') };
    expect(acknowledgementStatus({ ...input, acknowledgements: [0, 1, 2, 3, 4, 5, 6].map((i) => ack(i, SHA1)) })!.alarms.map((a) => a.id)).toEqual(['acknowledgementLow']);
    expect(acknowledgementStatus({ ...input, acknowledgements: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ack(i, SHA1)) })!.alarms).toEqual([]);
  });

  test('alarms when the policy changed and the new version was not published', () => {
    const status = acknowledgementStatus({ publications: [pub('1', SHA1, '2026-01-01T00:00:00Z')], acknowledgements: staff.map((_, i) => ack(i, SHA1)), answers: [], staff, currentPolicySha256: SHA2, now: new Date('2026-01-10T00:00:00Z') })!;
    expect(status.alarms.map((a) => a.id)).toEqual(['acknowledgementStale']);
  });

  test('binder pages per policy version; names only for the auditor', () => {
    const pubs = [pub('1', SHA1, '2026-01-01T00:00:00Z'), pub('2', SHA2, '2026-06-01T00:00:00Z')];
    const acks = [ack(0, SHA1), ack(1, SHA2, '2'), ack(2, SHA2, '2')];
    expect(acknowledgementPages(pubs, acks, false).map((p) => [p.count, p.entries])).toEqual([[1, undefined], [2, undefined]]);
    expect(acknowledgementPages(pubs, acks, true)[1]!.entries!.map((e) => e.name)).toEqual(['Person 1', 'Person 2']);
  });
});
