import { createThemeListeners } from './listeners';
import { detectOutlook, type OfficeSdk } from './outlookHost';
import { detectTeams, type TeamsSdk } from './teamsHost';
import type { HostInfo } from './types';

/** Everything detection reads from the page, injectable for tests. */
export interface HostEnvironment {
  /** True when the page runs in a frame (Teams hosts tabs in an iframe). */
  isFramed: boolean;
  /** `window.Office` when Office.js is loaded on this page. */
  office?: OfficeSdk;
  loadTeams(): Promise<TeamsSdk>;
  browserLocale: string;
  /** The `prefers-color-scheme: dark` media query, when the browser has one. */
  darkScheme?: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;
  /** The `forced-colors: active` media query (Windows high-contrast themes). */
  forcedColors?: Pick<MediaQueryList, 'matches'>;
  /** How long a host may take to answer before we decide we are not inside it. */
  timeoutMs: number;
}

export function browserEnvironment(): HostEnvironment {
  // Office.js defines the global `Office` when the page loaded it (Outlook pages only).
  const office: OfficeSdk | undefined = typeof Office === 'undefined' ? undefined : Office;
  return {
    isFramed: window.parent !== window,
    ...(office ? { office } : {}),
    // Imported only when framed: teams-js fetches Microsoft's list of valid origins at import time.
    loadTeams: async (): Promise<TeamsSdk> => import('@microsoft/teams-js'),
    browserLocale: navigator.language || 'en-US',
    ...(typeof window.matchMedia === 'function'
      ? {
          darkScheme: window.matchMedia('(prefers-color-scheme: dark)'),
          forcedColors: window.matchMedia('(forced-colors: active)'),
        }
      : {}),
    timeoutMs: 3000,
  };
}

function standaloneHost(env: HostEnvironment): HostInfo {
  const listeners = createThemeListeners();
  const scheme = env.darkScheme;
  let subscribed = false;
  return {
    kind: 'standalone',
    locale: env.browserLocale,
    theme: env.forcedColors?.matches ? 'contrast' : scheme?.matches ? 'dark' : 'light',
    onThemeChange(listener) {
      if (scheme && !subscribed) {
        subscribed = true;
        scheme.addEventListener('change', (event) => listeners.emit(event.matches ? 'dark' : 'light'));
      }
      return listeners.add(listener);
    },
  };
}

/**
 * Outlook (Office.js present and reporting the Outlook host), then Teams (only when framed: a
 * top-level page can't be a Teams tab, and outside Teams `app.initialize()` may hang for 60 s),
 * otherwise standalone.
 */
export async function detectHost(env: HostEnvironment = browserEnvironment()): Promise<HostInfo> {
  if (env.office) {
    const outlook = await detectOutlook(env.office, env.timeoutMs, env.browserLocale);
    if (outlook) return outlook;
  }
  if (env.isFramed) {
    const teams = await detectTeams(env.loadTeams, env.timeoutMs);
    if (teams) return teams;
  }
  return standaloneHost(env);
}
