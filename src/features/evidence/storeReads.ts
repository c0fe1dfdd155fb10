/** Query and sync: reads items from the list (paged queries, single reads) and keeps the local delta cache current. */
import type { EvidenceIssue } from '../../domain';
import { GraphNotFoundError, GraphResyncRequiredError, type EvidenceListQuery, type EvidenceLocation, type EvidenceReadResult } from '../../graph';
import { EvidenceReadError } from './captureRunner';
import { EvidenceNotFoundError } from './errors';
import type { EvidencePage, EvidenceQuery, ProgressListener, StoredEvidence, UnreadableEvidence } from './evidenceStore';
import { DEFAULT_PAGE_SIZE, matchesQuery } from './queryEvidence';
import type { StoreContext } from './storeContext';
import type { StoreLocator } from './storeLocation';
import { mergeUnreadable, toUnreadable } from './unreadable';

export interface StoreReads {
  /** Items known in this session by source key (from the cache, captures, syncs). */
  knownByKey(): Promise<Map<string, StoredEvidence>>;
  /** Puts items into the cache and the session's map. */
  remember(items: readonly StoredEvidence[]): Promise<void>;
  /** Drops the session's map (the cache was cleared). */
  forget(): void;
  get(id: string): Promise<StoredEvidence>;
  findBySourceKey(sourceKey: string): Promise<StoredEvidence | undefined>;
  query(query?: EvidenceQuery): Promise<EvidencePage>;
  /** One sync at a time: a second caller shares the running one. */
  sync(onProgress?: ProgressListener): Promise<StoredEvidence[]>;
  unreadable(): Promise<UnreadableEvidence[]>;
  /** Items in the local cache, without any request. */
  cached(): Promise<StoredEvidence[]>;
}

export function createStoreReads(ctx: StoreContext, locator: StoreLocator, reportInvalid: (id: string, issues: EvidenceIssue[]) => void): StoreReads {
  const { gateway, cache, site } = ctx;
  let known: Promise<Map<string, StoredEvidence>> | undefined;

  const knownByKey = () => (known ??= cache.items(site).then((items) => new Map(items.map((i) => [i.sourceKey, i]))));

  async function remember(items: readonly StoredEvidence[]): Promise<void> {
    if (items.length === 0) return;
    await cache.apply(site, { items });
    const map = await knownByKey();
    for (const item of items) map.set(item.sourceKey, item);
  }

  /** Readable items and unreadable entries: an item that fails validation is never dropped. */
  function split(results: readonly EvidenceReadResult[]): { items: StoredEvidence[]; unreadable: UnreadableEvidence[] } {
    const items: StoredEvidence[] = [];
    const unreadable: UnreadableEvidence[] = [];
    for (const result of results) {
      if (result.ok) items.push(result.record);
      else {
        reportInvalid(result.id, result.issues);
        unreadable.push(toUnreadable(result.id, result.issues, result.fields));
      }
    }
    return { items, unreadable };
  }

  async function get(id: string): Promise<StoredEvidence> {
    const loc = await locator.location();
    let result: EvidenceReadResult;
    try {
      result = await gateway.get(loc, id);
    } catch (error) {
      if (error instanceof GraphNotFoundError) throw new EvidenceNotFoundError(id, { cause: error });
      throw error;
    }
    if (!result.ok) throw new EvidenceReadError(result.id, result.issues);
    const item = result.record;
    await remember([item]);
    return item;
  }

  async function deltaRound(loc: EvidenceLocation, link: string | undefined, onProgress: ProgressListener | undefined, estimate: number) {
    return gateway.delta(loc, link, (count, more) => onProgress?.({ done: count, total: more ? Math.max(estimate, count + 1) : count }));
  }

  async function syncNow(onProgress?: ProgressListener): Promise<StoredEvidence[]> {
    let loc = await locator.location();
    const meta = await cache.meta(site);
    const link = meta.namesFields ? meta.deltaLink : undefined;
    const estimate = link ? 0 : (await cache.items(site)).length;
    let replace = !link;
    let round;
    try {
      round = await deltaRound(loc, link, onProgress, estimate);
    } catch (error) {
      if (error instanceof GraphResyncRequiredError) {
        replace = true;
        round = await deltaRound(loc, undefined, onProgress, estimate);
      } else if (error instanceof GraphNotFoundError && meta.location) {
        loc = await locator.relocate();
        replace = true;
        round = await deltaRound(loc, undefined, onProgress, estimate);
      } else {
        throw error;
      }
    }
    const read = split(round.results);
    const unreadable = mergeUnreadable(meta.unreadable ?? [], {
      found: read.unreadable,
      readableIds: read.items.map((i) => i.id),
      removedIds: round.removedIds,
      replace,
    });
    // An item that became unreadable leaves the readable cache: its last good copy must not stand in for it.
    await cache.apply(site, { items: read.items, removedIds: [...round.removedIds, ...read.unreadable.map((u) => u.id)], replace });
    await cache.setMeta(site, { location: loc, deltaLink: round.deltaLink, namesFields: true, ...(unreadable.length > 0 ? { unreadable } : {}) });
    known = undefined;
    const items = await cache.items(site);
    known = Promise.resolve(new Map(items.map((i) => [i.sourceKey, i])));
    return items;
  }

  let syncing: Promise<StoredEvidence[]> | undefined;

  return {
    knownByKey,
    remember,
    forget() {
      known = undefined;
    },
    get,

    async findBySourceKey(sourceKey) {
      const loc = await locator.location();
      const found = (await gateway.findBySourceKeys(loc, [sourceKey])).get(sourceKey);
      if (!found) return undefined;
      if (!found.ok) throw new EvidenceReadError(found.id, found.issues);
      const item = found.record;
      await remember([item]);
      return item;
    },

    async query(query = {}) {
      const loc = await locator.location();
      const top = query.pageSize ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(top) || top < 1) throw new RangeError(`pageSize must be a positive integer, got ${top}.`);
      const request: EvidenceListQuery = { ...query, top };
      const items: StoredEvidence[] = [];
      const unreadable: UnreadableEvidence[] = [];
      let cursor = query.cursor;
      let first = true;
      // Graph filters on one indexed column; the other conditions and the clause are applied here: skip empty pages.
      while (first || (items.length === 0 && unreadable.length === 0 && cursor)) {
        const page = await gateway.query(loc, cursor ? { cursor } : request);
        first = false;
        const read = split(page.results);
        items.push(...read.items.filter((item) => matchesQuery(item, query)));
        unreadable.push(...read.unreadable);
        cursor = page.cursor;
      }
      return { items, ...(unreadable.length > 0 ? { unreadable } : {}), ...(cursor ? { cursor } : {}) };
    },

    sync(onProgress) {
      syncing ??= syncNow(onProgress).finally(() => {
        syncing = undefined;
      });
      return syncing;
    },

    async unreadable() {
      return (await cache.meta(site)).unreadable ?? [];
    },

    cached: () => cache.items(site),
  };
}
