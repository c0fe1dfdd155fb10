/** The drift check over an in-memory site: after setup no alarm; each kind of drift raises its alarm. */
import { permissionAlarms, type RoleGroups } from '../../domain';
import { GraphForbiddenError, LIST_NAMES } from '../../graph';
import { checkPermissions } from './permissionCheck';
import { runSetup, type SetupGraph } from './runSetup';
import { EDIT, fakeSharePoint, MEMBERS } from './testing/fakeSharePoint';
import { domainText } from '../../domain/domainText';

const GROUPS: RoleGroups = {
  topManagement: '0a0a0a0a-0000-4000-8000-00000000a001',
  isb: '0a0a0a0a-0000-4000-8000-00000000a002',
  auditors: '0a0a0a0a-0000-4000-8000-00000000a003',
};

const graph = {
  sites: { fromWebUrl: async () => ({ id: 's', displayName: 'ISMS', webUrl: 'x' }) },
  lists: { get: async () => ({ id: 'settings', name: 'x', displayName: 'x', webUrl: '', columns: [{ name: 'Value', type: 'text' }] }) },
  listItems: { forList: () => ({ queryAll: async () => [], create: async (fields: unknown) => ({ id: '1', etag: '1', fields }) }) },
  groups: { get: async (id: string) => ({ id, displayName: `G ${id.slice(-1)}`, microsoft365: true }) },
} as unknown as SetupGraph;

async function setUpSite() {
  const sp = fakeSharePoint(Object.values(LIST_NAMES));
  await runSetup(graph, sp.gateway, { siteUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS', groups: GROUPS, setupBy: 'lukas' });
  return sp;
}

const ids = async (sp: Awaited<ReturnType<typeof setUpSite>>) => permissionAlarms(await checkPermissions(sp.gateway), GROUPS).map((a) => a.id);

describe('permission drift check', () => {
  test('a site as setup left it raises no alarm; a fresh site raises "inherited"', async () => {
    expect(await ids(await setUpSite())).toEqual([]);
    const fresh = fakeSharePoint([LIST_NAMES.evidence]);
    expect(await ids(fresh)).toEqual(['permissionsInherited']);
  });

  test('team members given Edit afterwards: outsider can write, and delete', async () => {
    const sp = await setUpSite();
    await sp.gateway.addRoleAssignment(LIST_NAMES.evidence, MEMBERS.id, EDIT.id);
    const alarms = permissionAlarms(await checkPermissions(sp.gateway), GROUPS);
    expect(alarms.map((a) => a.id)).toEqual(['permissionsOutsiderCanWrite', 'permissionsDeleteAllowed']);
    expect(domainText(alarms[0]!.message, 'en')).toBe(`In "${LIST_NAMES.evidence}" others than top management and the ISB can write: ISMS Members.`);
  });

  test('auditors given a writing level; versioning switched off', async () => {
    const sp = await setUpSite();
    const auditors = sp.lists.get(LIST_NAMES.reviews)!.assignments.find((a) => a.principal.entraObjectId === GROUPS.auditors)!;
    await sp.gateway.addRoleAssignment(LIST_NAMES.reviews, auditors.principal.id, sp.definitions.find((d) => d.name.includes('Nur hinzufügen'))!.id);
    sp.lists.get(LIST_NAMES.signatures)!.versioning = false;
    expect(await ids(sp)).toEqual(['permissionsAuditorCanWrite', 'permissionsVersioningOff']);
  });

  test('a check that cannot run says why', async () => {
    const denied = new GraphForbiddenError({ status: 403, code: '-2147024891, System.UnauthorizedAccessException', message: 'Access denied.', method: 'GET', url: 'x', requiredPermissions: [], requestedScopes: [] });
    const check = await checkPermissions({ list: async () => Promise.reject(denied), roleAssignments: async () => [] });
    const alarms = permissionAlarms(check, GROUPS);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ id: 'permissionsUnchecked', severity: 'warning' });
    expect(domainText(alarms[0]!.message, 'de')).toContain('Access denied.');
  });
});
