/**
 * The evidence store's contract, run against every implementation the app and its tests use: the
 * Graph-backed store on the emulator (evidenceStore.emulator.test.ts) and the same store over the
 * in-memory gateway (evidenceStore.memory.test.ts). Capture, dedupe by source key, validation,
 * review with ETag conflict, query filters and paging, verification, the outbox on an unreachable store.
 */
import { domainText, EvidenceValidationError, mailSourceKey, ReviewNotAllowedError, sha256Hex, type PersonRef } from '../../src/domain';
import { policyCapture } from '../integration/evidenceHarness';
import { ReviewConflictError } from '../../src/features/evidence/errors';
import type { CaptureInput, EvidenceStore, StoredEvidence } from '../../src/features/evidence/evidenceStore';

export const NOW = new Date('2026-03-10T09:00:00Z');

/** One store under test, capturing as Jonas (clock: NOW), with ways to reach into what it stores. */
export interface ContractSubject {
  store: EvidenceStore;
  /** Every stored item (read past the store). */
  all(): Promise<StoredEvidence[]>;
  /** While true, the store cannot be reached (every request fails as an outage would). */
  setUnreachable(unreachable: boolean): Promise<void>;
  /** Changes the stored file's bytes behind the store's back. */
  tamper(item: StoredEvidence, bytes: Uint8Array): Promise<void>;
}

export const JONAS: PersonRef = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };

function mail(id: string, effectiveDate = '2026-03-02T08:00:00Z'): CaptureInput {
  return {
    title: `CEO-Mail ${id}`,
    type: 'ceoMail',
    clauses: ['5.1', '7.4'],
    source: 'outlook',
    sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
    effectiveDate,
    summary: 'Informationssicherheit ist Chefsache.',
    author: KATRIN,
    content: { fileName: `${id}.eml`, contentType: 'message/rfc822', bytes: new TextEncoder().encode(`mail ${id}`) },
  };
}

function policy(id: string, effectiveDate: string): CaptureInput {
  return { ...policyCapture(id, effectiveDate), title: `Leitlinie ${id}` };
}

