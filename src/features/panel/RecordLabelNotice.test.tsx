/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { uploadSourceKey, type PersonRef } from '../../domain';
import type { Person } from '../../graph';
import { PanelSection } from '../../teams/panel/PanelSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import type { RecordLabelOutcome } from '../evidence/recordLabel';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, tenantGraph, testSharePoint } from './testing';

const ref = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });

/** A policy by Katrin, and a store whose record label answers `label` (the Graph store applies the configured label). */
async function storeWith(label: RecordLabelOutcome) {
  const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.katrin), decisionList: true });
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
  return Object.assign(store, { applyRecordLabel: async () => label });
}

async function accept(store: Awaited<ReturnType<typeof storeWith>>) {
  const services = { graph: tenantGraph(PEOPLE.jonas), evidence: store, me: async () => PEOPLE.jonas, organization: async () => musterGmbh, sharePoint: testSharePoint() };
  renderUi(<PanelSection services={services} profile={{ user: PEOPLE.jonas, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Leitlinie 2026' }));
  const detail = await screen.findByRole('region', { name: 'Details zum Nachweis' });
  fireEvent.click(within(detail).getByRole('button', { name: 'Annehmen' }));
  await screen.findByText('Ihre Entscheidung ist gespeichert.');
}

describe('record label after an acceptance', () => {
  it('says the label now protects the file', async () => {
    await accept(await storeWith({ state: 'applied', name: 'Unterschriebener Nachweis' }));
    expect(screen.getByText('Die Aufbewahrungsbezeichnung „Unterschriebener Nachweis“ schützt die Datei jetzt vor Änderung und Löschung.')).toBeTruthy();
  }, 15_000);

  it('says why it was not applied, and that the decision is kept', async () => {
    await accept(await storeWith({ state: 'notApplied', name: 'Unterschriebener Nachweis', reason: '403 accessDenied: needs Sites.FullControl.All' }));
    expect(screen.getByRole('alert')).toHaveProperty(
      'textContent',
      'Aufbewahrungsbezeichnung „Unterschriebener Nachweis“ nicht angewendet: 403 accessDenied: needs Sites.FullControl.All. Ihre Entscheidung ist trotzdem gespeichert.',
    );
  }, 15_000);
});
