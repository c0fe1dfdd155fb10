import { FluentProvider, Spinner, teamsLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../config';
import { detectHost, type HostInfo } from '../host';
import { I18nProvider, languageForLocale, createTranslator, type TranslationKey } from '../i18n';
import { ErrorPanel } from './feedback/ErrorPanel';
import type { CreateServices, ShellSession } from './session/session';
import { AppShell } from './shell/AppShell';

export type PageComponent = (props: { session: ShellSession; host: HostInfo; config: AppConfig }) => ReactNode;

interface BootProps {
  page: PageComponent;
  titleKey: TranslationKey;
  createServices: CreateServices;
  /** Injected by tests; the browser's otherwise. */
  detect?: () => Promise<HostInfo>;
  readConfig?: () => AppConfig;
}

type BootState = { status: 'detecting' } | { status: 'ready'; host: HostInfo; config: AppConfig } | { status: 'failed'; error: unknown };

/** Detects the host and reads the configuration, then renders the page inside the shell. */
export function Boot({ page: Page, titleKey, createServices, detect = detectHost, readConfig = loadConfig }: BootProps) {
  const [state, setState] = useState<BootState>({ status: 'detecting' });

  useEffect(() => {
    let current = true;
    (async () => {
      const config = readConfig();
      const host = await detect();
      if (current) setState({ status: 'ready', host, config });
    })().catch((error: unknown) => current && setState({ status: 'failed', error }));
    return () => {
      current = false;
    };
  }, [detect, readConfig]);

  if (state.status === 'ready') {
    return (
      <AppShell host={state.host} config={state.config} createServices={createServices} titleKey={titleKey}>
        {(session) => <Page session={session} host={state.host} config={state.config} />}
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

/** Mounts a page into `#root`. */
export function startPage(page: PageComponent, options: { titleKey: TranslationKey; createServices: CreateServices }): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Chefsache: the page has no element with id "root".');
  createRoot(container).render(
    <StrictMode>
      <Boot page={page} titleKey={options.titleKey} createServices={options.createServices} />
    </StrictMode>,
  );
}