export function evidenceStoreContract(name: string, makeSubject: () => Promise<ContractSubject>): void {
describe(`evidence store contract: ${name}`, () => {
  let subject: ContractSubject;
  beforeEach(async () => {
    subject = await makeSubject();
  });
  const newStore = () => subject.store;

  it('captures an item with capture fields, expiry and the SHA-256 of the content bytes', async () => {
    const store = newStore();
    const result = await store.capture(mail('a'));
    expect(result.status).toBe('created');
    if (result.status !== 'created') return;
    expect(result.item).toMatchObject({
      capturedAt: NOW.toISOString(),
      capturedBy: JONAS,
      reviewStatus: 'pending',
      contentSha256: await sha256Hex(new TextEncoder().encode('mail a')),
    });
    expect(result.item.expiresAt).toMatch(/^2026-/);
    expect(result.item.etag).not.toBe('');
    expect(await store.content(result.item)).toEqual(new TextEncoder().encode('mail a'));
  });

  it('returns the existing item for a second capture of the same source key', async () => {
    const store = newStore();
    const first = await store.capture(mail('a'));
    const second = await store.capture({ ...mail('a'), title: 'Andere Überschrift' });
    expect(second.status).toBe('existing');
    if (first.status !== 'created' || second.status !== 'existing') return;
    expect(second.item.id).toBe(first.item.id);
    expect(second.item.title).toBe('CEO-Mail a');
    expect(await subject.all()).toHaveLength(1);
  });

  it('deduplicates concurrent captures of the same key', async () => {
    const store = newStore();
    const results = await Promise.all([store.capture(mail('x')), store.capture(mail('x')), store.capture(mail('x'))]);
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(await subject.all()).toHaveLength(1);
  });

  it('rejects an invalid input with every problem, writing nothing', async () => {
    const store = newStore();
    await expect(store.capture({ ...mail('a'), title: ' ', effectiveDate: '2027-01-01T00:00:00Z' })).rejects.toBeInstanceOf(
      EvidenceValidationError,
    );
    expect(await subject.all()).toHaveLength(0);
  });

  it('reviews with the current etag, changes the etag, and refuses a stale one with the current version', async () => {
    const store = newStore();
    const created = await store.capture(mail('a'));
    if (created.status !== 'created') throw new Error('not created');
    const accepted = await store.review(created.item.id, created.item.etag, { status: 'accepted' }, KATRIN);
    expect(accepted).toMatchObject({ reviewStatus: 'accepted', reviewer: KATRIN, reviewedAt: NOW.toISOString() });
    expect(accepted.etag).not.toBe(created.item.etag);

    const stale = store.review(created.item.id, created.item.etag, { status: 'rejected', comment: 'unleserlich' }, KATRIN);
    await expect(stale).rejects.toBeInstanceOf(ReviewConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ReviewConflictError;
    expect(error.conflict.current.reviewStatus).toBe('accepted');
    expect(error.conflict.mine).toEqual({ status: 'rejected', comment: 'unleserlich' });
    expect((await store.get(created.item.id)).reviewStatus).toBe('accepted');
  });

  it('refuses a review of own evidence and a rejection without reason', async () => {
    const store = newStore();
    const created = await store.capture(mail('a'));
    if (created.status !== 'created') throw new Error('not created');
    await expect(store.review(created.item.id, created.item.etag, { status: 'accepted' }, JONAS)).rejects.toBeInstanceOf(ReviewNotAllowedError);
    await expect(store.review(created.item.id, created.item.etag, { status: 'rejected', comment: '  ' }, KATRIN)).rejects.toBeInstanceOf(
      ReviewNotAllowedError,
    );
  });

  it('filters by type, status, clause (with sub-clauses), source and date range, newest first, with paging', async () => {
    const store = newStore();
    await store.capture(mail('a', '2026-01-05T08:00:00Z'));
    await store.capture(mail('b', '2026-02-05T08:00:00Z'));
    await store.capture(policy('p', '2025-06-01T10:00:00Z'));
    await store.capture({ ...policy('q', '2025-07-01T10:00:00Z'), type: 'reviewMinutes', clauses: ['9.3.2a'], participants: [KATRIN] });

    expect((await store.query()).items.map((i) => i.title)).toEqual(['CEO-Mail b', 'CEO-Mail a', 'Leitlinie q', 'Leitlinie p']);
    expect((await store.query({ order: 'effectiveDateAsc' })).items[0]!.title).toBe('Leitlinie p');
    expect((await store.query({ types: ['securityPolicy'] })).items.map((i) => i.title)).toEqual(['Leitlinie p']);
    expect((await store.query({ clause: '9.3' })).items.map((i) => i.title)).toEqual(['Leitlinie q']);
    expect((await store.query({ sources: ['outlook'], effectiveFrom: '2026-02-01T00:00:00Z' })).items.map((i) => i.title)).toEqual([
      'CEO-Mail b',
    ]);
    expect((await store.query({ statuses: ['accepted'] })).items).toEqual([]);

    const first = await store.query({ pageSize: 3 });
    expect(first.items).toHaveLength(3);
    const second = await store.query({ pageSize: 3, cursor: first.cursor });
    expect(second.items.map((i) => i.title)).toEqual(['Leitlinie p']);
    expect(second.cursor).toBeUndefined();
  });

  it('verifies content hashes and reports a changed file', async () => {
    const store = newStore();
    const a = await store.capture(mail('a'));
    const b = await store.capture(mail('b'));
    if (a.status !== 'created' || b.status !== 'created') throw new Error('not created');
    await subject.tamper(b.item, new TextEncoder().encode('changed'));
    const results = await store.verify();
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a.item.id, true],
      [b.item.id, false],
    ]);
  });

  it('keeps captures in the outbox during an outage and stores them on flush', async () => {
    const store = newStore();
    expect(await store.outbox.list()).toEqual([]);
    await subject.setUnreachable(true);
    const queued = await store.capture(mail('a'));
    expect(queued.status).toBe('queued');
    expect((await store.outbox.flush()).map((e) => e.sourceKey)).toEqual([mail('a').sourceKey]);
    await subject.setUnreachable(false);
    expect(await store.outbox.flush()).toEqual([]);
    expect((await store.findBySourceKey(mail('a').sourceKey))?.title).toBe('CEO-Mail a');
  });

  it('stores nothing of a bulk capture with an invalid input, naming it', async () => {
    const store = newStore();
    const error = await store.captureMany([mail('a'), { ...mail('b'), clauses: [] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceValidationError);
    const issues = (error as EvidenceValidationError).issues.map((i) => ({ ...i, message: { de: domainText(i.message, 'de'), en: domainText(i.message, 'en') } }));
    expect(issues).toMatchObject([{ path: '1.clauses', message: { de: expect.stringContaining('CEO-Mail b') } }]);
    expect(await subject.all()).toEqual([]);
  });

  it('reports progress of captureMany', async () => {
    const store = newStore();
    const seen: string[] = [];
    await store.captureMany([mail('a'), mail('b')], (p) => seen.push(`${p.done}/${p.total}`));
    // Progress comes per `$batch` chunk: from 0 of 2, never backwards, to 2 of 2.
    expect(seen[0]).toBe('0/2');
    expect(seen.at(-1)).toBe('2/2');
    expect(seen.map((s) => Number(s.split('/')[0]))).toEqual([...seen.map((s) => Number(s.split('/')[0]))].sort((a, b) => a - b));
  });
});
}
