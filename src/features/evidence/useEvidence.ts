/**
 * React hook for the evidence store: syncs on mount (list-item delta: one request when nothing
 * changed), exposes items, progress of a long first sync, what waits in the outbox, and errors.
 * Starts the outbox retry (now, on `online`, periodically while something waits).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceStore, OutboxEntry, Progress, StoredEvidence } from './evidenceStore';
import { startOutboxRetry } from './outboxRetry';

export interface EvidenceState {
  /** Every item of the list, once synced; undefined before the first sync finished. */
  items: StoredEvidence[] | undefined;
  /** True while a sync runs. */
  syncing: boolean;
  /** Progress of the running sync (first sync of a large list). */
  progress: Progress | undefined;
  /** Captures waiting to be stored (outbox). */
  outbox: OutboxEntry[];
  /** The last sync's or retry's error; cleared by the next success. */
  error: unknown;
  /** Syncs again (after a capture or review, or on the user's request). */
  refresh(): Promise<void>;
  /** Retries the outbox now. */
  retryOutbox(): Promise<void>;
}

export function useEvidence(services: { evidence: EvidenceStore } | undefined): EvidenceState {
  const store = services?.evidence;
  const [items, setItems] = useState<StoredEvidence[] | undefined>(undefined);
  const [syncing, setSyncing] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const current = useRef(store);
  current.current = store;

  const refresh = useCallback(async () => {
    if (!store) return;
    setSyncing(true);
    try {
      const synced = await store.sync((p) => {
        if (current.current === store) setProgress(p);
      });
      if (current.current !== store) return;
      setItems(synced);
      setError(undefined);
    } catch (caught) {
      if (current.current === store) setError(caught);
    } finally {
      if (current.current === store) {
        setSyncing(false);
        setProgress(undefined);
      }
    }
  }, [store]);

  const retryOutbox = useCallback(async () => {
    if (!store) return;
    try {
      const waiting = await store.outbox.flush();
      if (current.current !== store) return;
      setOutbox(waiting);
      await refresh();
    } catch (caught) {
      if (current.current === store) setError(caught);
    }
  }, [store, refresh]);

  useEffect(() => {
    if (!store) return;
    setItems(undefined);
    setOutbox([]);
    setError(undefined);
    void refresh();
    const reload = () => {
      void store.outbox.list().then((waiting) => {
        if (current.current === store) setOutbox(waiting);
      });
    };
    const unsubscribe = store.outbox.subscribe?.(reload);
    const stop = startOutboxRetry(store, {
      onResult: (waiting, before) => {
        if (current.current !== store) return;
        setOutbox(waiting);
        if (waiting.length < before) void refresh();
      },
      onError: (caught) => {
        if (current.current === store) setError(caught);
      },
    });
    return () => {
      stop();
      unsubscribe?.();
    };
  }, [store, refresh]);

  return { items, syncing, progress, outbox, error, refresh, retryOutbox };
}
