/** An in-memory SharePoint site as setup leaves it (tests of the dashboard and the panel; *.test.* only). */
import type { RoleGroups } from '../../../domain';
import { LIST_NAMES, type SharePointRestGateway } from '../../../graph';
import { runSetup, type SetupGraph } from '../runSetup';
import { fakeSharePoint } from './fakeSharePoint';

const settingsOnlyGraph = {
  sites: { fromWebUrl: async () => ({ id: 's', displayName: 'ISMS', webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS' }) },
  lists: { get: async () => ({ id: 'settings', name: 'x', displayName: LIST_NAMES.settings, webUrl: '', columns: [{ name: 'Value', type: 'text' }] }) },
  listItems: { forList: () => ({ queryAll: async () => [], create: async (fields: unknown) => ({ id: '1', etag: '1', fields }) }) },
  groups: { get: async (id: string) => ({ id, displayName: `Gruppe ${id.slice(-4)}`, microsoft365: true }) },
} as unknown as SetupGraph;

export async function setUpFakeSite(groups: RoleGroups): Promise<ReturnType<typeof fakeSharePoint>> {
  const sp = fakeSharePoint(Object.values(LIST_NAMES));
  await runSetup(settingsOnlyGraph, sp.gateway, { siteUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS', groups, setupBy: 'lukas.schneider@mustergmbh.onmicrosoft.com' });
  return sp;
}

/** `AppServices.sharePoint` over a site set up for `groups`. */
export function setUpSharePoint(groups: RoleGroups): (siteUrl: string) => Promise<SharePointRestGateway> {
  let site: Promise<ReturnType<typeof fakeSharePoint>> | undefined;
  return async () => (await (site ??= setUpFakeSite(groups))).gateway;
}
