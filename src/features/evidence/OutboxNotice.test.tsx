/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { mailSourceKey, type PersonRef } from '../../domain';
import { I18nProvider } from '../../i18n';
import type { CaptureInput } from './evidenceStore';
import { OutboxNotice } from './OutboxNotice';
import { createMemoryEvidenceStore } from './testing/memoryEvidenceStore';
import { useEvidence } from './useEvidence';

const JONAS: PersonRef = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };

const mail = (id: string): CaptureInput => ({
  title: `Rundmail ${id}`,
  type: 'ceoMail',
  clauses: ['7.4'],
  source: 'outlook',
  sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
  effectiveDate: '2026-01-10T09:00:00Z',
  summary: '',
  author: KATRIN,
});

function Panel({ store }: { store: ReturnType<typeof createMemoryEvidenceStore> }) {
  const evidence = useEvidence({ evidence: store });
  return (
    <>
      <OutboxNotice entries={evidence.outbox} onRetry={evidence.retryOutbox} />
      <ul aria-label="Nachweise">
        {(evidence.items ?? []).map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
    </>
  );
}

describe('OutboxNotice with useEvidence', () => {
  it('shows nothing while the outbox is empty', () => {
    render(
      <I18nProvider locale="de-DE">
        <OutboxNotice entries={[]} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows what waits (German), and the items once a retry stored them', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => new Date('2026-01-12T10:00:00Z') });
    store.setOffline(true);
    await store.capture(mail('a'));
    await store.capture(mail('b'));
    render(
      <I18nProvider locale="de-DE">
        <Panel store={store} />
      </I18nProvider>,
    );
    expect(await screen.findByText('Wartet auf Speicherung: 2')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Wartende Nachweise anzeigen' }).textContent).toContain('Rundmail a');

    store.setOffline(false);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Jetzt erneut versuchen' }));
    });
    await waitFor(() => expect(screen.queryByText(/Wartet auf Speicherung/)).toBeNull());
    await waitFor(() => expect(screen.getByRole('list', { name: 'Nachweise' }).textContent).toContain('Rundmail b'));
  });

  it('speaks English for an English locale', () => {
    render(
      <I18nProvider locale="en-GB">
        <OutboxNotice
          entries={[{ id: 'x', sourceKey: 'manual:x', title: 'Budget', queuedAt: '2026-01-12T10:00:00Z', attempts: 3, lastError: 'status 503' }]}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('Waiting to be stored: 1')).toBeTruthy();
    expect(screen.getByText('Last error: status 503')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
