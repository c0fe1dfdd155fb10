/** Test helpers for the panel's and dashboard's jsdom tests (only *.test.tsx import this). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { RoleGroups } from '../../domain';
import { createGraphGateways, GraphNotFoundError, LIST_NAMES, type DirectoryGroup, type GraphGateways, type Person } from '../../graph';
import { I18nProvider } from '../../i18n';
import { setUpSharePoint } from '../setup/testing/setUpFakeSite';

const upn = (alias: string) => `${alias}@mustergmbh.onmicrosoft.com`;
const person = (alias: string, displayName: string, jobTitle: string): Person => ({ id: `id-${alias}`, displayName, userPrincipalName: upn(alias), jobTitle });

export const PEOPLE = {
  katrin: person('katrin.berger', 'Katrin Berger', 'Geschäftsführerin'),
  jonas: person('jonas.weber', 'Jonas Weber', 'Informationssicherheitsbeauftragter'),
  petra: person('petra.pruefer', 'Petra Prüfer', 'Auditorin'),
  anna: person('anna.mueller', 'Anna Müller', 'Vertrieb'),
};

const GROUPS: Record<string, DirectoryGroup> = {
  gf: { id: '0a0a0a0a-0000-4000-8000-00000000a001', displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' },
  isb: { id: '0a0a0a0a-0000-4000-8000-00000000a002', displayName: 'Informationssicherheit', mailNickname: 'informationssicherheit' },
  aud: { id: '0a0a0a0a-0000-4000-8000-00000000a003', displayName: 'Auditoren', mailNickname: 'auditoren' },
};
const MEMBERS: Record<string, Person[]> = { [GROUPS.gf!.id]: [PEOPLE.katrin], [GROUPS.isb!.id]: [PEOPLE.jonas], [GROUPS.aud!.id]: [PEOPLE.petra] };

/** The role groups setup stored on the test site (settings list). */
export const TEST_ROLE_GROUPS: RoleGroups = { topManagement: GROUPS.gf!.id, isb: GROUPS.isb!.id, auditors: GROUPS.aud!.id };
const SETTINGS_LIST = { id: 'settings-list', name: 'Einstellungen', displayName: LIST_NAMES.settings, webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Lists/Einstellungen' };

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
    lists: {
      ...base.lists,
      get: async (_site, name) => (name === LIST_NAMES.settings ? SETTINGS_LIST : Promise.reject(Object.create(GraphNotFoundError.prototype) as GraphNotFoundError)),
    },
    listItems: {
      forList: (siteId, listId) => {
        const client = base.listItems.forList(siteId, listId);
        if (listId !== SETTINGS_LIST.id) return client;
        return { ...client, queryAll: async () => [{ id: '1', etag: '"s,1"', fields: { Title: 'roles', Value: JSON.stringify(TEST_ROLE_GROUPS) } }] };
      },
    },
    users: {
      me: async () => me,
      memberOfIds: async () => groups.map((g) => g.id),
      get: async () => Promise.reject(new Error('not in this test')),
      search: async () => [],
    },
    groups: {
      find: async (name) => Object.values(GROUPS).filter((g) => g.displayName === name || g.mailNickname === name),
      get: async (id) => Object.values(GROUPS).find((g) => g.id === id) ?? Promise.reject(Object.create(GraphNotFoundError.prototype) as GraphNotFoundError),
      search: async () => [],
      members: async (id) => MEMBERS[id] ?? [],
      transitiveMemberIds: async (id) => (MEMBERS[id] ?? []).map((m) => m.id),
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

/** `AppServices.sharePoint` for these tests: the site as setup leaves it for TEST_ROLE_GROUPS. */
export const testSharePoint = () => setUpSharePoint(TEST_ROLE_GROUPS);
