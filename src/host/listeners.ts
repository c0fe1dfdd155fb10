import type { HostTheme, ThemeListener } from './types';

/** A set of theme listeners; hosts that accept a single handler fan out through it. */
export function createThemeListeners() {
  const listeners = new Set<ThemeListener>();
  return {
    add(listener: ThemeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(theme: HostTheme): void {
      for (const listener of [...listeners]) listener(theme);
    },
  };
}
