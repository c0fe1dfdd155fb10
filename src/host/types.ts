/** Where Chefsache runs. `standalone` is a plain browser tab (local demo or development). */
export type HostKind = 'teams' | 'outlook' | 'standalone';

/** The three themes Teams knows; Outlook and the browser map onto them. */
export type HostTheme = 'light' | 'dark' | 'contrast';

export type ThemeListener = (theme: HostTheme) => void;

export interface HostInfo {
  kind: HostKind;
  /** BCP 47 locale of the host UI (Teams/Outlook) or the browser, e.g. `de-DE`. */
  locale: string;
  /** The host's theme when detection finished. */
  theme: HostTheme;
  /** The team's SharePoint site, when the Teams context names one. */
  teamSiteUrl?: string;
  /** Teams: the `subEntityId` of the deep link that opened the tab (`page.subPageId`), e.g. a nudge's section. */
  subPageId?: string;
  /** Subscribes to theme changes of the host; returns the unsubscribe function. */
  onThemeChange(listener: ThemeListener): () => void;
}
