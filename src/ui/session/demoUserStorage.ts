const STORAGE_KEY = 'chefsache.demoUser';

/** The demo user picked in this browser tab (sessionStorage: each tab may sign in as someone else). */
export function readDemoUser(storage: Storage | undefined = globalThis.sessionStorage): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

export function rememberDemoUser(upn: string | null, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    if (upn) storage?.setItem(STORAGE_KEY, upn);
    else storage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the choice lasts until the page reloads.
  }
}
