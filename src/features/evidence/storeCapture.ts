/** Capture: validates every input once, dedupes by source key, writes ahead to the outbox, stores in `$batch` chunks. */
import type { PersonRef } from '../../domain';
import { GraphNotFoundError, type EvidenceLocation } from '../../graph';
import { validateAll } from './captureItem';
import { runCaptures, type CaptureOutcome, type CaptureRunnerContext, type PreparedCapture } from './captureRunner';
import { BATCH_CHUNK, inChunks } from './chunks';
import type { CaptureInput, CaptureResult, ProgressListener } from './evidenceStore';
import { isTransientFailure } from './failures';
import type { OutboxRecord } from './outboxStorage';
import { inParallel, type StoreContext } from './storeContext';
import type { StoreLocator } from './storeLocation';
import type { StoreOutbox } from './storeOutbox';
import type { StoreReads } from './storeReads';

export type ItemOutcome = { ok: true; result: CaptureResult } | { ok: false; sourceKey: string; error: unknown };

export interface StoreCapture {
  /** Validates every input before anything is written; in a bulk capture, issues name the input. */
  prepare(inputs: readonly CaptureInput[]): Promise<PreparedCapture[]>;
  /**
   * Stores captures. A capture whose source already waits in the outbox is not queued again: the
   * waiting capture (its capture id, time and content) is tried again now. `fromOutbox` (the
   * retry) names the outbox records being tried; whatever is stored leaves the outbox.
   */
  store(
    requested: readonly PreparedCapture[],
    onProgress?: ProgressListener,
    fromOutbox?: ReadonlyMap<string, OutboxRecord>,
    onUploadProgress?: ProgressListener,
  ): Promise<ItemOutcome[]>;
}

export interface CaptureParts {
  locator: StoreLocator;
  reads: Pick<StoreReads, 'knownByKey' | 'remember'>;
  outbox: StoreOutbox;
  capturedBy: () => Promise<PersonRef>;
  newId: () => string;
}

export function createStoreCapture(ctx: StoreContext, { locator, reads, outbox, capturedBy, newId }: CaptureParts): StoreCapture {
  const storage = outbox.storage;

  async function store(
    requested: readonly PreparedCapture[],
    onProgress?: ProgressListener,
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
    const waiting = fromOutbox ? [] : await outbox.waiting();
    const map = await reads.knownByKey();
    const firstByKey = new Map<string, number>();
    const pending: number[] = [];
    for (const [index, capture] of captures.entries()) {
      const key = capture.input.sourceKey;
      const knownItem = map.get(key);
      const queued = waiting.find((r) => r.entry.sourceKey === key);
      if (queued && !records.has(queued.writeId)) {
        captures[index] = outbox.fromRecord(queued);
        records.set(queued.writeId, queued);
      }
      if (knownItem) {
        outcomes[index] = { ok: true, result: { status: 'existing', item: knownItem } };
        const record = records.get(captures[index]!.writeId);
        if (record) await storage.delete(record.entry.id);
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
      if (records.has(capture.writeId)) continue;
      const record = outbox.newRecord(capture);
      try {
        await storage.put(record);
      } catch {
        continue; // No local storage right now: the capture still runs, it just cannot wait.
      }
      records.set(capture.writeId, record);
      ahead.add(capture.writeId);
      outbox.inFlight.add(capture.writeId);
    }
    try {
      await sendPending();
    } finally {
      for (const id of ahead) outbox.inFlight.delete(id);
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
    if (records.size > 0 || outcomes.some((o) => o.ok && o.result.status === 'queued')) outbox.notify();
    return outcomes;

    async function settle(index: number, outcome: CaptureOutcome) {
      const capture = captures[index]!;
      const record = records.get(capture.writeId);
      if (outcome.status === 'created' || outcome.status === 'existing') {
        if (record) await storage.delete(record.entry.id);
        outcomes[index] = { ok: true, result: { status: outcome.status, item: outcome.item } };
      } else if (outcome.status === 'retry') {
        const entry = await outbox.enqueue(capture, outcome.error, record);
        outcomes[index] = { ok: true, result: { status: 'queued', outboxId: entry.id, sourceKey: capture.input.sourceKey } };
      } else {
        // A new capture's error goes to the caller; a waiting one that now fails for good stays
        // until the user tries again or discards it.
        if (record && ahead.has(capture.writeId)) await storage.delete(record.entry.id);
        else if (record) await outbox.enqueue(capture, outcome.error, record, true);
        outcomes[index] = { ok: false, sourceKey: capture.input.sourceKey, error: outcome.error };
      }
    }

    async function sendPending() {
      let loc: EvidenceLocation | undefined;
      if (pending.length > 0) {
        try {
          loc = await locator.location();
        } catch (error) {
          if (!isTransientFailure(error)) {
            for (const id of ahead) await storage.delete(records.get(id)!.entry.id);
            throw error;
          }
          for (const index of pending) await settle(index, { status: 'retry', error });
          report(pending.length);
        }
      }
      if (!loc) return;
      let context: CaptureRunnerContext = {
        gateway: ctx.gateway,
        location: loc,
        settings: ctx.settings,
        onUploadProgress: onUploadProgress && ((p) => onUploadProgress({ done: p.sentBytes, total: p.totalBytes })),
      };
      let relocation: Promise<void> | undefined;
      /** A 404 in the cached list or library: check once that it is still there (else the store is lost), then try again. */
      const relocateOnce = (stale: EvidenceLocation) =>
        (relocation ??= (async () => {
          if (context.location === stale) context = { ...context, location: await locator.relocate() };
        })());
      const run = async (chunk: readonly number[]): Promise<CaptureOutcome[]> => {
        const used = context.location;
        const results = await runCaptures(context, chunk.map((i) => captures[i]!));
        if (!results.some((r) => r.status === 'failed' && r.error instanceof GraphNotFoundError)) return results;
        await relocateOnce(used);
        return runCaptures(context, chunk.map((i) => captures[i]!));
      };
      const chunks = inChunks(pending, BATCH_CHUNK);
      await inParallel(chunks.length, ctx.concurrency, async (n) => {
        const chunk = chunks[n]!;
        const results = await run(chunk);
        await reads.remember(results.flatMap((r) => (r.status === 'created' || r.status === 'existing' ? [r.item] : [])));
        for (const [position, result] of results.entries()) await settle(chunk[position]!, result);
        report(chunk.length);
      });
    }
  }

  return {
    async prepare(inputs) {
      const now = ctx.clock();
      const who = await capturedBy();
      validateAll(inputs, { now, capturedBy: who });
      return inputs.map((input) => ({ input, writeId: newId(), capturedAt: now, capturedBy: who }));
    },
    store,
  };
}
