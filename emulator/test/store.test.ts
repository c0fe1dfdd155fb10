/** The SQLite store: versions, change log, blobs, generations, durability. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, StoreVersionMismatchError } from '../src/store/store';

interface Item {
  title: string;
}

describe('Store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-test-'));
    store = Store.open(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts, reads, updates with version bumps and deletes', () => {
    const items = store.collection<Item>('test.items');
    const created = items.insert({ title: 'Leitlinie' }, { parentId: 'list-1' });
    expect(created).toMatchObject({ version: 1, parentId: 'list-1', data: { title: 'Leitlinie' } });
    const updated = items.update(created.id, (d) => ({ ...d, title: 'Leitlinie 2026' }));
    expect(updated.version).toBe(2);
    expect(items.get(created.id)?.data.title).toBe('Leitlinie 2026');
    expect(() => items.update(created.id, (d) => d, { ifVersion: 1 })).toThrow(StoreVersionMismatchError);
    expect(items.delete(created.id)?.id).toBe(created.id);
    expect(items.get(created.id)).toBeUndefined();
    expect(items.delete(created.id)).toBeUndefined();
  });

  it('lists by parent in insertion order', () => {
    const items = store.collection<Item>('test.items');
    items.insert({ title: 'b' }, { parentId: 'p' });
    items.insert({ title: 'x' }, { parentId: 'q' });
    items.insert({ title: 'a' }, { parentId: 'p' });
    expect(items.list({ parentId: 'p' }).map((r) => r.data.title)).toEqual(['b', 'a']);
    expect(items.count()).toBe(3);
  });

  it('reports the latest change per resource since a sequence number', () => {
    const items = store.collection<Item>('test.items');
    const a = items.insert({ title: 'a' }, { parentId: 'p' });
    const since = store.latestSeq();
    const b = items.insert({ title: 'b' }, { parentId: 'p' });
    items.update(a.id, (d) => ({ ...d, title: 'a2' }));
    items.update(b.id, (d) => ({ ...d, title: 'b2' }));
    items.delete(a.id);
    const changes = items.changesSince(since, { parentId: 'p' });
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      [b.id, 'upsert'],
      [a.id, 'delete'],
    ]);
    expect(items.changesSince(store.latestSeq())).toEqual([]);
  });

  it('keeps blobs and survives reopening', () => {
    const items = store.collection<Item>('test.items');
    const a = items.insert({ title: 'persisted' });
    store.blobs.put('file-1', Buffer.from([0, 1, 2, 255]));
    const generation = store.generation;
    store.close();
    store = Store.open(dir);
    expect(store.collection<Item>('test.items').get(a.id)?.data.title).toBe('persisted');
    expect(store.blobs.get('file-1')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(store.generation).toBe(generation);
  });

  it('wipes everything and starts a new generation without reusing sequence numbers', () => {
    const items = store.collection<Item>('test.items');
    items.insert({ title: 'a' });
    const seq = store.latestSeq();
    const generation = store.generation;
    store.wipe();
    expect(items.list()).toEqual([]);
    expect(store.generation).not.toBe(generation);
    items.insert({ title: 'b' });
    expect(store.latestSeq()).toBeGreaterThan(seq);
  });

  it('rolls back a failed transaction', () => {
    const items = store.collection<Item>('test.items');
    expect(() =>
      store.transaction(() => {
        items.insert({ title: 'half' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(items.count()).toBe(0);
  });
});
