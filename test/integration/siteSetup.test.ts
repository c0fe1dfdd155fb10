/**
 * Setup of the demo site through the app's own service against the emulator's SharePoint (Graph + REST subset):
 * the contract's permissions, a second run that changes nothing, roles by object id, the drift check, and
 * SharePoint refusing staff and auditors.
 */
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { emulatorOrigins } from '../../src/auth/sharePointHosts';
import { permissionAlarms } from '../../src/domain';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { loadPanelAccess } from '../../src/features/panel/access';
import { checkPermissions } from '../../src/features/setup/permissionCheck';
import { PERMISSION_LEVELS } from '../../src/features/setup/permissionModel';
import { DEMO_SITE_OWNER, setUpDemoCompany } from '../../src/features/setup/setupCli';
import { readSettings } from '../../src/features/setup/settingsStore';
import { createGraphGateways, createSharePointRestGateway, GraphError, LIST_NAMES } from '../../src/graph';
import { DEMO_DOMAIN, startEmulator, type RunningEmulator } from '../support/emulator';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

let emulator: RunningEmulator;
const upn = (alias: string) => (alias.includes('@') ? alias : `${alias}@${DEMO_DOMAIN}`);

async function as(alias: string) {
  const tokenProvider = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: upn(alias) });
  const originOf = await emulatorOrigins(emulator.url, { adminSecret: emulator.adminSecret });
  return {
    graph: createGraphGateways({ baseUrl: emulator.graphUrl, tokenProvider, retry: { maxAttempts: 1 } }),
    sharePoint: createSharePointRestGateway({ siteUrl: DEMO_SITE_URL, tokenProvider, originOf, retry: { maxAttempts: 1 } }),
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => emulator?.stop());

describe('site setup against the emulator', () => {
  test('sets up the demo site as its owner; a second run changes nothing', async () => {
    const first = await setUpDemoCompany(emulator.url, emulator.adminSecret);
    expect(first.changed).toBe(true);
    const kinds = new Set(first.steps.map((s) => s.kind));
    // Lists created through Graph have versioning on already (SharePoint Online's default); the unit tests cover turning it on.
    for (const kind of ['createList', 'writeSetting', 'createLevel', 'breakInheritance', 'grant', 'revoke']) expect(kinds).toContain(kind);
    const second = await setUpDemoCompany(emulator.url, emulator.adminSecret);
    expect(second).toEqual({ steps: [], changed: false, dryRun: false });
  });

  test('stores the role groups by object id and the site owner who ran setup', async () => {
    const { graph } = await as('petra.pruefer');
    const settings = await readSettings(graph, DEMO_SITE_URL);
    const [gf] = await graph.groups.find('Geschäftsführung');
    expect(settings.roles?.topManagement).toBe(gf!.id);
    expect(settings.site).toMatchObject({ url: DEMO_SITE_URL, setupBy: DEMO_SITE_OWNER });
  });

  test('roles come from the stored ids: CEO, ISB, auditor; staff has none', async () => {
    for (const [alias, role] of [['katrin.berger', 'topManagement'], ['jonas.weber', 'isb'], ['petra.pruefer', 'auditor'], ['anna.mueller', 'staff']] as const) {
      const { graph } = await as(alias);
      const access = await loadPanelAccess(graph, DEMO_SITE_URL).catch((e: unknown) => e);
      if (role === 'staff') {
        // Staff cannot even read the settings list: SharePoint refuses, and the app shows nothing.
        expect(access instanceof GraphError || (access as { roles: string[] }).roles[0] === 'staff').toBe(true);
      } else {
        expect((access as { roles: string[] }).roles[0]).toBe(role);
      }
    }
  });

  test('the drift check finds nothing after setup, and "inherited" after someone restores inheritance', async () => {
    const petra = await as('petra.pruefer');
    const roles = (await readSettings(petra.graph, DEMO_SITE_URL)).roles;
    const check = await checkPermissions(petra.sharePoint);
    expect(check.ok && check.lists.length).toBe(Object.keys(LIST_NAMES).length);
    expect(permissionAlarms(check, roles)).toEqual([]);

    const tokens = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: DEMO_SITE_OWNER });
    const origin = (await emulatorOrigins(emulator.url, { adminSecret: emulator.adminSecret }))('mustergmbh.sharepoint.com');
    const token = await tokens.getToken(['https://mustergmbh.sharepoint.com/AllSites.FullControl']);
    const reset = await fetch(`${origin}/sites/ISMS/_api/web/lists/getbytitle('${encodeURIComponent(LIST_NAMES.evidence)}')/resetroleinheritance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
    });
    expect(reset.status).toBeLessThan(300);
    const after = permissionAlarms(await checkPermissions(petra.sharePoint), roles).map((a) => a.id);
    expect(after).toContain('permissionsInherited');

    await setUpDemoCompany(emulator.url, emulator.adminSecret);
    expect(permissionAlarms(await checkPermissions(petra.sharePoint), roles)).toEqual([]);
  });

  test('SharePoint refuses: an auditor adding evidence, staff reading it, the ISB signing', async () => {
    const petra = await as('petra.pruefer');
    const site = await petra.graph.sites.fromWebUrl(DEMO_SITE_URL);
    const evidence = await petra.graph.lists.get(site.id, LIST_NAMES.evidence);
    await expect(petra.graph.listItems.forList(site.id, evidence.id).create({ Title: 'forged' })).rejects.toMatchObject({ status: 403 });

    const anna = await as('anna.mueller');
    const read = await anna.graph.lists.get(site.id, LIST_NAMES.evidence).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(GraphError);
    expect([403, 404]).toContain((read as GraphError).status);

    const jonas = await as('jonas.weber');
    const signatures = await jonas.graph.lists.get(site.id, LIST_NAMES.signatures);
    await expect(jonas.graph.listItems.forList(site.id, signatures.id).create({ Title: 'forged signature' })).rejects.toMatchObject({ status: 403 });
    const levels = await petra.sharePoint.roleDefinitions();
    expect(levels.find((l) => l.name === PERMISSION_LEVELS.contributeNoDelete.name)?.permissions).not.toContain('DeleteListItems');
  });
});
