/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { mailSourceKey, uploadSourceKey, type PersonRef } from '../../domain';
import type { Person } from '../../graph';
import { DashboardSection } from '../../teams/dashboard/DashboardSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import { EvidenceStoreLostError } from '../evidence/errors';
import { createMemoryEvidenceStore, type MemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, tenantGraph, testSharePoint } from '../panel/testing';

const ref = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });

function renderDashboard(me: Person, store: MemoryEvidenceStore, locale = 'de-DE') {
  const services = { graph: tenantGraph(me), evidence: store, me: async () => me, organization: async () => musterGmbh, sharePoint: testSharePoint() };
  return renderUi(
    <DashboardSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} sectionIds={['dashboard', 'evidence']} />,
    locale,
  );
}

describe('readiness dashboard', () => {
  it('shows a new company what is missing, with fixes and one-click first steps', async () => {
    renderDashboard(PEOPLE.katrin, createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.jonas) }));
    expect(await screen.findByText('Noch nicht auditbereit')).toBeTruthy();
    expect(screen.getByText('0 von 100 Punkten')).toBeTruthy();
    const alarms = screen.getByRole('list', { name: 'Auditor-Alarm' });
    expect(within(alarms).getByText('Es liegt keine unterschriebene Informationssicherheitsleitlinie vor.')).toBeTruthy();
    expect(within(alarms).getByText(/^So beheben: Leitlinie von der Geschäftsführung unterschreiben/)).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Erste Schritte' });
    expect(within(steps).getByRole('link', { name: 'Leitlinie hochladen' }).getAttribute('href')).toBe('?view=evidence&upload=securityPolicy');
    const checklist = screen.getByRole('table', { name: 'Checkliste für auditfeste Nachweise' });
    expect(within(checklist).getAllByText('Fehlt')).toHaveLength(9);
    expect(screen.getByRole('img', { name: /Kreislauf der fünf Handlungen: Die Leitlinie, die gelebt wird: fehlt/ })).toBeTruthy();
  });

  it('counts accepted evidence: the policy turns green and its step is done', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.jonas) });
    const now = new Date();
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
    await store.capture({ title: 'Leitlinie 2026', type: 'securityPolicy', clauses: ['5.2'], source: 'upload', sourceKey: uploadSourceKey('p1'), effectiveDate: yesterday, summary: '', signedBy: ref(PEOPLE.katrin) });
    await store.capture({ title: 'Warum Sicherheit zählt', type: 'ceoMail', clauses: ['5.1d'], source: 'outlook', sourceKey: mailSourceKey('<m1@x>'), effectiveDate: yesterday, summary: '', author: ref(PEOPLE.katrin) });
    for (const item of await store.sync()) await store.review(item.id, item.etag, { status: 'accepted' }, ref(PEOPLE.katrin));
    renderDashboard(PEOPLE.katrin, store, 'en-US');
    const checklist = await screen.findByRole('table', { name: 'Checklist for audit-proof evidence' });
    const policyRow = within(checklist).getAllByRole('row').find((row) => row.getAttribute('data-item') === 'policy')!;
    expect(within(policyRow).getByText('Accepted')).toBeTruthy();
    expect(screen.queryByText('There is no signed information security policy.')).toBeNull();
    const steps = screen.getByRole('list', { name: 'First steps' });
    expect(within(steps).queryByRole('link', { name: 'Upload the policy' })).toBeNull();
    expect(within(steps).getAllByText('Done')).toHaveLength(2);
  });

  it('shows the critical alarm, and nothing else, when the evidence list was deleted or moved', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.jonas) });
    store.sync = async () => {
      throw new EvidenceStoreLostError('https://mustergmbh.sharepoint.com/sites/ISMS');
    };
    renderDashboard(PEOPLE.katrin, store, 'en-US');
    const alarms = await screen.findByRole('list', { name: 'Auditor alarm' });
    expect(within(alarms).getByText(/The evidence list in https:\/\/mustergmbh\.sharepoint\.com\/sites\/ISMS was deleted or moved/)).toBeTruthy();
    expect(within(alarms).getByText(/restore the list "Chefsache Nachweise" .* from the site's recycle bin/i)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows staff no readiness data', async () => {
    renderDashboard(PEOPLE.anna, createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.jonas) }));
    expect(await screen.findByText(/Diese Ansicht sehen nur die Geschäftsführung/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
