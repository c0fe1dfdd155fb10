/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SignInNotConfiguredError } from '../../auth/signInErrors';
import { TabPage } from '../../teams/TabPage';
import { TaskPanePage } from '../../outlook/TaskPanePage';
import type { AppServices, CreateServices, SessionRequest } from '../session/session';
import { Boot } from '../start';
import { demoUsersFetch, emulatorConfig, katrin, musterGmbh, offlineGraph, standaloneHost } from '../testSupport';
import { AppShell } from './AppShell';
import { PEOPLE, tenantGraph, testSharePoint } from '../../features/panel/testing';
import { createMemoryEvidenceStore } from '../../features/evidence/testing/memoryEvidenceStore';

function services(overrides: Partial<AppServices> = {}): AppServices {
  const evidence = createMemoryEvidenceStore({ capturedBy: { upn: katrin.userPrincipalName, displayName: katrin.displayName } });
  return { graph: offlineGraph(), evidence, me: async () => katrin, organization: async () => musterGmbh, sharePoint: testSharePoint(), ...overrides };
}

function renderTab(options: { locale?: string; createServices?: CreateServices; teamSiteUrl?: string } = {}) {
  const host = standaloneHost({ locale: options.locale ?? 'de-DE', ...(options.teamSiteUrl ? { teamSiteUrl: options.teamSiteUrl } : {}) });
  const createServices = options.createServices ?? (() => services());
  return render(
    <AppShell host={host} config={emulatorConfig} createServices={createServices} titleKey="pages.tab" fetchFn={demoUsersFetch()}>
      {(session) => <TabPage session={session} host={host} config={emulatorConfig} />}
    </AppShell>,
  );
}

