import { createThemeListeners } from './listeners';
import type { HostInfo, HostTheme } from './types';
import { withTimeout } from './withTimeout';

/** The part of `@microsoft/teams-js` the host detection uses (faked in tests). */
export interface TeamsSdk {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      app: { locale: string; theme: string };
      sharePointSite?: { teamSiteUrl?: string };
      page?: { subPageId?: string };
    }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    notifySuccess(): Promise<unknown> | void;
  };
}

export function teamsTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Connects to Teams. Resolves `null` when the page is not inside Teams: `app.initialize()` rejects,
 * or hangs (a non-Teams iframe), which the timeout cuts short.
 */
export async function detectTeams(loadSdk: () => Promise<TeamsSdk>, timeoutMs: number): Promise<HostInfo | null> {
  let sdk: TeamsSdk;
  try {
    sdk = await loadSdk();
    await withTimeout(sdk.app.initialize(), timeoutMs, 'Microsoft Teams');
  } catch {
    return null;
  }
  const context = await sdk.app.getContext();
  const listeners = createThemeListeners();
  sdk.app.registerOnThemeChangeHandler((theme) => listeners.emit(teamsTheme(theme)));
  await sdk.app.notifySuccess();
  const teamSiteUrl = context.sharePointSite?.teamSiteUrl;
  const subPageId = context.page?.subPageId;
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: teamsTheme(context.app.theme),
    ...(teamSiteUrl ? { teamSiteUrl } : {}),
    ...(subPageId ? { subPageId } : {}),
    onThemeChange: listeners.add,
  };
}
