/** The sweep's delta link in localStorage, per mailbox (a lost link only means one full sweep). */
import type { DeltaLinkStorage } from '../features/outlook/sweep';

export function localDeltaLinkStorage(mailbox: string): DeltaLinkStorage {
  const key = `chefsache.sweep.deltaLink.${mailbox.toLowerCase()}`;
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  return {
    load: () => storage?.getItem(key) ?? undefined,
    save: (link) => storage?.setItem(key, link),
    clear: () => storage?.removeItem(key),
  };
}
