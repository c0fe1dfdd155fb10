/**
 * The local copy of the evidence list, kept current with list-item delta, so that re-opening the
 * app with nothing changed costs one Graph request. One scope per site URL. The browser keeps it in
 * IndexedDB (indexedDbStorage.ts); tests and servers may use the in-memory version.
 */
import type { EvidenceLocation } from '../../graph';
import type { StoredEvidence, UnreadableEvidence } from './evidenceStore';

export interface CacheMeta {
  location?: EvidenceLocation;
  deltaLink?: string;
  /**
   * The delta link names every field it reads, hidden columns included. Links saved before (they
   * asked for `$expand=fields` and got no hidden values) are not followed: a full round replaces them.
   */
  namesFields?: boolean;
  /** Items of the list that fail validation, as of the last delta round (shown, never dropped). */
  unreadable?: UnreadableEvidence[];
}

export interface EvidenceCache {
  meta(scope: string): Promise<CacheMeta>;
  setMeta(scope: string, meta: CacheMeta): Promise<void>;
  items(scope: string): Promise<StoredEvidence[]>;
  /** Upserts `items`, removes `removedIds`; with `replace`, drops everything else first (full resync). */
  apply(scope: string, change: { items: readonly StoredEvidence[]; removedIds?: readonly string[]; replace?: boolean }): Promise<void>;
  /** Forgets a scope entirely (list deleted, site changed). */
  clear(scope: string): Promise<void>;
}

export function createMemoryEvidenceCache(): EvidenceCache {
  const metas = new Map<string, CacheMeta>();
  const scopes = new Map<string, Map<string, StoredEvidence>>();
  const itemsOf = (scope: string) => {
    let map = scopes.get(scope);
    if (!map) scopes.set(scope, (map = new Map()));
    return map;
  };
  return {
    async meta(scope) {
      return structuredClone(metas.get(scope) ?? {});
    },
    async setMeta(scope, meta) {
      metas.set(scope, structuredClone(meta));
    },
    async items(scope) {
      return [...itemsOf(scope).values()].map((item) => structuredClone(item));
    },
    async apply(scope, change) {
      const map = itemsOf(scope);
      if (change.replace) map.clear();
      for (const id of change.removedIds ?? []) map.delete(id);
      for (const item of change.items) map.set(item.id, structuredClone(item));
    },
    async clear(scope) {
      metas.delete(scope);
      scopes.delete(scope);
    },
  };
}
