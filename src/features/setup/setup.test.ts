/**
 * Setup against an in-memory SharePoint site (testing/fakeSharePoint.ts): the contract's permission table,
 * everyone else removed, versioning on, the role groups stored by object id, and a second run that changes nothing.
 */
import type { RoleGroups } from '../../domain';
import { LIST_NAMES, type ListItem } from '../../graph';
import { PERMISSION_LEVELS } from './permissionModel';
import { runSetup, SetupError, type SetupGraph } from './runSetup';
import { createTranslator, translateMessage } from '../../i18n';
import { describeStep } from './setupPlan';
import { fakeSharePoint, MEMBERS, OWNERS, RUNNER, VISITORS } from './testing/fakeSharePoint';

const GROUPS: RoleGroups = {
  topManagement: '0a0a0a0a-0000-4000-8000-00000000a001',
  isb: '0a0a0a0a-0000-4000-8000-00000000a002',
  auditors: '0a0a0a0a-0000-4000-8000-00000000a003',
};
const SITE = 'https://mustergmbh.sharepoint.com/sites/ISMS';

function settingsGraph() {
  const items: ListItem[] = [];
  const graph = {
    sites: { fromWebUrl: async () => ({ id: 'site-1', displayName: 'ISMS', webUrl: SITE }) },
    lists: { get: async () => ({ id: 'settings', name: 'x', displayName: LIST_NAMES.settings, webUrl: '', columns: [{ name: 'Value', type: 'text' }] }) },
    listItems: {
      forList: () => ({
        queryAll: async () => items.map((i) => structuredClone(i)),
        create: async (fields: Record<string, unknown>) => {
          const item = { id: String(items.length + 1), etag: '"1"', fields };
          items.push(item);
          return item;
        },
        updateFields: async (id: string, fields: Record<string, unknown>) => {
          const item = items.find((i) => i.id === id)!;
          item.fields = fields;
          return { fields, etag: '"2"' };
        },
      }),
    },
    groups: { get: async (id: string) => ({ id, displayName: `Gruppe ${id.slice(-1)}`, microsoft365: true }) },
    evidence: { provision: async () => Promise.reject(new Error('not expected')) },
  } as unknown as SetupGraph;
  return { graph, items };
}

const titles = Object.values(LIST_NAMES);

