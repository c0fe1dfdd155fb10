import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { evidenceIssueMessage, uploadSourceKey } from '../../domain';
import type { StoredEvidence } from './evidenceStore';
import { createIndexedDbEvidenceCache, createIndexedDbOutboxStorage } from './indexedDbStorage';

const item = (id: string, title = `Nachweis ${id}`): StoredEvidence => ({
  id,
  etag: `"e,${id}"`,
  title,
  type: 'other',
  clauses: ['7.1'],
  source: 'upload',
  sourceKey: uploadSourceKey(id),
  effectiveDate: '2026-01-01T00:00:00Z',
  capturedAt: '2026-01-02T00:00:00Z',
  capturedBy: { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' },
  summary: '',
  reviewStatus: 'pending',
});

describe('IndexedDB evidence cache and outbox', () => {
  it('keeps items per site across instances, applies deltas, replaces on resync and clears a site', async () => {
    const indexedDB = new IDBFactory();
    const first = createIndexedDbEvidenceCache({ indexedDB });
    await first.apply('site-a', { items: [item('1'), item('2')] });
    await first.apply('site-b', { items: [item('9')] });
    await first.setMeta('site-a', { deltaLink: 'https://graph/delta?token=1' });

    const reopened = createIndexedDbEvidenceCache({ indexedDB });
    expect((await reopened.items('site-a')).map((i) => i.id).sort()).toEqual(['1', '2']);
    expect(await reopened.meta('site-a')).toEqual({ deltaLink: 'https://graph/delta?token=1' });

    await reopened.apply('site-a', { items: [item('2', 'geändert'), item('3')], removedIds: ['1'] });
    expect((await reopened.items('site-a')).map((i) => `${i.id}:${i.title}`).sort()).toEqual(['2:geändert', '3:Nachweis 3']);
    await reopened.apply('site-a', { items: [item('4')], replace: true });
    expect((await reopened.items('site-a')).map((i) => i.id)).toEqual(['4']);

    await reopened.clear('site-a');
    expect(await reopened.items('site-a')).toEqual([]);
    expect(await reopened.meta('site-a')).toEqual({});
    expect((await reopened.items('site-b')).map((i) => i.id)).toEqual(['9']);
  });

  it('forgets unreadable entries saved with old { de, en } reasons and their delta link, so a full round finds them again', async () => {
    const indexedDB = new IDBFactory();
    const cache = createIndexedDbEvidenceCache({ indexedDB });
    const current = { id: '7', reason: evidenceIssueMessage('issue.notJson', { column: 'EvidenceDetails' }), fields: { Title: 'x' } };
    await cache.setMeta('site-a', { deltaLink: 'https://graph/delta?token=1', namesFields: true, unreadable: [current] });
    expect(await createIndexedDbEvidenceCache({ indexedDB }).meta('site-a')).toEqual({ deltaLink: 'https://graph/delta?token=1', namesFields: true, unreadable: [current] });
    const old = { id: '7', reason: { de: 'kaputt', en: 'broken' }, fields: { Title: 'x' } } as unknown as typeof current;
    await cache.setMeta('site-a', { deltaLink: 'https://graph/delta?token=1', namesFields: true, unreadable: [old] });
    expect(await createIndexedDbEvidenceCache({ indexedDB }).meta('site-a')).toEqual({ namesFields: true });
  });

  it('keeps waiting captures with their bytes until deleted', async () => {
    const indexedDB = new IDBFactory();
    const outbox = createIndexedDbOutboxStorage({ indexedDB });
    const bytes = new TextEncoder().encode('Protokoll');
    await outbox.put({
      scope: 'site-a',
      writeId: 'c1',
      capturedAt: '2026-01-02T00:00:00Z',
      capturedBy: { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' },
      input: { ...item('5'), content: { fileName: 'p.txt', contentType: 'text/plain', bytes } },
      entry: { id: 'outbox-c1', sourceKey: uploadSourceKey('5'), title: 'Nachweis 5', queuedAt: '2026-01-02T00:00:00Z', attempts: 1, lastError: 'status 503' },
    });
    const [stored] = await createIndexedDbOutboxStorage({ indexedDB }).list('site-a');
    expect(stored?.input.content?.bytes).toEqual(bytes);
    expect(await outbox.list('site-b')).toEqual([]);
    await outbox.delete('outbox-c1');
    expect(await outbox.list('site-a')).toEqual([]);
  });
});
