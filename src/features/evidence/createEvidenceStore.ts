/**
 * The evidence store on the customer's SharePoint site (issue 3): list "Chefsache Nachweise" and
 * library "Chefsache Nachweisdokumente" (src/graph/evidence). Implements EvidenceStore:
 * - capture/captureMany: validated first, content uploaded first (SHA-256 over the exact bytes),
 *   items created 20 per `$batch`, idempotent by source key (unique indexed column; 409 → read back);
 * - a capture that still fails after the pipeline's retries waits in a persistent outbox, retried by
 *   `outbox.flush()` (on start and on reconnect: see outboxRetry.ts);
 * - query on indexed columns, sorted by effective date, paged by Graph's nextLink;
 * - review with If-Match (412 → ReviewConflictError with the current version);
 * - sync via list-item delta into a local cache: a re-open with nothing changed costs one request;
 *   410 → full resync; verify downloads the content and recomputes the hash.
 */
import type { EvidenceIssue, FreshnessSettings, PersonRef } from '../../domain';
import {
  COL,
  EVIDENCE_SCHEMA_VERSION,
  GraphError,
  GraphForbiddenError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphResyncRequiredError,
  RecordListMissingError,
  toReviewFields,
  type EvidenceGateway,
  type EvidenceLocation,
  type GraphGateways,
  type RecordsGateway,
  type EvidenceReadResult,
  type ProvisionReport,
} from '../../graph';
import { evidenceItemDigest, sha256Hex } from '../../domain';
import { validateAll } from './captureItem';
import { EvidenceReadError, runCaptures, toStoredEvidence, type CaptureOutcome, type CaptureRunnerContext, type PreparedCapture } from './captureRunner';
import { createMemoryEvidenceCache, type EvidenceCache } from './evidenceCache';
import { EvidenceCaptureError, EvidenceNotFoundError, EvidenceProvisioningError, EvidenceStoreLostError, ReviewConflictError } from './errors';
import type {
  CaptureInput,
  CaptureResult,
  EvidencePage,
  EvidenceQuery,
  EvidenceStore,
  OutboxEntry,
  ProgressListener,
  ReviewDecision,
  StoredEvidence,
  UnreadableEvidence,
  VerifyResult,
} from './evidenceStore';
import { mergeUnreadable, toUnreadable } from './unreadable';
import { describeFailure, isTransientFailure } from './failures';
import { createMemoryOutboxStorage, type OutboxRecord, type OutboxStorage } from './outboxStorage';
import { DEFAULT_PAGE_SIZE, matchesQuery } from './queryEvidence';
import { applyDecision, checkDecision } from './reviewDecision';
import { applyRecordLabel, recordLabelCoverage, recordLabelName, type RecordLabelOutcome } from './recordLabel';
import { indexedServerFilter } from './serverFilter';
import { BATCH_CHUNK, inChunks } from './chunks';

export interface EvidenceStoreOptions {
  /** `records`: the decision list; without it (unit tests of other features) a review writes only the item. */
  graph: { evidence: EvidenceGateway; records?: RecordsGateway } & Partial<Pick<GraphGateways, 'versions' | 'sites' | 'lists' | 'listItems'>>;
  /** Browser URL of the SharePoint site (Teams team site or configured `siteUrl`). */
  site: string;
  /** The signed-in user: capturedBy of every capture (or how to find out, asked once). */
  capturedBy: PersonRef | (() => Promise<PersonRef>);
  clock?: () => Date;
  settings?: FreshnessSettings;
  /** Local copy of the list (IndexedDB in the browser). Default: in memory. */
  cache?: EvidenceCache;
  /** Where waiting captures are kept (IndexedDB in the browser). Default: in memory. */
  outboxStorage?: OutboxStorage;
  /** Create list and library on first use when missing (needs site owner rights). Default true. */
  autoProvision?: boolean;
  /** An item in the list that does not validate (edited by hand): reported here too, besides `unreadable()`. */
  onInvalidItem?: (id: string, issues: EvidenceIssue[]) => void;
  /** `$batch` calls in flight during bulk capture. Default 4. */
  concurrency?: number;
  newId?: () => string;
}

