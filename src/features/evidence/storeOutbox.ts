/** The outbox: captures written ahead before sending, kept when the store cannot be reached, retried and discarded on request. */
import { GraphError } from '../../graph';
import type { PreparedCapture } from './captureRunner';
import type { EvidenceStore, OutboxEntry } from './evidenceStore';
import { describeFailure } from './failures';
import type { OutboxRecord, OutboxStorage } from './outboxStorage';

export interface StoreOutbox {
  readonly storage: OutboxStorage;
  /** Captures written ahead to the outbox and still being sent by this page: not shown, not retried. */
  readonly inFlight: Set<string>;
  newRecord(capture: PreparedCapture): OutboxRecord;
  /** Keeps (or updates) the record of a capture that failed with `error`; `failed`: waiting will not heal it. */
  enqueue(capture: PreparedCapture, error: unknown, previous?: OutboxRecord, failed?: boolean): Promise<OutboxEntry>;
  fromRecord(record: OutboxRecord): PreparedCapture;
  /** Waiting records of this site that this page is not sending right now. */
  waiting(): Promise<OutboxRecord[]>;
  notify(): void;
}

export function createStoreOutbox(site: string, clock: () => Date, storage: OutboxStorage): StoreOutbox & { listeners: Set<() => void> } {
  const inFlight = new Set<string>();
  const listeners = new Set<() => void>();

  function newRecord(capture: PreparedCapture): OutboxRecord {
    return {
      scope: site,
      input: capture.input,
      capturedAt: capture.capturedAt.toISOString(),
      writeId: capture.writeId,
      capturedBy: capture.capturedBy,
      entry: { id: `outbox-${capture.writeId}`, sourceKey: capture.input.sourceKey, title: capture.input.title, queuedAt: clock().toISOString(), attempts: 0, lastError: '' },
    };
  }

  return {
    storage,
    inFlight,
    listeners,
    newRecord,
    async enqueue(capture, error, previous, failed = false) {
      const base = previous ?? newRecord(capture);
      const errorKind = error instanceof GraphError ? error.kind : undefined;
      const record: OutboxRecord = { ...base, entry: { ...base.entry, attempts: base.entry.attempts + 1, lastError: describeFailure(error), errorKind, failed } };
      await storage.put(record);
      return record.entry;
    },
    fromRecord: (r) => ({ input: r.input, writeId: r.writeId, capturedAt: new Date(r.capturedAt), capturedBy: r.capturedBy }),
    async waiting() {
      return (await storage.list(site)).filter((r) => !inFlight.has(r.writeId));
    },
    notify: () => listeners.forEach((listener) => listener()),
  };
}

/**
 * The store's `outbox` API. `send` stores the given records' captures again (the capture path);
 * whatever is stored leaves the outbox.
 */
export function outboxApi(outbox: ReturnType<typeof createStoreOutbox>, send: (records: OutboxRecord[]) => Promise<void>): EvidenceStore['outbox'] {
  let flushing: Promise<OutboxEntry[]> | undefined;

  const list = async () => (await outbox.waiting()).map((r) => r.entry).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));

  /** Tries the chosen outbox records again; returns what waits afterwards. */
  async function retryRecords(chosen: (record: OutboxRecord) => boolean): Promise<OutboxEntry[]> {
    const records = (await outbox.waiting()).filter(chosen);
    if (records.length > 0) await send(records);
    return list();
  }

  return {
    list,
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
      await outbox.storage.delete(id);
      outbox.notify();
    },
    subscribe(listener) {
      outbox.listeners.add(listener);
      return () => outbox.listeners.delete(listener);
    },
  };
}
