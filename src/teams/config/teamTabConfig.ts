/**
 * The team tab's configuration page (the manifest's `configurationUrl`): when a team adds
 * Chefsache, Teams shows this page; it tells Teams which page the tab shows (the evidence panel)
 * and enables "Save".
 */
export const PANEL_VIEW = 'evidence';
export const TEAM_TAB_ENTITY_ID = 'chefsache-evidence';

/** The part of `@microsoft/teams-js` the page uses (faked in tests). */
export interface TeamsConfigSdk {
  app: { initialize(): Promise<void>; notifySuccess(): Promise<unknown> | void };
  pages: {
    config: {
      registerOnSaveHandler(handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void): void;
      setConfig(config: { contentUrl: string; websiteUrl: string; entityId: string; suggestedDisplayName: string }): Promise<void>;
      setValidityState(valid: boolean): void;
    };
  };
}

export function panelContentUrl(origin: string): string {
  return `${origin}/teams/?view=${PANEL_VIEW}`;
}

/** Registers the save handler and enables "Save". Resolves once Teams knows the page is ready. */
export async function configureTeamTab(sdk: TeamsConfigSdk, origin: string, displayName: string): Promise<void> {
  await sdk.app.initialize();
  sdk.pages.config.registerOnSaveHandler((event) => {
    const contentUrl = panelContentUrl(origin);
    sdk.pages.config
      .setConfig({ contentUrl, websiteUrl: contentUrl, entityId: TEAM_TAB_ENTITY_ID, suggestedDisplayName: displayName })
      .then(
        () => event.notifySuccess(),
        (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  sdk.pages.config.setValidityState(true);
  await sdk.app.notifySuccess();
}