describe('setup of the evidence site', () => {
  test('breaks inheritance, grants the contract table, removes everyone else, turns versioning on, stores the role groups', async () => {
    const sp = fakeSharePoint(titles);
    const { graph, items } = settingsGraph();
    const result = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas.schneider@mustergmbh.onmicrosoft.com' });
    expect(result.changed).toBe(true);

    const evidence = sp.lists.get(LIST_NAMES.evidence)!;
    expect(evidence).toMatchObject({ unique: true, versioning: true });
    const byPrincipal = (title: string) => Object.fromEntries(sp.lists.get(title)!.assignments.map((a) => [a.principal.entraObjectId ?? a.principal.title, a.roles.map((r) => r.name).sort()]));
    expect(byPrincipal(LIST_NAMES.evidence)).toEqual({
      [GROUPS.topManagement]: [PERMISSION_LEVELS.contributeNoDelete.name],
      [GROUPS.isb]: [PERMISSION_LEVELS.contributeNoDelete.name],
      [GROUPS.auditors]: [PERMISSION_LEVELS.readAndCheck.name],
    });
    expect(byPrincipal(LIST_NAMES.signatures)).toEqual({
      [GROUPS.topManagement]: [PERMISSION_LEVELS.addOnly.name],
      [GROUPS.isb]: [PERMISSION_LEVELS.readAndCheck.name],
      [GROUPS.auditors]: [PERMISSION_LEVELS.readAndCheck.name],
    });
    expect(byPrincipal(LIST_NAMES.decisions)[GROUPS.isb]).toEqual([PERMISSION_LEVELS.addOnly.name]);
    expect(byPrincipal(LIST_NAMES.settings)[GROUPS.topManagement]).toEqual([PERMISSION_LEVELS.readAndCheck.name]);
    for (const title of titles) {
      const holders = sp.lists.get(title)!.assignments.map((a) => a.principal.id);
      for (const other of [OWNERS, MEMBERS, VISITORS, RUNNER]) expect(holders).not.toContain(other.id);
    }
    const stored = items.find((i) => i.fields.Title === 'roles');
    expect(JSON.parse(String(stored?.fields.Value))).toEqual(GROUPS);
    expect(sp.definitions.find((d) => d.name === PERMISSION_LEVELS.contributeNoDelete.name)?.permissions).not.toContain('DeleteListItems');
  });

  test('a second run changes nothing and says so', async () => {
    const sp = fakeSharePoint(titles);
    const { graph } = settingsGraph();
    await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' });
    const writes = sp.writes.length;
    const again = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' });
    expect(again).toEqual({ steps: [], changed: false, dryRun: false });
    expect(sp.writes.length).toBe(writes);
  });

  test('an optional record label is stored as the recordLabel setting, once', async () => {
    const sp = fakeSharePoint(titles);
    const { graph, items } = settingsGraph();
    const first = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas', recordLabel: 'Nachweis-Record' });
    expect(first.steps).toContainEqual({ kind: 'writeSetting', key: 'recordLabel' });
    expect(JSON.parse(String(items.find((i) => i.fields.Title === 'recordLabel')?.fields.Value))).toEqual({ name: 'Nachweis-Record' });
    const again = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas', recordLabel: 'Nachweis-Record' });
    expect(again.changed).toBe(false);
  });

  test('a dry run lists the changes and changes nothing', async () => {
    const sp = fakeSharePoint(titles);
    const { graph, items } = settingsGraph();
    const plan = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas', dryRun: true });
    expect(sp.writes).toEqual([]);
    expect(items).toEqual([]);
    const lines = plan.steps.map((s) => translateMessage(createTranslator('en'), describeStep(s)));
    expect(lines).toContain(`Create permission level "${PERMISSION_LEVELS.addOnly.name}"`);
    expect(lines).toContain(`${LIST_NAMES.evidence}: remove "Edit" from ISMS Members`);
    expect(lines).toContain(`${LIST_NAMES.evidence}: turn versioning on`);
  });

  test('refuses to use a Chefsache level someone widened (e.g. with delete rights)', async () => {
    const sp = fakeSharePoint(titles);
    const { graph } = settingsGraph();
    sp.definitions.push({ id: 77, name: PERMISSION_LEVELS.contributeNoDelete.name, description: '', permissions: ['ViewListItems', 'DeleteListItems'], builtIn: false });
    await expect(runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' })).rejects.toThrow(SetupError);
  });

  test('says in the reader\'s language which level has which extra rights', async () => {
    const sp = fakeSharePoint(titles);
    const { graph } = settingsGraph();
    sp.definitions.push({ id: 77, name: PERMISSION_LEVELS.contributeNoDelete.name, description: '', permissions: ['ViewListItems', 'DeleteListItems'], builtIn: false });
    const error = (await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' }).catch((e: unknown) => e)) as SetupError;
    expect(translateMessage(createTranslator('de'), error.userMessage)).toBe(
      `Die Berechtigungsstufe „${PERMISSION_LEVELS.contributeNoDelete.name}“ hat mehr Rechte, als Chefsache festlegt (DeleteListItems). Entfernen Sie diese Rechte oder löschen Sie die Stufe und führen Sie die Einrichtung erneut aus.`,
    );
    expect(error.message).toBe(
      `The permission level "${PERMISSION_LEVELS.contributeNoDelete.name}" exists with more rights than Chefsache defines (DeleteListItems). Remove those rights or delete the level, then run setup again.`,
    );
  });

  test('an edit level given to someone else after setup is removed by the next run', async () => {
    const sp = fakeSharePoint(titles);
    const { graph } = settingsGraph();
    await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' });
    await sp.gateway.addRoleAssignment(LIST_NAMES.evidence, MEMBERS.id, 1073741830);
    const again = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: GROUPS, setupBy: 'lukas' });
    expect(again.steps).toEqual([expect.objectContaining({ kind: 'revoke', principal: expect.objectContaining({ id: MEMBERS.id }) })]);
  });

  test('with an "all staff" group: staff read publications and add acknowledgements, reading only their own (issue 15)', async () => {
    const sp = fakeSharePoint(titles);
    const { graph } = settingsGraph();
    const allStaff = '0a0a0a0a-0000-4000-8000-00000000a004';
    await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: { ...GROUPS, allStaff }, setupBy: 'lukas' });
    const byPrincipal = (title: string) => Object.fromEntries(sp.lists.get(title)!.assignments.map((a) => [a.principal.entraObjectId ?? a.principal.title, a.roles.map((r) => r.name)]));
    expect(byPrincipal(LIST_NAMES.acknowledgements)).toEqual({
      [GROUPS.topManagement]: [PERMISSION_LEVELS.readAll.name],
      [GROUPS.isb]: [PERMISSION_LEVELS.readAll.name],
      [GROUPS.auditors]: [PERMISSION_LEVELS.readAll.name],
      [allStaff]: [PERMISSION_LEVELS.staffAddOwn.name],
    });
    expect(byPrincipal(LIST_NAMES.publications)[allStaff]).toEqual([PERMISSION_LEVELS.staffRead.name]);
    expect(byPrincipal(LIST_NAMES.evidence)[allStaff]).toBeUndefined();
    expect(sp.lists.get(LIST_NAMES.acknowledgements)).toMatchObject({ readSecurity: 2, writeSecurity: 2 });
    expect(PERMISSION_LEVELS.staffAddOwn.permissions).not.toContain('EditListItems');
    const again = await runSetup(graph, sp.gateway, { siteUrl: SITE, groups: { ...GROUPS, allStaff }, setupBy: 'lukas' });
    expect(again.changed).toBe(false);
  });
});
