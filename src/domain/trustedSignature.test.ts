import { changesSinceSigning, evidenceSetDigest } from './evidenceDigest';
import { JONAS, KATRIN, PETRA, TOP_MANAGEMENT } from './testFixtures';
import { membershipFromGroups } from './trustedReview';
import { latestValidSignatures, trustedSignature, type SignatureRecord } from './trustedSignature';

const membership = membershipFromGroups({ topManagement: TOP_MANAGEMENT.map((p) => p.id!), isb: [JONAS.id!], auditor: [PETRA.id!] });
const entries = [
  { id: '7', version: '2.0', contentSha256: 'b'.repeat(64) },
  { id: '12', version: '1.0', contentSha256: '' },
];
const { digest, lines } = evidenceSetDigest(entries);
const start = '2026-10-15T10:00:00.000Z';

function record(overrides: Partial<SignatureRecord> = {}): SignatureRecord {
  return {
    id: '1',
    occurrenceStart: start,
    minutesVersion: 1,
    minutesSha256: 'c'.repeat(64),
    evidenceDigest: digest,
    evidenceCount: 2,
    entries: lines,
    createdBy: { id: KATRIN.id!, displayName: KATRIN.displayName },
    createdAt: '2026-10-16T08:00:00Z',
    ...overrides,
  };
}

const claim = { occurrenceStart: start, signature: { version: 1, sha256: 'c'.repeat(64), recordId: '1' }, currentSha256: 'c'.repeat(64) };

describe('evidence digest', () => {
  it('is over sorted id|version|sha lines, independent of order', () => {
    expect(lines).toEqual(['12|1.0|', `7|2.0|${'b'.repeat(64)}`]);
    expect(evidenceSetDigest([...entries].reverse()).digest).toBe(digest);
    expect(evidenceSetDigest([{ ...entries[0]!, version: '3.0' }, entries[1]!]).digest).not.toBe(digest);
  });

  it('names what changed, was added or removed since signing', () => {
    const now = [{ ...entries[0]!, version: '3.0' }, { id: '20', version: '1.0', contentSha256: '' }];
    expect(Object.fromEntries(changesSinceSigning(lines, now))).toEqual({ '7': 'changed', '20': 'added', '12': 'removed' });
  });
});

describe('trusted signature', () => {
  it('is valid with a record by top management over unchanged content', () => {
    expect(trustedSignature(claim, [record()], membership)).toEqual({ valid: true, record: record(), flags: [] });
  });

  it('flags minutes edited after signing', () => {
    expect(trustedSignature({ ...claim, currentSha256: 'd'.repeat(64) }, [record()], membership)).toMatchObject({ valid: false, flags: ['changedAfterSignature'] });
  });

  it('flags a signature without a record, by someone outside top management, or with a forged digest', () => {
    expect(trustedSignature(claim, [], membership).flags).toEqual(['noSignatureRecord']);
    const byIsb = record({ createdBy: { id: JONAS.id!, displayName: JONAS.displayName } });
    expect(trustedSignature(claim, [byIsb], membership)).toMatchObject({ valid: false, flags: ['noSignatureRecord', 'signerWithoutRole'] });
    const forged = record({ evidenceDigest: 'e'.repeat(64) });
    expect(trustedSignature(claim, [forged], membership).flags).toEqual(['noSignatureRecord', 'digestMismatch']);
  });

  it('gives the binder the latest valid signature per occurrence', () => {
    const later = record({ id: '5', minutesVersion: 2, createdAt: '2026-10-20T08:00:00Z' });
    const invalid = record({ id: '9', createdAt: '2026-10-21T08:00:00Z', createdBy: { id: PETRA.id!, displayName: PETRA.displayName } });
    expect(latestValidSignatures([record(), later, invalid], membership).get(start)).toEqual(later);
  });
});
