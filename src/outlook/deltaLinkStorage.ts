/**
 * The sweep's memory in localStorage, per mailbox: its delta link (a lost link only means one full
 * sweep) and when it last ran (the automatic sweep runs at most every 15 minutes).
 */
import type { DeltaLinkStorage } from '../features/outlook/sweep';

/** The automatic sweep (task pane opened, CEO opens the tab) runs at most this often per mailbox. */
export const AUTO_SWEEP_INTERVAL_MS = 15 * 60 * 1000;

const store = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function localDeltaLinkStorage(mailbox: string): DeltaLinkStorage {
  const key = `chefsache.sweep.deltaLink.${mailbox.toLowerCase()}`;
  const storage = store();
  return {
    load: () => storage?.getItem(key) ?? undefined,
    save: (link) => storage?.setItem(key, link),
    clear: () => storage?.removeItem(key),
  };
}

export interface SweepSchedule {
  /** True when the last sweep of this mailbox started 15 minutes ago or earlier (or never). */
  due(now: Date): boolean;
  /** Remembers that a sweep starts now. */
  started(now: Date): void;
}

export function localSweepSchedule(mailbox: string): SweepSchedule {
  const key = `chefsache.sweep.lastRun.${mailbox.toLowerCase()}`;
  const storage = store();
  return {
    due: (now) => {
      const last = Date.parse(storage?.getItem(key) ?? '');
      return Number.isNaN(last) || now.getTime() - last >= AUTO_SWEEP_INTERVAL_MS;
    },
    started: (now) => storage?.setItem(key, now.toISOString()),
  };
}
