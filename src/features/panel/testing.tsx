/** Test helpers for the panel's and dashboard's jsdom tests (only *.test.tsx import this). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createGraphGateways, GraphNotFoundError, type DirectoryGroup, type GraphGateways, type Person } from '../../graph';
import { I18nProvider } from '../../i18n';

const upn = (alias: string) => `${alias}@mustergmbh.onmicrosoft.com`;
const person = (alias: string, displayName: string, jobTitle: string): Person => ({ id: `id-${alias}`, displayName, userPrincipalName: upn(alias), jobTitle });

export const PEOPLE = {
  katrin: person('katrin.berger', 'Katrin Berger', 'Geschäftsführerin'),
  jonas: person('jonas.weber', 'Jonas Weber', 'Informationssicherheitsbeauftragter'),
  petra: person('petra.pruefer', 'Petra Prüfer', 'Auditorin'),
  anna: person('anna.mueller', 'Anna Müller', 'Vertrieb'),
};

const GROUPS: Record<string, DirectoryGroup> = {
  gf: { id: 'g-gf', displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' },
  isb: { id: 'g-isb', displayName: 'Informationssicherheit', mailNickname: 'informationssicherheit' },
  aud: { id: 'g-aud', displayName: 'Auditoren', mailNickname: 'auditoren' },
};
const MEMBERS: Record<string, Person[]> = { 'g-gf': [PEOPLE.katrin], 'g-isb': [PEOPLE.jonas], 'g-aud': [PEOPLE.petra] };

/** Gateways where every request fails at once (no retries): SharePoint is not part of these tests. */
function unreachableGraph(): GraphGateways {
  return createGraphGateways({
    baseUrl: 'https://graph.invalid/v1.0',
    tokenProvider: { getToken: async () => 'test-token' },
    fetch: () => Promise.reject(new Error('No Graph in this test.')),
    retry: { maxAttempts: 1 },
  });
}

/** Gateways answering as the demo tenant for `me` (profile, groups; the site has no extra lists); everything else fails at once. */
export function tenantGraph(me: Person): GraphGateways {
  const groups = Object.values(GROUPS).filter((g) => MEMBERS[g.id]!.some((m) => m.id === me.id));
  const base = unreachableGraph();
  const site = { id: 'mustergmbh.sharepoint.com,s1,w1', displayName: 'ISMS', webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS' };
  return {
    ...base,
    sites: { ...base.sites, fromWebUrl: async () => site, byPath: async () => site },
    lists: { ...base.lists, get: async () => Promise.reject(Object.create(GraphNotFoundError.prototype) as GraphNotFoundError) },
    users: {
      me: async () => me,
      memberOf: async () => groups,
      get: async () => Promise.reject(new Error('not in this test')),
      search: async () => [],
    },
    groups: {
      find: async (name) => Object.values(GROUPS).filter((g) => g.displayName === name || g.mailNickname === name),
      members: async (id) => MEMBERS[id] ?? [],
    },
  };
}

export function renderUi(ui: ReactNode, locale = 'de-DE') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}
