/**
 * IndexedDB persistence (via `idb`) for the evidence cache and the outbox, one database
 * "chefsache-evidence". Pass `indexedDB` explicitly in tests (fake-indexeddb); the browser's is the default.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { CacheMeta, EvidenceCache } from './evidenceCache';
import type { StoredEvidence } from './evidenceStore';
import type { OutboxRecord, OutboxStorage } from './outboxStorage';

export const EVIDENCE_DB_NAME = 'chefsache-evidence';
const DB_VERSION = 1;

interface EvidenceDb extends DBSchema {
  items: { key: [string, string]; value: { scope: string; id: string; item: StoredEvidence }; indexes: { byScope: string } };
  meta: { key: string; value: CacheMeta & { scope: string } };
  outbox: { key: string; value: OutboxRecord; indexes: { byScope: string } };
}

export interface IndexedDbOptions {
  indexedDB?: IDBFactory;
  dbName?: string;
}

function open(options: IndexedDbOptions): Promise<IDBPDatabase<EvidenceDb>> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) return Promise.reject(new Error('IndexedDB is not available here; pass a cache/outbox storage explicitly.'));
  // Like idb's openDB, but on the given factory (idb's openDB always uses the global one).
  const request = factory.open(options.dbName ?? EVIDENCE_DB_NAME, DB_VERSION);
  request.addEventListener('upgradeneeded', () => {
    const db = request.result;
    const items = db.createObjectStore('items', { keyPath: ['scope', 'id'] });
    items.createIndex('byScope', 'scope');
    db.createObjectStore('meta', { keyPath: 'scope' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'entry.id' });
    outbox.createIndex('byScope', 'scope');
  });
  return wrap(request) as unknown as Promise<IDBPDatabase<EvidenceDb>>;
}

/** Opens once; a failed open is tried again on the next use (blocked upgrade, storage hiccup). */
function lazy(options: IndexedDbOptions): () => Promise<IDBPDatabase<EvidenceDb>> {
  let db: Promise<IDBPDatabase<EvidenceDb>> | undefined;
  return () =>
    (db ??= open(options).catch((error: unknown) => {
      db = undefined;
      throw new Error(`The local evidence database (IndexedDB "${options.dbName ?? EVIDENCE_DB_NAME}") cannot be opened.`, { cause: error });
    }));
}

/**
 * Unreadable entries saved before reasons were message keys (`{ de, en }` words) cannot be translated:
 * they and the delta link go, so the next sync is a full round that finds them again.
 */
function withoutOldReasons(meta: CacheMeta): CacheMeta {
  if ((meta.unreadable ?? []).every((entry) => typeof (entry.reason as { key?: unknown }).key === 'string')) return meta;
  const { unreadable: _unreadable, deltaLink: _deltaLink, ...rest } = meta;
  return rest;
}

export function createIndexedDbEvidenceCache(options: IndexedDbOptions = {}): EvidenceCache {
  const db = lazy(options);
  return {
    async meta(scope) {
      const row = await (await db()).get('meta', scope);
      if (!row) return {};
      const { scope: _scope, ...meta } = row;
      return withoutOldReasons(meta);
    },
    async setMeta(scope, meta) {
      await (await db()).put('meta', { ...meta, scope });
    },
    async items(scope) {
      const rows = await (await db()).getAllFromIndex('items', 'byScope', scope);
      return rows.map((row) => row.item);
    },
    async apply(scope, change) {
      const tx = (await db()).transaction('items', 'readwrite');
      if (change.replace) {
        for (const key of await tx.store.index('byScope').getAllKeys(scope)) await tx.store.delete(key);
      }
      for (const id of change.removedIds ?? []) await tx.store.delete([scope, id]);
      for (const item of change.items) await tx.store.put({ scope, id: item.id, item });
      await tx.done;
    },
    async clear(scope) {
      const tx = (await db()).transaction(['items', 'meta'], 'readwrite');
      const items = tx.objectStore('items');
      for (const key of await items.index('byScope').getAllKeys(scope)) await items.delete(key);
      await tx.objectStore('meta').delete(scope);
      await tx.done;
    },
  };
}

export function createIndexedDbOutboxStorage(options: IndexedDbOptions = {}): OutboxStorage {
  const db = lazy(options);
  return {
    async list(scope) {
      // Records written before the write id had its own name kept it as `captureId`.
      const records: (OutboxRecord & { captureId?: string })[] = await (await db()).getAllFromIndex('outbox', 'byScope', scope);
      return records.map(({ captureId, ...record }) => ({ ...record, writeId: record.writeId ?? captureId! }));
    },
    async put(record) {
      await (await db()).put('outbox', record);
    },
    async delete(id) {
      await (await db()).delete('outbox', id);
    },
  };
}
