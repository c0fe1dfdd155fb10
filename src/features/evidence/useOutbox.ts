/**
 * React hook for the evidence outbox where people work (Teams tab, Outlook task pane): runs the
 * automatic retry (startOutboxRetry: on start, on `online`, every two minutes), follows changes
 * (a capture queued, a retry done) and offers "retry now", "try this one again" and "discard".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceStore, OutboxEntry } from './evidenceStore';
import { startOutboxRetry } from './outboxRetry';

export interface OutboxState {
  entries: OutboxEntry[];
  /** The last retry's error (the local outbox could not be read); cleared by the next success. */
  error: unknown;
  /** Retries everything that waits, now. */
  retryAll(): Promise<void>;
  /** Tries one entry again (also one that failed for good). */
  retry(id: string): Promise<void>;
  /** Removes one entry: only ever on the user's word. */
  discard(id: string): Promise<void>;
}

export function useOutbox(store: EvidenceStore, options: { intervalMs?: number } = {}): OutboxState {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const current = useRef(store);
  current.current = store;
  const { intervalMs } = options;

  const reload = useCallback(async () => {
    const listed = await store.outbox.list();
    if (current.current === store) setEntries(listed);
  }, [store]);

  useEffect(() => {
    setEntries([]);
    setError(undefined);
    const unsubscribe = store.outbox.subscribe?.(() => void reload().catch(setError));
    const stop = startOutboxRetry(store, {
      ...(intervalMs ? { intervalMs } : {}),
      onResult: (waiting) => {
        if (current.current !== store) return;
        setEntries(waiting);
        setError(undefined);
      },
      onError: (caught) => {
        if (current.current === store) setError(caught);
      },
    });
    return () => {
      stop();
      unsubscribe?.();
    };
  }, [store, reload, intervalMs]);

  const act = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        setError(undefined);
      } catch (caught) {
        if (current.current === store) setError(caught);
      }
      await reload().catch(setError);
    },
    [store, reload],
  );

  return {
    entries,
    error,
    retryAll: () => act(() => store.outbox.flush()),
    retry: (id) => act(() => store.outbox.retry(id)),
    discard: (id) => act(() => store.outbox.discard(id)),
  };
}
