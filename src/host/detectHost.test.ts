import { detectHost, type HostEnvironment } from './detectHost';
import type { OfficeSdk } from './outlookHost';
import type { TeamsSdk } from './teamsHost';

function fakeTeams(overrides: Partial<TeamsSdk['app']> = {}) {
  let themeHandler: ((theme: string) => void) | undefined;
  const sdk: TeamsSdk = {
    app: {
      initialize: jest.fn(async () => undefined),
      getContext: jest.fn(async () => ({
        app: { locale: 'de-DE', theme: 'dark' },
        sharePointSite: { teamSiteUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS' },
      })),
      registerOnThemeChangeHandler: jest.fn((handler: (theme: string) => void) => {
        themeHandler = handler;
      }),
      notifySuccess: jest.fn(),
      ...overrides,
    },
  };
  return { sdk, changeTheme: (theme: string) => themeHandler?.(theme) };
}

function environment(overrides: Partial<HostEnvironment> = {}): HostEnvironment {
  return {
    isFramed: false,
    loadTeams: async () => fakeTeams().sdk,
    browserLocale: 'en-US',
    timeoutMs: 50,
    ...overrides,
  };
}

describe('detectHost', () => {
  it('is standalone in a top-level page without asking Teams', async () => {
    const loadTeams = jest.fn(async () => fakeTeams().sdk);
    const host = await detectHost(environment({ loadTeams, browserLocale: 'de-DE' }));
    expect(host).toMatchObject({ kind: 'standalone', locale: 'de-DE', theme: 'light' });
    expect(loadTeams).not.toHaveBeenCalled();
  });

  it('uses prefers-color-scheme in standalone mode and follows its changes', async () => {
    let onChange: ((event: { matches: boolean }) => void) | undefined;
    const darkScheme = {
      matches: true,
      addEventListener: jest.fn((_type: string, listener: (event: { matches: boolean }) => void) => {
        onChange = listener;
      }),
      removeEventListener: jest.fn(),
    } as unknown as HostEnvironment['darkScheme'];
    const host = await detectHost(environment({ ...(darkScheme ? { darkScheme } : {}) }));
    expect(host.theme).toBe('dark');
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    onChange?.({ matches: false });
    expect(seen).toEqual(['light']);
  });

  it('uses the high-contrast theme when the system forces colours', async () => {
    const host = await detectHost(environment({ forcedColors: { matches: true } }));
    expect(host.theme).toBe('contrast');
  });

  it('reads locale, theme and team site from the Teams context and follows theme changes', async () => {
    const teams = fakeTeams();
    const host = await detectHost(environment({ isFramed: true, loadTeams: async () => teams.sdk }));
    expect(host).toMatchObject({
      kind: 'teams',
      locale: 'de-DE',
      theme: 'dark',
      teamSiteUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS',
    });
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    teams.changeTheme('contrast');
    teams.changeTheme('default');
    expect(seen).toEqual(['contrast', 'light']);
    expect(teams.sdk.app.notifySuccess).toHaveBeenCalled();
  });

  it('falls back to standalone when Teams never answers in a foreign frame', async () => {
    const teams = fakeTeams({ initialize: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    const host = await detectHost(environment({ isFramed: true, loadTeams: async () => teams.sdk, timeoutMs: 30 }));
    expect(host.kind).toBe('standalone');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('falls back to standalone when Teams rejects', async () => {
    const teams = fakeTeams({ initialize: async () => Promise.reject(new Error('No Parent window found')) });
    const host = await detectHost(environment({ isFramed: true, loadTeams: async () => teams.sdk }));
    expect(host.kind).toBe('standalone');
  });

  it('recognises Outlook with its display language and a dark Office theme', async () => {
    const office: OfficeSdk = {
      onReady: async () => ({ host: 'Outlook' }),
      context: { displayLanguage: 'de-AT', officeTheme: { bodyBackgroundColor: '#1f1f1f' } },
    };
    const host = await detectHost(environment({ office, isFramed: true }));
    expect(host).toMatchObject({ kind: 'outlook', locale: 'de-AT', theme: 'dark' });
  });

  it('treats Office.js in a plain page (host null) as standalone', async () => {
    const office: OfficeSdk = { onReady: async () => ({ host: null }) };
    const host = await detectHost(environment({ office }));
    expect(host.kind).toBe('standalone');
  });
});
