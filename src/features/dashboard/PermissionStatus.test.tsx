/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { GraphNotFoundError, LIST_NAMES, type GraphGateways, type Person } from '../../graph';
import { DashboardSection } from '../../teams/dashboard/DashboardSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import type { RecordLabelStatus } from '../evidence/recordLabel';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, TEST_ROLE_GROUPS, tenantGraph } from '../panel/testing';
import { setUpFakeSite } from '../setup/testing/setUpFakeSite';
import { EDIT, MEMBERS } from '../setup/testing/fakeSharePoint';

async function renderWith(me: Person, site: Awaited<ReturnType<typeof setUpFakeSite>>, graph: GraphGateways = tenantGraph(me), labels?: RecordLabelStatus) {
  const memory = createMemoryEvidenceStore({ capturedBy: { id: me.id, upn: me.userPrincipalName, displayName: me.displayName } });
  const store = labels ? Object.assign(memory, { recordLabelStatus: async () => labels }) : memory;
  const services = { graph, evidence: store, me: async () => me, organization: async () => musterGmbh, sharePoint: async () => site.gateway };
  return renderUi(
    <DashboardSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} sectionIds={['dashboard']} />,
    'en-US',
  );
}

describe('permission status on the dashboard (drift check on every open)', () => {
  it('says SharePoint enforces the roles when the site is as setup left it', async () => {
    await renderWith(PEOPLE.petra, await setUpFakeSite(TEST_ROLE_GROUPS));
    const status = await screen.findByRole('region', { name: 'Permissions in SharePoint' });
    expect(within(status).getByText(/SharePoint enforces the roles: .* \(9 lists checked\)\./)).toBeTruthy();
  });

  it('raises an auditor alarm when team members were given Edit on the evidence list', async () => {
    const site = await setUpFakeSite(TEST_ROLE_GROUPS);
    await site.gateway.addRoleAssignment(LIST_NAMES.evidence, MEMBERS.id, EDIT.id);
    await renderWith(PEOPLE.petra, site);
    const alarms = await screen.findByRole('list', { name: 'Auditor alarm' });
    expect(within(alarms).getByText(`In "${LIST_NAMES.evidence}" others than top management and the ISB can write: ISMS Members.`)).toBeTruthy();
    expect(within(alarms).getByText(`In "${LIST_NAMES.evidence}" items or versions may be deleted: ISMS Members.`)).toBeTruthy();
    expect(screen.getByText('The permissions no longer match setup: see the auditor alarms.')).toBeTruthy();
  });

  it('tells everyone that Chefsache is not set up when the site has no role groups, and who can set it up', async () => {
    const graph = tenantGraph(PEOPLE.katrin);
    const noSettings = { ...graph, lists: { ...graph.lists, get: async () => Promise.reject(new GraphNotFoundError({ status: 404, code: 'itemNotFound', message: 'x', method: 'GET', url: 'x' })) } } as GraphGateways;
    await renderWith(PEOPLE.katrin, await setUpFakeSite(TEST_ROLE_GROUPS), noSettings);
    expect(await screen.findByText('Chefsache is not set up on this site yet')).toBeTruthy();
    expect(screen.getByText(/A site owner opens the section "Setup" here or runs npm run setup -- --site https:\/\/mustergmbh\.sharepoint\.com\/sites\/ISMS/)).toBeTruthy();
  });

  it('shows whether a record label is configured and how many accepted or signed files carry it', async () => {
    await renderWith(PEOPLE.petra, await setUpFakeSite(TEST_ROLE_GROUPS), tenantGraph(PEOPLE.petra), { configured: true, name: 'Unterschriebener Nachweis', labelled: 2, total: 3 });
    const status = await screen.findByRole('region', { name: 'Retention label (Purview)' });
    expect(within(status).getByText('"Unterschriebener Nachweis" is configured: 2 of 3 accepted or signed files carry it and are immutable.')).toBeTruthy();
  });

  it('says so when no record label is configured', async () => {
    await renderWith(PEOPLE.petra, await setUpFakeSite(TEST_ROLE_GROUPS), tenantGraph(PEOPLE.petra), { configured: false });
    const status = await screen.findByRole('region', { name: 'Retention label (Purview)' });
    expect(within(status).getByText(/No retention label is configured/)).toBeTruthy();
  });
});