export interface GraphEvidenceStore extends EvidenceStore {
  readonly site: string;
  /** The located (or provisioned) list and library. */
  location(): Promise<EvidenceLocation>;
  /** Items in the local cache, without any request. */
  cached(): Promise<StoredEvidence[]>;
  /** Provisioning with what it did (created lists, added columns). */
  provisionReport(): Promise<ProvisionReport>;
}

type ItemOutcome = { ok: true; result: CaptureResult } | { ok: false; sourceKey: string; error: unknown };

function mapProvisioningError(error: unknown, site: string): unknown {
  if (error instanceof GraphForbiddenError) {
    return new EvidenceProvisioningError('forbidden', site, `(${error.describe()})`, { cause: error });
  }
  if (error instanceof GraphNotFoundError) {
    return new EvidenceProvisioningError('siteNotFound', site, `(${error.describe()})`, { cause: error });
  }
  return error;
}


export function createEvidenceStore(options: EvidenceStoreOptions): GraphEvidenceStore {
  const gateway = options.graph.evidence;
  const scope = options.site;
  const clock = options.clock ?? (() => new Date());
  const cache = options.cache ?? createMemoryEvidenceCache();
  const outboxStorage = options.outboxStorage ?? createMemoryOutboxStorage();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const reportInvalid = options.onInvalidItem ?? (() => undefined);
  let me: Promise<PersonRef> | undefined;
  const capturedBy = () =>
    (me ??= (typeof options.capturedBy === 'function' ? options.capturedBy() : Promise.resolve(options.capturedBy)).catch((error: unknown) => {
      me = undefined;
      throw error;
    }));
  const outboxListeners = new Set<() => void>();
  const notifyOutbox = () => outboxListeners.forEach((listener) => listener());

  let located: Promise<EvidenceLocation> | undefined;
  /** Items known in this session by source key (from the cache, captures, syncs). */
  let known: Promise<Map<string, StoredEvidence>> | undefined;

  const knownByKey = () => (known ??= cache.items(scope).then((items) => new Map(items.map((i) => [i.sourceKey, i]))));

  async function remember(items: readonly StoredEvidence[]): Promise<void> {
    if (items.length === 0) return;
    await cache.apply(scope, { items });
    const map = await knownByKey();
    for (const item of items) map.set(item.sourceKey, item);
  }

  /** Readable items and unreadable entries: an item that fails validation is never dropped. */
  function split(results: readonly EvidenceReadResult[]): { items: StoredEvidence[]; unreadable: UnreadableEvidence[] } {
    const items: StoredEvidence[] = [];
    const unreadable: UnreadableEvidence[] = [];
    for (const result of results) {
      if (result.ok) items.push(toStoredEvidence(result.record));
      else {
        reportInvalid(result.id, result.issues);
        unreadable.push(toUnreadable(result.id, result.issues, result.fields));
      }
    }
    return { items, unreadable };
  }

  async function useLocation(location: EvidenceLocation): Promise<EvidenceLocation> {
    const meta = await cache.meta(scope);
    if (meta.location && (meta.location.listId !== location.listId || meta.location.siteId !== location.siteId)) {
      await cache.clear(scope);
      known = undefined;
      await cache.setMeta(scope, { location });
    } else {
      await cache.setMeta(scope, { ...meta, location });
    }
    return location;
  }

  async function locateOnSite(): Promise<EvidenceLocation | undefined> {
    try {
      return await gateway.locate(options.site);
    } catch (error) {
      throw mapProvisioningError(error, options.site);
    }
  }

  /**
   * The list and library this browser used (cached location) must still be the ones on the site:
   * if they are gone or replaced, stop with the critical alarm. Only a first set-up creates them.
   */
  async function requireKnownStillThere(found: EvidenceLocation | undefined): Promise<void> {
    const used = (await cache.meta(scope)).location;
    if (used && (!found || found.listId !== used.listId || found.libraryId !== used.libraryId)) throw new EvidenceStoreLostError(options.site);
  }

  async function runProvisioning(): Promise<ProvisionReport> {
    await requireKnownStillThere(await locateOnSite());
    try {
      const report = await gateway.provision(options.site);
      await useLocation(report.location);
      located = Promise.resolve(report.location);
      return report;
    } catch (error) {
      throw mapProvisioningError(error, options.site);
    }
  }

  async function resolveLocation(): Promise<EvidenceLocation> {
    const meta = await cache.meta(scope);
    if (meta.location && meta.location.schemaVersion >= EVIDENCE_SCHEMA_VERSION) return meta.location;
    const location = await locateOnSite();
    await requireKnownStillThere(location);
    if (location && location.schemaVersion >= EVIDENCE_SCHEMA_VERSION) return useLocation(location);
    if (options.autoProvision === false) {
      throw new EvidenceProvisioningError('failed', options.site, 'The evidence list is missing or outdated and automatic set-up is switched off.');
    }
    return (await runProvisioning()).location;
  }

  const location = () => (located ??= resolveLocation().catch((error: unknown) => {
    located = undefined;
    throw error;
  }));

  /**
   * Something in the cached list or library answered 404: the same list and library still there →
   * go on with them; deleted or moved → EvidenceStoreLostError (never set up again, issue 12).
   */
  async function relocate(): Promise<EvidenceLocation> {
    located = undefined;
    const found = await locateOnSite();
    await requireKnownStillThere(found);
    if (!found) throw new EvidenceStoreLostError(options.site);
    return (located = Promise.resolve(useLocation(found)));
  }

  // ---- outbox -------------------------------------------------------------------------------

  /** Captures written ahead to the outbox and still being sent by this page: not shown, not retried. */
  const inFlight = new Set<string>();

  function newRecord(capture: PreparedCapture): OutboxRecord {
    return {
      scope,
      input: capture.input,
      capturedAt: capture.capturedAt.toISOString(),
      captureId: capture.captureId,
      capturedBy: capture.capturedBy,
      entry: { id: `outbox-${capture.captureId}`, sourceKey: capture.input.sourceKey, title: capture.input.title, queuedAt: clock().toISOString(), attempts: 0, lastError: '' },
    };
  }

  async function enqueue(capture: PreparedCapture, error: unknown, previous?: OutboxRecord, failed = false): Promise<OutboxEntry> {
    const base = previous ?? newRecord(capture);
    const errorKind = error instanceof GraphError ? error.kind : undefined;
    const record: OutboxRecord = { ...base, entry: { ...base.entry, attempts: base.entry.attempts + 1, lastError: describeFailure(error), errorKind, failed } };
    await outboxStorage.put(record);
    return record.entry;
  }

  const fromRecord = (r: OutboxRecord): PreparedCapture => ({ input: r.input, captureId: r.captureId, capturedAt: new Date(r.capturedAt), capturedBy: r.capturedBy });

  // ---- capture ------------------------------------------------------------------------------

  /**
   * Stores captures. A capture whose source already waits in the outbox is not queued again: the
   * waiting capture (its capture id, time and content) is tried again now. `fromOutbox` (the
   * retry) names the outbox records being tried; whatever is stored leaves the outbox.
   */
  async function storeCaptures(
    requested: readonly PreparedCapture[],
    onProgress: ProgressListener | undefined,
    fromOutbox?: ReadonlyMap<string, OutboxRecord>,
    onUploadProgress?: ProgressListener,
  ): Promise<ItemOutcome[]> {
    const captures = [...requested];
    const records = new Map(fromOutbox);
    const outcomes: ItemOutcome[] = new Array(captures.length);
    const total = captures.length;
    let done = 0;
    onProgress?.({ done, total });
    const report = (count: number) => {
      done += count;
      onProgress?.({ done, total });
    };

    // Waiting captures of this source (not those this page is sending right now).
    const waiting = fromOutbox ? [] : (await outboxStorage.list(scope)).filter((r) => !inFlight.has(r.captureId));
    const map = await knownByKey();
    const firstByKey = new Map<string, number>();
    const pending: number[] = [];
    for (const [index, capture] of captures.entries()) {
      const key = capture.input.sourceKey;
      const knownItem = map.get(key);
      const queued = waiting.find((r) => r.entry.sourceKey === key);
      if (queued && !records.has(queued.captureId)) {
        captures[index] = fromRecord(queued);
        records.set(queued.captureId, queued);
      }
      if (knownItem) {
        outcomes[index] = { ok: true, result: { status: 'existing', item: knownItem } };
        const record = records.get(captures[index]!.captureId);
        if (record) await outboxStorage.delete(record.entry.id);
      } else if (!firstByKey.has(key)) {
        firstByKey.set(key, index);
        pending.push(index);
      }
    }
    report(outcomes.filter((o) => o !== undefined).length);

    // Write-ahead: a new capture is in the outbox before anything is sent, so closing the page
    // mid-capture loses nothing; the next retry finds its own item by the capture id (stored once).
    const ahead = new Set<string>();
    for (const index of pending) {
      const capture = captures[index]!;
      if (records.has(capture.captureId)) continue;
      const record = newRecord(capture);
      try {
        await outboxStorage.put(record);
      } catch {
        continue; // No local storage right now: the capture still runs, it just cannot wait.
      }
      records.set(capture.captureId, record);
      ahead.add(capture.captureId);
      inFlight.add(capture.captureId);
    }
    try {
      await sendPending();
    } finally {
      for (const id of ahead) inFlight.delete(id);
    }

    // Repeats of a key within the call share the first one's result.
    for (const [index, capture] of captures.entries()) {
      if (outcomes[index]) continue;
      const first = outcomes[firstByKey.get(capture.input.sourceKey)!]!;
      outcomes[index] = first.ok && (first.result.status === 'created' || first.result.status === 'existing')
        ? { ok: true, result: { status: 'existing', item: first.result.item } }
        : first;
      report(1);
    }
    if (records.size > 0 || outcomes.some((o) => o.ok && o.result.status === 'queued')) notifyOutbox();
    return outcomes;

    async function settle(index: number, outcome: CaptureOutcome) {
      const capture = captures[index]!;
      const record = records.get(capture.captureId);
      if (outcome.status === 'created' || outcome.status === 'existing') {
        if (record) await outboxStorage.delete(record.entry.id);
        outcomes[index] = { ok: true, result: { status: outcome.status, item: outcome.item } };
      } else if (outcome.status === 'retry') {
        const entry = await enqueue(capture, outcome.error, record);
        outcomes[index] = { ok: true, result: { status: 'queued', outboxId: entry.id, sourceKey: capture.input.sourceKey } };
      } else {
        // A new capture's error goes to the caller; a waiting one that now fails for good stays
        // until the user tries again or discards it.
        if (record && ahead.has(capture.captureId)) await outboxStorage.delete(record.entry.id);
        else if (record) await enqueue(capture, outcome.error, record, true);
        outcomes[index] = { ok: false, sourceKey: capture.input.sourceKey, error: outcome.error };
      }
    }

    async function sendPending() {
      let loc: EvidenceLocation | undefined;
      if (pending.length > 0) {
        try {
          loc = await location();
        } catch (error) {
          if (!isTransientFailure(error)) {
            for (const id of ahead) await outboxStorage.delete(records.get(id)!.entry.id);
            throw error;
          }
          for (const index of pending) await settle(index, { status: 'retry', error });
          report(pending.length);
        }
      }
      if (loc) {
        let context: CaptureRunnerContext = {
          gateway,
          location: loc,
          settings: options.settings,
          onUploadProgress: onUploadProgress && ((p) => onUploadProgress({ done: p.sentBytes, total: p.totalBytes })),
        };
        let relocation: Promise<void> | undefined;
        /** A 404 in the cached list or library: check once that it is still there (else the store is lost), then try again. */
        const relocateOnce = (stale: EvidenceLocation) =>
          (relocation ??= (async () => {
            if (context.location === stale) context = { ...context, location: await relocate() };
          })());
        const run = async (chunk: readonly number[]): Promise<CaptureOutcome[]> => {
          const used = context.location;
          const results = await runCaptures(context, chunk.map((i) => captures[i]!));
          if (!results.some((r) => r.status === 'failed' && r.error instanceof GraphNotFoundError)) return results;
          await relocateOnce(used);
          return runCaptures(context, chunk.map((i) => captures[i]!));
        };
        const chunks = inChunks(pending, BATCH_CHUNK);
        let next = 0;
        const worker = async () => {
          while (next < chunks.length) {
            const chunk = chunks[next++]!;
            const results = await run(chunk);
            await remember(results.flatMap((r) => (r.status === 'created' || r.status === 'existing' ? [r.item] : [])));
            for (const [position, result] of results.entries()) await settle(chunk[position]!, result);
            report(chunk.length);
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
      }
    }
  }

  /** Validates every input before anything is written; in a bulk capture, issues name the input. */
  async function prepare(inputs: readonly CaptureInput[]): Promise<PreparedCapture[]> {
    const now = clock();
    const who = await capturedBy();
    validateAll(inputs, { now, capturedBy: who });
    return inputs.map((input) => ({ input, captureId: newId(), capturedAt: now, capturedBy: who }));
  }

  // ---- reads --------------------------------------------------------------------------------

  async function get(id: string): Promise<StoredEvidence> {
    const loc = await location();
    let result: EvidenceReadResult;
    try {
      result = await gateway.get(loc, id);
    } catch (error) {
      if (error instanceof GraphNotFoundError) throw new EvidenceNotFoundError(id, { cause: error });
      throw error;
    }
    if (!result.ok) throw new EvidenceReadError(result.id, result.issues);
    const item = toStoredEvidence(result.record);
    await remember([item]);
    return item;
  }

  async function deltaRound(loc: EvidenceLocation, link: string | undefined, onProgress: ProgressListener | undefined, estimate: number) {
    return gateway.delta(loc, link, (count, more) => onProgress?.({ done: count, total: more ? Math.max(estimate, count + 1) : count }));
  }

  let syncing: Promise<StoredEvidence[]> | undefined;
  /** One sync at a time: a second caller shares the running one. */
  function sync(onProgress?: ProgressListener): Promise<StoredEvidence[]> {
    syncing ??= syncNow(onProgress).finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  async function syncNow(onProgress?: ProgressListener): Promise<StoredEvidence[]> {
    let loc = await location();
    const meta = await cache.meta(scope);
    const link = meta.namesFields ? meta.deltaLink : undefined;
    const estimate = link ? 0 : (await cache.items(scope)).length;
    let replace = !link;
    let round;
    try {
      round = await deltaRound(loc, link, onProgress, estimate);
    } catch (error) {
      if (error instanceof GraphResyncRequiredError) {
        replace = true;
        round = await deltaRound(loc, undefined, onProgress, estimate);
      } else if (error instanceof GraphNotFoundError && meta.location) {
        loc = await relocate();
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
    await cache.apply(scope, { items: read.items, removedIds: [...round.removedIds, ...read.unreadable.map((u) => u.id)], replace });
    await cache.setMeta(scope, { location: loc, deltaLink: round.deltaLink, namesFields: true, ...(unreadable.length > 0 ? { unreadable } : {}) });
    known = undefined;
    const items = await cache.items(scope);
    known = Promise.resolve(new Map(items.map((i) => [i.sourceKey, i])));
    return items;
  }

  // ---- decisions ----------------------------------------------------------------------------

  /** Adds a decision record; a missing decision list is created first unless auto set-up is off (setup creates it). */
  async function addDecision(records: RecordsGateway, input: Parameters<RecordsGateway['addDecision']>[1]): Promise<void> {
    try {
      await records.addDecision(options.site, input);
    } catch (error) {
      if (!(error instanceof RecordListMissingError) || options.autoProvision === false) throw error;
      await records.provision(options.site, 'decisions');
      await records.addDecision(options.site, input);
    }
  }

  // ---- the store ----------------------------------------------------------------------------

  let flushing: Promise<OutboxEntry[]> | undefined;

  /** Tries the chosen outbox records again; returns what waits afterwards. */
  async function retryRecords(chosen: (record: OutboxRecord) => boolean): Promise<OutboxEntry[]> {
    const records = (await outboxStorage.list(scope)).filter((r) => !inFlight.has(r.captureId) && chosen(r));
    if (records.length > 0) await storeCaptures(records.map(fromRecord), undefined, new Map(records.map((r) => [r.captureId, r])));
    return store.outbox.list();
  }

  // The record label setup configured (settings `recordLabel`), read once per store.
  const { versions, sites, lists, listItems } = options.graph;
  const labelName = sites && lists && listItems ? recordLabelName({ sites, lists, listItems }, options.site) : async () => undefined;

  const store: GraphEvidenceStore = {
    site: options.site,

    async applyRecordLabel(item): Promise<RecordLabelOutcome> {
      if (!versions) return { state: 'notConfigured' };
      return applyRecordLabel({ versions, labelName, driveId: async () => (await location()).driveId }, item);
    },

    async recordLabelStatus(files) {
      if (!versions) return { configured: false };
      return recordLabelCoverage({ versions, labelName, driveId: async () => (await location()).driveId }, files);
    },
    location,
    cached: () => cache.items(scope),
    provisionReport: runProvisioning,

    async provision() {
      await runProvisioning();
    },

    async capture(input, captureOptions) {
      const [outcome] = await storeCaptures(await prepare([input]), undefined, undefined, captureOptions?.onUploadProgress);
      if (!outcome!.ok) throw outcome!.error;
      return outcome!.result;
    },

    async captureMany(inputs, onProgress) {
      const outcomes = await storeCaptures(await prepare(inputs), onProgress);
      if (outcomes.some((o) => !o.ok)) throw new EvidenceCaptureError(outcomes);
      return outcomes.map((o) => (o as { ok: true; result: CaptureResult }).result);
    },

    async query(query = {}): Promise<EvidencePage> {
      const loc = await location();
      const top = query.pageSize ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(top) || top < 1) throw new RangeError(`pageSize must be a positive integer, got ${top}.`);
      const request = {
        filter: indexedServerFilter(query),
        orderby: `fields/${COL.effectiveDate} ${query.order === 'effectiveDateAsc' ? 'asc' : 'desc'}`,
        top,
      };
      const items: StoredEvidence[] = [];
      const unreadable: UnreadableEvidence[] = [];
      let nextLink = query.cursor;
      let first = true;
      // Graph filters on one indexed column; the other conditions and the clause are applied here: skip empty pages.
      while (first || (items.length === 0 && unreadable.length === 0 && nextLink)) {
        const page = await gateway.query(loc, first && !query.cursor ? request : { nextLink });
        first = false;
        const read = split(page.results);
        items.push(...read.items.filter((item) => matchesQuery(item, query)));
        unreadable.push(...read.unreadable);
        nextLink = page.nextLink;
      }
      return { items, ...(unreadable.length > 0 ? { unreadable } : {}), ...(nextLink ? { cursor: nextLink } : {}) };
    },

    get,

    async findBySourceKey(sourceKey) {
      const loc = await location();
      const found = (await gateway.findBySourceKeys(loc, [sourceKey])).get(sourceKey);
      if (!found) return undefined;
      if (!found.ok) throw new EvidenceReadError(found.id, found.issues);
      const item = toStoredEvidence(found.record);
      await remember([item]);
      return item;
    },

    async review(id, etag, decision: ReviewDecision, reviewer) {
      const loc = await location();
      const cachedItem = [...(await knownByKey()).values()].find((i) => i.id === id && i.etag === etag);
      let current = cachedItem ?? (await get(id));
      if (current.etag !== etag) throw new ReviewConflictError(decision, current);
      checkDecision(current, decision, reviewer);
      const records = options.graph.records;
      if (records) {
        // The record pins the item as the reviewer saw it: read it fresh for its version label.
        if (cachedItem && !cachedItem.version) current = await get(id);
        if (current.etag !== etag) throw new ReviewConflictError(decision, current);
        const comment = decision.comment?.trim();
        await addDecision(records, {
          evidenceItemId: id,
          decision: decision.status,
          ...(comment ? { comment } : {}),
          ...(current.contentSha256 ? { contentSha256: current.contentSha256 } : {}),
          itemDigest: evidenceItemDigest(current),
          ...(current.version ? { evidenceVersion: current.version } : {}),
        });
      }
      const reviewed = applyDecision(current, decision, reviewer, clock());
      let result: EvidenceReadResult;
      try {
        result = await gateway.update(loc, id, toReviewFields(reviewed), etag);
      } catch (error) {
        if (error instanceof GraphPreconditionFailedError) throw new ReviewConflictError(decision, await get(id), { cause: error });
        if (error instanceof GraphNotFoundError) throw new EvidenceNotFoundError(id, { cause: error });
        throw error;
      }
      if (!result.ok) throw new EvidenceReadError(result.id, result.issues);
      const item: StoredEvidence = { ...toStoredEvidence(result.record) };
      if (current.contentItemId && !item.contentItemId) item.contentItemId = current.contentItemId;
      await remember([item]);
      return item;
    },

    sync,

    async unreadable() {
      return (await cache.meta(scope)).unreadable ?? [];
    },

    async decisions(itemId) {
      const records = options.graph.records;
      if (!records) return undefined;
      const read = await records.decisions(options.site, itemId);
      return read.missing ? undefined : read.records;
    },

    async content(item) {
      if (!item.contentItemId) throw new Error(`Evidence item ${item.id} ("${item.title}") has no stored content.`);
      return gateway.download(await location(), item.contentItemId);
    },

    async verify(ids, onProgress) {
      const loc = await location();
      const all = ids ? await Promise.all(ids.map(get)) : await sync();
      const targets = all.filter((item) => item.contentSha256 !== undefined);
      const results: VerifyResult[] = new Array(targets.length);
      let done = 0;
      onProgress?.({ done, total: targets.length });
      let next = 0;
      const worker = async () => {
        while (next < targets.length) {
          const index = next++;
          const item = targets[index]!;
          const base = { id: item.id, title: item.title, expectedSha256: item.contentSha256 };
          if (!item.contentItemId) {
            results[index] = { ...base, ok: false, problem: 'The item names no stored file (ContentItemId is empty).' };
          } else {
            try {
              const actual = await sha256Hex(await gateway.download(loc, item.contentItemId));
              results[index] = { ...base, ok: actual === item.contentSha256, actualSha256: actual };
            } catch (error) {
              results[index] = { ...base, ok: false, problem: describeFailure(error) };
            }
          }
          onProgress?.({ done: ++done, total: targets.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
      return results;
    },

    outbox: {
      async list() {
        const records = (await outboxStorage.list(scope)).filter((r) => !inFlight.has(r.captureId));
        return records.map((r) => r.entry).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      },
      flush() {
        flushing ??= retryRecords((r) => !r.entry.failed).finally(() => {
          flushing = undefined;
        });
        return flushing;
      },
      async retry(id) {
        await retryRecords((r) => r.entry.id === id);
      },
      async discard(id) {
        await outboxStorage.delete(id);
        notifyOutbox();
      },
      subscribe(listener) {
        outboxListeners.add(listener);
        return () => outboxListeners.delete(listener);
      },
    },
  };
  return store;
}
