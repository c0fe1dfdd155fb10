/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { evidenceIssueMessage, mailSourceKey, type PersonRef } from '../../domain';
import type { Person } from '../../graph';
import { PanelSection } from '../../teams/panel/PanelSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, tenantGraph, testSharePoint } from './testing';
import { rawFieldLines } from '../evidence/unreadable';

const ref = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });
const NOW = new Date('2026-03-10T09:00:00Z');

async function storeWithBrokenItem() {
  const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.katrin), clock: () => NOW });
  for (const id of ['a', 'b']) {
    await store.capture({
      title: `Mail ${id}`,
      type: 'ceoMail',
      clauses: ['5.1d'],
      source: 'outlook',
      sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
      effectiveDate: '2026-03-02T08:00:00Z',
      summary: '',
      author: ref(PEOPLE.katrin),
    });
  }
  store.corrupt(
    '2',
    evidenceIssueMessage('issue.listItem', { detail: evidenceIssueMessage('issue.notJson', { column: 'EvidenceDetails' }) }),
    { Title: 'Mail b', EvidenceDetails: '{"v":1,<img src=x onerror="window.__pwned=1">' },
  );
  return store;
}

function renderPanel(store: Awaited<ReturnType<typeof storeWithBrokenItem>>, locale: string) {
  const me = PEOPLE.jonas;
  const services = { graph: tenantGraph(me), evidence: store, me: async () => me, organization: async () => musterGmbh, sharePoint: testSharePoint() };
  return renderUi(<PanelSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />, locale);
}

describe('unreadable evidence in the panel', () => {
  it('lists an item that fails validation with its reason and raw fields as plain text', async () => {
    renderPanel(await storeWithBrokenItem(), 'de-DE');
    const section = await screen.findByRole('region', { name: 'Unlesbare Einträge: 1' });
    expect(screen.getByText('1 von 1 Nachweisen')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Eintrag 2' }));
    expect(await within(section).findByText('Grund: Ungültiger Listeneintrag: EvidenceDetails ist kein JSON.')).toBeTruthy();
    const fields = within(section).getByLabelText('Felder von Eintrag 2');
    expect(fields.textContent).toContain('EvidenceDetails: {"v":1,<img src=x onerror="window.__pwned=1">');
    expect(fields.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('speaks English too', async () => {
    renderPanel(await storeWithBrokenItem(), 'en-US');
    const section = await screen.findByRole('region', { name: 'Unreadable entries: 1' });
    fireEvent.click(within(section).getByRole('button', { name: 'Item 2' }));
    expect(await within(section).findByText('Reason: Invalid list item: EvidenceDetails is not JSON.')).toBeTruthy();
  });

  it('cuts long values and masks control characters', () => {
    expect(rawFieldLines({ B: 'x'.repeat(10), A: 'a\u0000\u202eb', C: 3 }, 5)).toEqual(['A: a??b', 'B: xxxxx … (10)', 'C: 3']);
  });
});
