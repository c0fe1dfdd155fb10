/**
 * The real evidence store (createEvidenceStore) over an in-memory gateway (memoryEvidenceGateway.ts):
 * the same rules for dedupe, outbox, paging and reviews, without a tenant. For unit tests of features
 * that use the store, and for demos without a tenant. Test hooks: an outage, tampering, a change by
 * someone else, an item broken by hand.
 */
import type { FreshnessSettings, PersonRef } from '../../../domain';
import { createEvidenceStore } from '../createEvidenceStore';
import type { EvidenceStore, StoredEvidence, UnreadableEvidence } from '../evidenceStore';
import { createMemoryEvidenceBackend } from './memoryEvidenceGateway';

export interface MemoryEvidenceStoreOptions {
  capturedBy: PersonRef;
  /** Injected clock; default: real time. */
  clock?: () => Date;
  settings?: FreshnessSettings;
  /** Items present from the start (kept as given, with ids and etags assigned when missing). */
  initial?: readonly StoredEvidence[];
  /** The decision list exists from the start (else from the first review on). */
  decisionList?: boolean;
}

export interface MemoryEvidenceStore extends EvidenceStore {
  /** While true, captures are queued in the outbox instead of stored (a simulated outage). */
  setOffline(offline: boolean): void;
  /** Overwrites an item's stored content without updating its hash (simulated tampering). */
  tamper(id: string, bytes: Uint8Array): void;
  /** Changes an item as another user would (new etag): for conflict tests. */
  changeBehindTheScenes(id: string, change: Partial<StoredEvidence>): StoredEvidence;
  /** Breaks an item as a hand edit in SharePoint would: from now on it is unreadable with this reason. */
  corrupt(id: string, reason: UnreadableEvidence['reason'], fields?: Record<string, unknown>): void;
  /** Every stored item, in capture order. */
  all(): StoredEvidence[];
  /** How many provision() calls were made. */
  readonly provisionCalls: number;
}

export function createMemoryEvidenceStore(options: MemoryEvidenceStoreOptions): MemoryEvidenceStore {
  const backend = createMemoryEvidenceBackend({ signedIn: options.capturedBy, ...(options.initial ? { initial: options.initial } : {}), ...(options.decisionList ? { decisionList: true } : {}) });
  const store = createEvidenceStore({
    graph: { evidence: backend.gateway, records: backend.records },
    site: 'https://memory.invalid/sites/evidence',
    capturedBy: options.capturedBy,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  // A memory store has no record label (like a store without the versions gateway, it never claims one).
  const { applyRecordLabel: _label, recordLabelStatus: _status, site: _site, location: _location, cached: _cached, provisionReport: _report, ...rest } = store;
  return {
    ...rest,
    async review(id, etag, decision, reviewer) {
      // The reviewer is the signed-in user: SharePoint's createdBy of the decision record.
      backend.signedIn = reviewer;
      return store.review(id, etag, decision, reviewer);
    },
    setOffline: backend.setOffline,
    tamper: backend.tamper,
    changeBehindTheScenes: backend.changeBehindTheScenes,
    corrupt: backend.corrupt,
    all: backend.all,
    get provisionCalls() {
      return backend.provisionCalls;
    },
  };
}
