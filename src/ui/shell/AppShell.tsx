import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppConfig } from '../../config';
import type { HostInfo } from '../../host';
import { I18nProvider, useI18n, type TranslationKey } from '../../i18n';
import { DemoUserPicker } from '../session/DemoUserPicker';
import { readDemoUser, rememberDemoUser } from '../session/demoUserStorage';
import { openSession, type CreateServices, type ShellSession } from '../session/session';
import { AppHeader } from './AppHeader';
import { DemoMarker } from './DemoMarker';
import { fluentTheme } from './theme';
import { ThemeSwitch } from './ThemeSwitch';
import { useThemeChoice } from './useThemeChoice';

const useStyles = makeStyles({
  // Layout lives on an inner element: the provider's own className is copied onto portal mount
  // nodes (dropdown lists), where a full-height box would cover the page.
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  marker: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

export interface AppShellProps {
  host: HostInfo;
  config: AppConfig;
  createServices: CreateServices;
  /** Page title key (document title and the main landmark's name). */
  titleKey: TranslationKey;
  children(session: ShellSession): ReactNode;
  fetchFn?: typeof fetch;
}

/** Theme + language from the host, the demo marker and user picker in emulator mode, and `<main>`. */
export function AppShell(props: AppShellProps) {
  const { host } = props;
  const { theme, canChoose, choose } = useThemeChoice(host);
  const styles = useStyles();
  return (
    <I18nProvider locale={host.locale}>
      <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
        <div className={styles.page}>
          <ShellContent {...props} themeControl={canChoose ? { dark: theme === 'dark', choose } : null} />
        </div>
      </FluentProvider>
    </I18nProvider>
  );
}

function ShellContent({
  host,
  config,
  createServices,
  titleKey,
  children,
  fetchFn,
  themeControl,
}: AppShellProps & { themeControl: { dark: boolean; choose(theme: 'light' | 'dark'): void } | null }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const emulatorUrl = config.auth === 'emulator' ? config.emulatorUrl : undefined;
  const [demoUserUpn, setDemoUserUpn] = useState<string | null>(() => (emulatorUrl ? readDemoUser() : null));
  const session = useMemo(
    () => openSession(createServices, { config, host, demoUserUpn }),
    [createServices, config, host, demoUserUpn],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t(titleKey)} – ${t('app.name')}`;
  }, [language, t, titleKey]);

  const pickDemoUser = (upn: string) => {
    rememberDemoUser(upn);
    setDemoUserUpn(upn);
  };

  return (
    <>
      <AppHeader>
        {emulatorUrl && (
          <DemoUserPicker
            emulatorUrl={emulatorUrl}
            selectedUpn={demoUserUpn}
            onSelect={pickDemoUser}
            {...(fetchFn ? { fetchFn } : {})}
          />
        )}
        {themeControl && (
          <ThemeSwitch dark={themeControl.dark} onChange={(dark) => themeControl.choose(dark ? 'dark' : 'light')} />
        )}
      </AppHeader>
      {emulatorUrl && (
        <div className={styles.marker}>
          <DemoMarker emulatorUrl={emulatorUrl} />
        </div>
      )}
      <main className={styles.main} aria-label={t(titleKey)}>
        {children(session)}
      </main>
    </>
  );
}