async function pickUser(name: RegExp) {
  fireEvent.click(await screen.findByRole('combobox', { name: 'Demo-Benutzer' }));
  fireEvent.click(await screen.findByRole('option', { name }));
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('AppShell in standalone emulator mode', () => {
  it('marks the demo company and asks for a demo user first', async () => {
    const createServices = jest.fn(() => services());
    renderTab({ createServices });
    expect(screen.getByText('Lokale Demo-Firma (Emulator)')).toBeTruthy();
    expect(screen.getByText('Wählen Sie oben einen Demo-Benutzer, um sich anzumelden.')).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: 'Demo-Benutzer' })).toBeTruthy();
    expect(createServices).not.toHaveBeenCalled();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Übersicht' })).toBeTruthy();
  });

  it('signs in as the picked user, shows her profile, the company, the dashboard and an empty evidence list', async () => {
    const requests: SessionRequest[] = [];
    renderTab({
      createServices: (request) => {
        requests.push(request);
        return services({ graph: tenantGraph(PEOPLE.katrin) });
      },
    });
    await pickUser(/Katrin Berger/);
    expect(await screen.findByText('Muster GmbH')).toBeTruthy();
    expect(screen.getAllByText('Katrin Berger').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Geschäftsführerin').length).toBeGreaterThan(0);
    // The readiness dashboard is the first section; the evidence list is one tab away.
    expect(await screen.findByText('Noch nicht auditbereit')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Nachweise prüfen' }));
    // The section's code loads on first click (React.lazy): on a busy machine that takes more than 1 s.
    expect(await screen.findByRole('columnheader', { name: 'Titel' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Prüfstatus' })).toBeTruthy();
    expect(screen.getByText('Noch keine Nachweise')).toBeTruthy();
    expect(requests.at(-1)?.demoUserUpn).toBe('katrin.berger@mustergmbh.onmicrosoft.com');
    expect(sessionStorage.getItem('chefsache.demoUser')).toBe('katrin.berger@mustergmbh.onmicrosoft.com');
  }, 30_000);

  it('in a team whose site is not the evidence site: explains where Chefsache belongs and sets nothing up there', async () => {
    const evidence = createMemoryEvidenceStore({ capturedBy: { upn: katrin.userPrincipalName, displayName: katrin.displayName } });
    const provision = jest.spyOn(evidence, 'provision');
    renderTab({ teamSiteUrl: 'https://mustergmbh.sharepoint.com/sites/Vertrieb', createServices: () => services({ graph: tenantGraph(PEOPLE.katrin), evidence }) });
    await pickUser(/Katrin Berger/);
    expect(await screen.findByText('Chefsache gehört zu einem anderen Team')).toBeTruthy();
    expect(screen.getByText(/Fügen Sie den Chefsache-Tab dem Team hinzu, dessen Website https:\/\/mustergmbh\.sharepoint\.com\/sites\/ISMS ist/)).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(provision).not.toHaveBeenCalled();
  });

  it('remembers the demo user for the browser tab', async () => {
    sessionStorage.setItem('chefsache.demoUser', 'katrin.berger@mustergmbh.onmicrosoft.com');
    renderTab();
    expect(await screen.findByText('Muster GmbH')).toBeTruthy();
  });

  it('shows a Graph error with its request-id and recovers on retry', async () => {
    sessionStorage.setItem('chefsache.demoUser', 'katrin.berger@mustergmbh.onmicrosoft.com');
    let fail = true;
    const me = jest.fn(async () => {
      if (fail) throw Object.assign(new Error('The service is unavailable.'), { requestId: 'req-42', code: 'serviceNotAvailable', kind: 'server' });
      return katrin;
    });
    renderTab({ createServices: () => services({ me }) });
    expect(await screen.findByText('The service is unavailable.')).toBeTruthy();
    expect(screen.getByText('Anfrage-ID: req-42')).toBeTruthy();
    expect(screen.getByText('Fehlercode: serviceNotAvailable')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByText('Muster GmbH')).toBeTruthy();
    expect(me).toHaveBeenCalledTimes(2);
  });

  it('shows a bilingual sign-in error in the user language', async () => {
    sessionStorage.setItem('chefsache.demoUser', 'katrin.berger@mustergmbh.onmicrosoft.com');
    renderTab({
      locale: 'en-US',
      createServices: () => {
        throw new SignInNotConfiguredError('CHEFSACHE_CLIENT_ID is empty');
      },
    });
    expect(await screen.findByText('Sign-in is not set up: this build of Chefsache has no Entra app registration. Contact your IT team.')).toBeTruthy();
  });

  it('speaks English for an English locale', async () => {
    renderTab({ locale: 'en-US' });
    expect(screen.getByText('Local demo company (emulator)')).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: 'Demo user' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches to the dark theme and remembers it', async () => {
    const { container } = renderTab();
    const provider = () => container.querySelector('[data-theme]');
    expect(provider()?.getAttribute('data-theme')).toBe('light');
    fireEvent.click(screen.getByRole('switch', { name: 'Dunkles Design' }));
    expect(provider()?.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem('chefsache.theme')).toBe('dark');
    await screen.findByRole('combobox', { name: 'Demo-Benutzer' });
  });

  it('follows the host theme and offers no switch inside Teams', async () => {
    let emit: ((theme: 'light' | 'dark' | 'contrast') => void) | undefined;
    const host = standaloneHost({
      kind: 'teams',
      theme: 'dark',
      onThemeChange: (listener) => {
        emit = listener;
        return () => undefined;
      },
    });
    const msalConfig = { auth: 'msal' as const, graphBaseUrl: 'https://graph.microsoft.com/v1.0' };
    const { container } = render(
      <AppShell host={host} config={msalConfig} createServices={() => services()} titleKey="pages.tab">
        {(session) => <TabPage session={session} host={host} config={msalConfig} />}
      </AppShell>,
    );
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByText('Lokale Demo-Firma (Emulator)')).toBeNull();
    act(() => emit?.('contrast'));
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('contrast');
    expect(await screen.findByText('Muster GmbH')).toBeTruthy();
  });
});

describe('Boot', () => {
  it('renders the Outlook task pane outside Outlook with its notice and sign-in status', async () => {
    sessionStorage.setItem('chefsache.demoUser', 'katrin.berger@mustergmbh.onmicrosoft.com');
    render(
      <Boot
        load={async () => ({ page: TaskPanePage, createServices: () => services() })}
        titleKey="pages.taskpane"
        detect={async () => standaloneHost()}
        readConfig={() => emulatorConfig}
      />,
    );
    expect(await screen.findByText('Dieser Aufgabenbereich läuft in Outlook')).toBeTruthy();
    expect(await screen.findByText('Muster GmbH')).toBeTruthy();
  });

  it('shows a configuration error instead of a blank page', async () => {
    render(
      <Boot
        load={async () => ({ page: TaskPanePage, createServices: () => services() })}
        titleKey="pages.taskpane"
        detect={async () => standaloneHost()}
        readConfig={() => {
          throw new Error('graphBaseUrl: Invalid URL');
        }}
      />,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('graphBaseUrl: Invalid URL'));
  });
});
