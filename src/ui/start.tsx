import { FluentProvider, Spinner, teamsLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../config';
import { detectHost, type HostInfo } from '../host';
import { I18nProvider, languageForLocale, createTranslator, type TranslationKey } from '../i18n';
import { ErrorPanel } from './feedback/ErrorPanel';
import type { CreateServices, ShellSession } from './session/session';
import type { AppShell as AppShellComponent } from './shell/AppShell';

export type PageComponent = (props: { session: ShellSession; host: HostInfo; config: AppConfig }) => ReactNode;

/** What a page loads after its first paint: the page itself and the services it signs in with. */
export interface PageModule {
  page: PageComponent;
  createServices: CreateServices;
}

interface BootProps {
  /** A dynamic `import()` of the page and its services: the first paint (a spinner) does not wait for them. */
  load: () => Promise<PageModule>;
  titleKey: TranslationKey;
  /** Injected by tests; the browser's otherwise. */
  detect?: () => Promise<HostInfo>;
  readConfig?: () => AppConfig;
}

type BootState =
  | { status: 'detecting' }
  | { status: 'ready'; host: HostInfo; config: AppConfig; page: PageModule; AppShell: typeof AppShellComponent }
  | { status: 'failed'; error: unknown };

/**
 * Paints a spinner at once, then detects the host, reads the configuration and loads the page and
 * the shell (in parallel), and renders the page inside the shell.
 */
export function Boot({ load, titleKey, detect = detectHost, readConfig = loadConfig }: BootProps) {
  const [state, setState] = useState<BootState>({ status: 'detecting' });

  useEffect(() => {
    let current = true;
    (async () => {
      const config = readConfig();
      const [host, page, { AppShell }] = await Promise.all([detect(), load(), import('./shell/AppShell')]);
      if (current) setState({ status: 'ready', host, config, page, AppShell });
    })().catch((error: unknown) => current && setState({ status: 'failed', error }));
    return () => {
      current = false;
    };
  }, [detect, readConfig, load]);

  if (state.status === 'ready') {
    const { AppShell, page: { page: Page, createServices }, host, config } = state;
    return (
      <AppShell host={host} config={config} createServices={createServices} titleKey={titleKey}>
        {(session) => <Page session={session} host={host} config={config} />}
      </AppShell>
    );
  }
  const locale = typeof navigator === 'undefined' ? 'en-US' : navigator.language;
  return (
    <I18nProvider locale={locale}>
      <FluentProvider theme={teamsLightTheme}>
        <main style={{ padding: 16 }}>
          {state.status === 'failed' ? (
            <ErrorPanel error={state.error} />
          ) : (
            <Spinner label={createTranslator(languageForLocale(locale))('app.loading')} />
          )}
        </main>
      </FluentProvider>
    </I18nProvider>
  );
}

/** Mounts a page into `#root`; `load` imports the page and its services after the first paint. */
export function startPage(options: { titleKey: TranslationKey; load: () => Promise<PageModule> }): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Chefsache: the page has no element with id "root".');
  createRoot(container).render(
    <StrictMode>
      <Boot load={options.load} titleKey={options.titleKey} />
    </StrictMode>,
  );
}
