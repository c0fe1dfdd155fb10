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
 *
 * The composition root: each concern lives in its own file (storeLocation, storeCapture + captureRunner,
 * storeReads, storeOutbox, storeReview, storeIntegrity); this file wires them to one EvidenceStore.
 */
import type { EvidenceIssue, FreshnessSettings, PersonRef } from '../../domain';
import type { EvidenceGateway, EvidenceLocation, GraphGateways, ProvisionReport, RecordsGateway } from '../../graph';
import { createMemoryEvidenceCache, type EvidenceCache } from './evidenceCache';
import { EvidenceCaptureError } from './errors';
import type { CaptureResult, EvidenceStore, StoredEvidence } from './evidenceStore';
import { createMemoryOutboxStorage, type OutboxStorage } from './outboxStorage';
import { applyRecordLabel, recordLabelCoverage, recordLabelName, type RecordLabelOutcome } from './recordLabel';
import { createStoreCapture } from './storeCapture';
import type { StoreContext } from './storeContext';
import { createStoreIntegrity } from './storeIntegrity';
import { createStoreLocator } from './storeLocation';
import { createStoreOutbox, outboxApi } from './storeOutbox';
import { createStoreReads } from './storeReads';
import { createStoreReview } from './storeReview';

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

export function createEvidenceStore(options: EvidenceStoreOptions): GraphEvidenceStore {
  const ctx: StoreContext = {
    gateway: options.graph.evidence,
    site: options.site,
    clock: options.clock ?? (() => new Date()),
    cache: options.cache ?? createMemoryEvidenceCache(),
    concurrency: Math.max(1, options.concurrency ?? 4),
    settings: options.settings,
  };
  const autoProvision = options.autoProvision !== false;
  let me: Promise<PersonRef> | undefined;
  const capturedBy = () =>
    (me ??= (typeof options.capturedBy === 'function' ? options.capturedBy() : Promise.resolve(options.capturedBy)).catch((error: unknown) => {
      me = undefined;
      throw error;
    }));

  let reads: ReturnType<typeof createStoreReads> | undefined;
  const locator = createStoreLocator(ctx, { autoProvision, onReset: () => reads?.forget() });
  reads = createStoreReads(ctx, locator, options.onInvalidItem ?? (() => undefined));
  const outbox = createStoreOutbox(ctx.site, ctx.clock, options.outboxStorage ?? createMemoryOutboxStorage());
  const capture = createStoreCapture(ctx, { locator, reads, outbox, capturedBy, newId: options.newId ?? (() => globalThis.crypto.randomUUID()) });
  const review = createStoreReview(ctx, { locator, reads, records: options.graph.records, autoProvision });
  const integrity = createStoreIntegrity(ctx, locator, reads);

  // The record label setup configured (settings `recordLabel`), read once per store.
  const { versions, sites, lists, listItems } = options.graph;
  const labelName = sites && lists && listItems ? recordLabelName({ sites, lists, listItems }, options.site) : async () => undefined;
  const driveId = async () => (await locator.location()).driveId;

  return {
    site: options.site,
    location: locator.location,
    cached: reads.cached,
    provisionReport: locator.provisionReport,
    async provision() {
      await locator.provisionReport();
    },

    async capture(input, captureOptions) {
      const [outcome] = await capture.store(await capture.prepare([input]), undefined, undefined, captureOptions?.onUploadProgress);
      if (!outcome!.ok) throw outcome!.error;
      return outcome!.result;
    },
    async captureMany(inputs, onProgress) {
      const outcomes = await capture.store(await capture.prepare(inputs), onProgress);
      if (outcomes.some((o) => !o.ok)) throw new EvidenceCaptureError(outcomes);
      return outcomes.map((o) => (o as { ok: true; result: CaptureResult }).result);
    },

    query: reads.query,
    get: reads.get,
    findBySourceKey: reads.findBySourceKey,
    sync: reads.sync,
    unreadable: reads.unreadable,
    ...review,
    ...integrity,

    async applyRecordLabel(item): Promise<RecordLabelOutcome> {
      if (!versions) return { state: 'notConfigured' };
      return applyRecordLabel({ versions, labelName, driveId }, item);
    },
    async recordLabelStatus(files) {
      if (!versions) return { configured: false };
      return recordLabelCoverage({ versions, labelName, driveId }, files);
    },

    outbox: outboxApi(outbox, async (records) => {
      await capture.store(records.map(outbox.fromRecord), undefined, new Map(records.map((r) => [r.writeId, r])));
    }),
  };
}
