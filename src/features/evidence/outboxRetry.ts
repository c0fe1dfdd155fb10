/**
 * Retries the outbox on start, whenever the browser comes back online, and every few minutes
 * while something is waiting. Returns a function that stops it.
 */
import type { EvidenceStore, OutboxEntry } from './evidenceStore';

export interface OutboxRetryOptions {
  /** Where `online` events come from (window in the browser). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Retry interval while entries wait; default 2 minutes. */
  intervalMs?: number;
  /** After each retry: what still waits, and how many waited before it (stored = before - waiting). */
  onResult?: (waiting: OutboxEntry[], before: number) => void;
  onError?: (error: unknown) => void;
}

export function startOutboxRetry(store: EvidenceStore, options: OutboxRetryOptions = {}): () => void {
  const target = options.target ?? (typeof window !== 'undefined' ? window : undefined);
  const intervalMs = options.intervalMs ?? 120_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    try {
      const before = (await store.outbox.list()).length;
      const waiting = before > 0 ? await store.outbox.flush() : [];
      if (stopped) return;
      options.onResult?.(waiting, before);
      if (waiting.length > 0) timer = setTimeout(() => void run(), intervalMs);
    } catch (error) {
      if (!stopped) options.onError?.(error);
    }
  };
  const onOnline = () => void run();
  target?.addEventListener('online', onOnline);
  void run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    target?.removeEventListener('online', onOnline);
  };
}
