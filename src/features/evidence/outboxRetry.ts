/**
 * Retries the outbox on start, whenever the browser comes back online, and every two minutes
 * (`intervalMs`) for as long as it runs. A round asks the local outbox first (no request) and
 * calls Graph only when something waits; captures that failed for good wait for the user.
 * Returns a function that stops it.
 */
import type { EvidenceStore, OutboxEntry } from './evidenceStore';

export const OUTBOX_RETRY_INTERVAL_MS = 120_000;

export interface OutboxRetryOptions {
  /** Where `online` events come from (window in the browser). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Time between rounds; default 2 minutes. */
  intervalMs?: number;
  /** After each round: what is in the outbox now, and how many waited before it (stored = before - waiting). */
  onResult?: (waiting: OutboxEntry[], before: number) => void;
  onError?: (error: unknown) => void;
}

export function startOutboxRetry(store: EvidenceStore, options: OutboxRetryOptions = {}): () => void {
  const target = options.target ?? (typeof window !== 'undefined' ? window : undefined);
  const intervalMs = options.intervalMs ?? OUTBOX_RETRY_INTERVAL_MS;
  let stopped = false;

  const run = async () => {
    if (stopped) return;
    try {
      const listed = await store.outbox.list();
      const before = listed.filter((entry) => !entry.failed).length;
      const waiting = before > 0 ? await store.outbox.flush() : listed;
      if (!stopped) options.onResult?.(waiting, before);
    } catch (error) {
      if (!stopped) options.onError?.(error);
    }
  };
  const onOnline = () => void run();
  target?.addEventListener('online', onOnline);
  const timer = setInterval(() => void run(), intervalMs);
  void run();
  return () => {
    stopped = true;
    clearInterval(timer);
    target?.removeEventListener('online', onOnline);
  };
}
