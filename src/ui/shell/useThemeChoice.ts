import { useCallback, useEffect, useState } from 'react';
import type { HostInfo, HostTheme } from '../../host';

const STORAGE_KEY = 'chefsache.theme';

function storedChoice(storage: Storage | undefined): HostTheme | null {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked (e.g. third-party iframe): fall back to the host's theme
  }
}

/**
 * The theme to render. Teams and Outlook decide it (and its changes); in standalone mode the
 * user's switch wins over `prefers-color-scheme` and is remembered in localStorage.
 */
export function useThemeChoice(host: HostInfo, storage: Storage | undefined = globalThis.localStorage) {
  const canChoose = host.kind === 'standalone';
  const [theme, setTheme] = useState<HostTheme>(() => (canChoose && storedChoice(storage)) || host.theme);

  useEffect(
    () =>
      host.onThemeChange((next) => {
        if (!canChoose || !storedChoice(storage)) setTheme(next);
      }),
    [host, canChoose, storage],
  );

  const choose = useCallback(
    (next: 'light' | 'dark') => {
      setTheme(next);
      try {
        storage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered: the choice still applies to this page.
      }
    },
    [storage],
  );

  return { theme, canChoose, choose };
}
