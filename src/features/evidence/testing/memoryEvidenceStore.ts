/**
 * An in-memory EvidenceStore that honours the contract: idempotent by source key, etags that
 * change on every write and a ReviewConflictError on a stale one, SHA-256 over the content bytes,
 * query filters and paging, and an outbox (empty unless an outage is simulated).
 * For unit tests of features that use the store, and for demos without a tenant.
 */
import { evidenceItemDigest, sha256Hex, type DecisionRecord, type FreshnessSettings, type PersonRef } from '../../../domain';
import { materializeCapture, validateAll, validateCaptureInput } from '../captureItem';
import { EvidenceNotFoundError, ReviewConflictError } from '../errors';
import type {
  CaptureInput,
  CaptureResult,
  EvidenceContent,
  EvidencePage,
  EvidenceQuery,
  EvidenceStore,
  OutboxEntry,
  ProgressListener,
  ReviewDecision,
  StoredEvidence,
  UnreadableEvidence,
  VerifyResult,
} from '../evidenceStore';
import { queryLocal } from '../queryEvidence';
import { applyDecision } from '../reviewDecision';

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

interface Queued {
  entry: OutboxEntry;
  input: CaptureInput;
}

export function createMemoryEvidenceStore(options: MemoryEvidenceStoreOptions): MemoryEvidenceStore {
  const clock = options.clock ?? (() => new Date());
  const items = new Map<string, StoredEvidence>();
  const contents = new Map<string, Uint8Array>();
  const bySourceKey = new Map<string, string>();
  const outbox: Queued[] = [];
  const unreadable = new Map<string, UnreadableEvidence>();
  let nextId = 1;
  let nextVersion = 1;
  /** Decision records as the decision list would keep them (createdBy = the reviewer). */
  const decisions: DecisionRecord[] = [];
  let offline = false;
  let provisionCalls = 0;

  const newEtag = (id: string) => `"mem-${id},${nextVersion++}"`;
  const copy = (item: StoredEvidence): StoredEvidence => structuredClone(item);

  for (const item of options.initial ?? []) {
    const id = item.id || String(nextId++);
    const stored = { ...copy(item), id, etag: item.etag || newEtag(id) };
    items.set(id, stored);
    bySourceKey.set(stored.sourceKey, id);
    nextId = Math.max(nextId, Number(id) + 1 || nextId);
  }

  function require(id: string): StoredEvidence {
    const item = items.get(id);
    if (!item) throw new EvidenceNotFoundError(id);
    return item;
  }

  async function store(input: CaptureInput): Promise<CaptureResult> {
    const existingId = bySourceKey.get(input.sourceKey);
    if (existingId) return { status: 'existing', item: copy(require(existingId)) };
    const id = String(nextId++);
    const content: EvidenceContent | undefined = input.content;
    const contentSha256 = content ? await sha256Hex(content.bytes) : undefined;
    const contentUrl = content
      ? `https://memory.invalid/evidence/${id}/${encodeURIComponent(content.fileName)}`
      : undefined;
    const item = materializeCapture(input, {
      now: clock(),
      capturedBy: options.capturedBy,
      settings: options.settings,
      contentUrl,
      contentSha256,
      // Memory keeps the bytes as sent (no property promotion).
      contentSentSha256: contentSha256,
      contentSize: content?.bytes.length,
    });
    // Re-check after the await: a concurrent capture of the same key may have won.
    const raced = bySourceKey.get(input.sourceKey);
    if (raced) return { status: 'existing', item: copy(require(raced)) };
    const stored: StoredEvidence = { ...item, id, etag: newEtag(id) };
    items.set(id, stored);
    bySourceKey.set(stored.sourceKey, id);
    if (content) contents.set(id, content.bytes.slice());
    return { status: 'created', item: copy(stored) };
  }

  function enqueue(input: CaptureInput): CaptureResult {
    const entry: OutboxEntry = {
      id: `outbox-${outbox.length + 1}-${Date.now().toString(36)}`,
      sourceKey: input.sourceKey,
      title: input.title,
      queuedAt: clock().toISOString(),
      attempts: 1,
      lastError: 'Simulated outage (memory store offline).',
    };
    outbox.push({ entry, input });
    return { status: 'queued', outboxId: entry.id, sourceKey: input.sourceKey };
  }

  async function capture(input: CaptureInput): Promise<CaptureResult> {
    validateCaptureInput(input, { now: clock(), capturedBy: options.capturedBy });
    // A source that already waits is tried again now (its first capture), not queued twice.
    const waiting = outbox.find((q) => q.input.sourceKey === input.sourceKey);
    if (waiting) return (await retryQueued(waiting)) ?? { status: 'queued', outboxId: waiting.entry.id, sourceKey: input.sourceKey };
    if (offline && !bySourceKey.has(input.sourceKey)) return enqueue(input);
    return store(input);
  }

  /** Stores a waiting capture unless offline (then counts the attempt); undefined while it still waits. */
  async function retryQueued(queued: Queued): Promise<CaptureResult | undefined> {
    if (offline) {
      queued.entry.attempts += 1;
      return undefined;
    }
    outbox.splice(outbox.indexOf(queued), 1);
    return store(queued.input);
  }

  return {
    get provisionCalls() {
      return provisionCalls;
    },
    async provision() {
      provisionCalls += 1;
    },
    capture,
    async captureMany(inputs: readonly CaptureInput[], onProgress?: ProgressListener) {
      validateAll(inputs, { now: clock(), capturedBy: options.capturedBy });
      const results: CaptureResult[] = [];
      onProgress?.({ done: 0, total: inputs.length });
      for (const input of inputs) {
        results.push(await capture(input));
        onProgress?.({ done: results.length, total: inputs.length });
      }
      return results;
    },
    async query(query?: EvidenceQuery): Promise<EvidencePage> {
      const page = queryLocal([...items.values()], query);
      // Unreadable items match no condition that could be checked: the first page reports them all.
      const broken = query?.cursor ? [] : [...unreadable.values()].map((u) => structuredClone(u));
      return { ...page, items: page.items.map(copy), ...(broken.length > 0 ? { unreadable: broken } : {}) };
    },
    async get(id: string) {
      return copy(require(id));
    },
    async findBySourceKey(sourceKey: string) {
      const id = bySourceKey.get(sourceKey);
      return id ? copy(require(id)) : undefined;
    },
    async review(id: string, etag: string, decision: ReviewDecision, reviewer: PersonRef) {
      const current = require(id);
      if (current.etag !== etag) throw new ReviewConflictError(decision, copy(current));
      const reviewed = applyDecision(current, decision, reviewer, clock());
      const comment = decision.comment?.trim();
      decisions.push({
        id: String(decisions.length + 1),
        evidenceItemId: id,
        decision: decision.status,
        ...(comment ? { comment } : {}),
        ...(current.contentSha256 ? { contentSha256: current.contentSha256 } : {}),
        itemDigest: evidenceItemDigest(current),
        ...(current.version ? { evidenceVersion: current.version } : {}),
        createdBy: { ...(reviewer.id ? { id: reviewer.id } : {}), displayName: reviewer.displayName, ...(reviewer.upn ? { email: reviewer.upn } : {}) },
        createdAt: clock().toISOString(),
      });
      const stored: StoredEvidence = { ...reviewed, id, etag: newEtag(id) };
      items.set(id, stored);
      return copy(stored);
    },
    async decisions(itemId?: string) {
      // Like the Graph store: the decision list exists once setup ran or the first decision created it.
      if (decisions.length === 0 && !options.decisionList) return undefined;
      return structuredClone(decisions.filter((d) => itemId === undefined || d.evidenceItemId === itemId));
    },
    async sync(onProgress?: ProgressListener) {
      const all = [...items.values()].map(copy);
      onProgress?.({ done: all.length, total: all.length });
      return all;
    },
    async unreadable() {
      return [...unreadable.values()].map((u) => structuredClone(u));
    },
    async content(item: StoredEvidence) {
      const bytes = contents.get(item.id);
      if (!bytes) throw new Error(`Evidence item ${item.id} ("${item.title}") has no stored content.`);
      return bytes.slice();
    },
    async verify(ids?: readonly string[], onProgress?: ProgressListener): Promise<VerifyResult[]> {
      const targets = (ids ?? [...items.keys()]).map(require).filter((item) => item.contentSha256 !== undefined);
      const results: VerifyResult[] = [];
      onProgress?.({ done: 0, total: targets.length });
      for (const item of targets) {
        const bytes = contents.get(item.id);
        if (!bytes) {
          results.push({ id: item.id, title: item.title, ok: false, expectedSha256: item.contentSha256, problem: 'Content missing.' });
        } else {
          const actual = await sha256Hex(bytes);
          results.push({ id: item.id, title: item.title, ok: actual === item.contentSha256, expectedSha256: item.contentSha256, actualSha256: actual });
        }
        onProgress?.({ done: results.length, total: targets.length });
      }
      return results;
    },
    outbox: {
      async list() {
        return outbox.map((q) => ({ ...q.entry }));
      },
      async flush() {
        for (const queued of [...outbox]) await retryQueued(queued);
        return outbox.map((q) => ({ ...q.entry }));
      },
      async retry(id) {
        const queued = outbox.find((q) => q.entry.id === id);
        if (queued) await retryQueued(queued);
      },
      async discard(id) {
        const index = outbox.findIndex((q) => q.entry.id === id);
        if (index >= 0) outbox.splice(index, 1);
      },
    },
    setOffline(value: boolean) {
      offline = value;
    },
    corrupt(id: string, reason: UnreadableEvidence['reason'], fields?: Record<string, unknown>) {
      const item = require(id);
      items.delete(id);
      bySourceKey.delete(item.sourceKey);
      unreadable.set(id, { id, reason, fields: structuredClone(fields ?? { Title: item.title }) });
    },
    tamper(id: string, bytes: Uint8Array) {
      require(id);
      contents.set(id, bytes.slice());
    },
    changeBehindTheScenes(id: string, change: Partial<StoredEvidence>) {
      const current = require(id);
      const changed: StoredEvidence = { ...current, ...change, id, etag: newEtag(id) };
      items.set(id, changed);
      return copy(changed);
    },
    all() {
      return [...items.values()].map(copy);
    },
  };
}
