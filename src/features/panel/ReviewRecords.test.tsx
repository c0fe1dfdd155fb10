/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { uploadSourceKey, type PersonRef } from '../../domain';
import type { Person } from '../../graph';
import { PanelSection } from '../../teams/panel/PanelSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import { createMemoryEvidenceStore, type MemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, tenantGraph, testSharePoint } from './testing';

const ref = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });
const NOW = new Date('2026-03-10T09:00:00Z');

async function policyStore(): Promise<MemoryEvidenceStore> {
  const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.katrin), clock: () => NOW, decisionList: true });
  await store.capture({
    title: 'Leitlinie 2026',
    type: 'securityPolicy',
    clauses: ['5.2'],
    source: 'upload',
    sourceKey: uploadSourceKey('leitlinie'),
    effectiveDate: '2026-03-01T10:00:00Z',
    summary: '',
    signedBy: ref(PEOPLE.katrin),
    content: { fileName: 'Leitlinie.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 Leitlinie') },
  });
  return store;
}

function renderPanel(me: Person, store: MemoryEvidenceStore) {
  const services = { graph: tenantGraph(me), evidence: store, me: async () => me, organization: async () => musterGmbh, sharePoint: testSharePoint() };
  return renderUi(<PanelSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />);
}

async function record() {
  fireEvent.click(await screen.findByRole('button', { name: 'Leitlinie 2026' }));
  const detail = await screen.findByRole('region', { name: 'Details zum Nachweis' });
  return within(detail).findByRole('region', { name: 'Entscheidungsnachweis' });
}

describe('decision records in the panel', () => {
  it('shows the ISB\u2019s acceptance from the decision list, with who and when according to SharePoint', async () => {
    const store = await policyStore();
    renderPanel(PEOPLE.jonas, store);
    expect(within(await record()).getByText('Noch keine Entscheidung in der Entscheidungsliste.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annehmen' }));
    const section = await record();
    expect(await within(section).findByText(/^Entscheidung Nr\. 1: Angenommen von Jonas Weber/)).toBeTruthy();
    expect(within(section).getByText('Zählt als: Angenommen')).toBeTruthy();
    expect(within(section).queryByRole('status')).toBeNull();
  });

  it('flags an acceptance the CEO wrote into the item herself: no decision record, counts as waiting', async () => {
    const store = await policyStore();
    store.changeBehindTheScenes('1', { reviewStatus: 'accepted', reviewer: ref(PEOPLE.jonas), reviewedAt: NOW.toISOString() });
    renderPanel(PEOPLE.katrin, store);
    const section = await record();
    expect(await within(section).findByText('Zählt als: Wartet auf Prüfung')).toBeTruthy();
    const flags = within(section).getByRole('list', { name: 'Auffälligkeiten bei der Prüfung' });
    expect(within(flags).getByText(/^Prüfvermerk ohne Entscheidungsnachweis/)).toBeTruthy();
  });

  it('flags a file replaced and its hash patched after the acceptance (in English too)', async () => {
    const store = await policyStore();
    const item = (await store.sync())[0]!;
    await store.review(item.id, item.etag, { status: 'accepted' }, ref(PEOPLE.jonas));
    store.changeBehindTheScenes('1', { contentSha256: 'f'.repeat(64) });
    const services = { graph: tenantGraph(PEOPLE.jonas), evidence: store, me: async () => PEOPLE.jonas, organization: async () => musterGmbh, sharePoint: testSharePoint() };
    renderUi(<PanelSection services={services} profile={{ user: PEOPLE.jonas, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />, 'en-GB');
    fireEvent.click(await screen.findByRole('button', { name: 'Leitlinie 2026' }));
    const section = await screen.findByRole('region', { name: 'Decision record' });
    expect(await within(section).findByText('Counts as: Waiting for review')).toBeTruthy();
    expect(within(section).getByText(/^Changed after acceptance/)).toBeTruthy();
  });
});
