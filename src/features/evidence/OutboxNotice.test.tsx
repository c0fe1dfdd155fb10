/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { mailSourceKey, type PersonRef } from '../../domain';
import { I18nProvider } from '../../i18n';
import type { CaptureInput } from './evidenceStore';
import { OutboxNotice, OutboxStatus } from './OutboxNotice';
import { createMemoryEvidenceStore } from './testing/memoryEvidenceStore';

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

describe('OutboxNotice and OutboxStatus', () => {
  it('shows nothing while the outbox is empty', () => {
    render(
      <I18nProvider locale="de-DE">
        <OutboxNotice entries={[]} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows what waits (German) and stores it on "retry now"', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => new Date('2026-01-12T10:00:00Z') });
    store.setOffline(true);
    await store.capture(mail('a'));
    await store.capture(mail('b'));
    render(
      <I18nProvider locale="de-DE">
        <OutboxStatus store={store} />
      </I18nProvider>,
    );
    expect(await screen.findByText('Wartet auf Speicherung: 2')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Wartende Nachweise anzeigen' }).textContent).toContain('Rundmail a');

    store.setOffline(false);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Jetzt erneut versuchen' }));
    });
    await waitFor(() => expect(screen.queryByText(/Wartet auf Speicherung/)).toBeNull());
    expect(store.all().map((item) => item.title)).toEqual(['Rundmail a', 'Rundmail b']);
  });

  it('retries by itself every interval, without anyone pressing a button', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: JONAS });
    store.setOffline(true);
    await store.capture(mail('c'));
    render(
      <I18nProvider locale="de-DE">
        <OutboxStatus store={store} intervalMs={50} />
      </I18nProvider>,
    );
    expect(await screen.findByText('Wartet auf Speicherung: 1')).toBeTruthy();
    store.setOffline(false);
    await waitFor(() => expect(screen.queryByText(/Wartet auf Speicherung/)).toBeNull());
    expect(store.all().map((item) => item.title)).toEqual(['Rundmail c']);
  });

  it('names what waits for more than a day, and offers "try again" and "discard" for a capture that failed for good', async () => {
    const retried: string[] = [];
    const discarded: string[] = [];
    render(
      <I18nProvider locale="en-GB">
        <OutboxNotice
          now={new Date('2026-01-14T10:00:00Z')}
          entries={[
            { id: 'old', sourceKey: 'manual:old', title: 'Budget memo', queuedAt: '2026-01-12T10:00:00Z', attempts: 9, lastError: 'status 503' },
            { id: 'new', sourceKey: 'manual:new', title: 'Fresh note', queuedAt: '2026-01-14T09:00:00Z', attempts: 0, lastError: '' },
            { id: 'bad', sourceKey: 'manual:bad', title: 'Policy', queuedAt: '2026-01-14T09:00:00Z', attempts: 2, lastError: 'GraphError forbidden (403)', errorKind: 'forbidden', failed: true },
          ]}
          onRetry={() => undefined}
          onRetryOne={(id) => void retried.push(id)}
          onDiscard={(id) => void discarded.push(id)}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('Waiting to be stored: 2')).toBeTruthy();
    expect(screen.getByText('Waiting for more than a day: Budget memo')).toBeTruthy();
    expect(screen.getByText('Not sent yet: the page was closed while it was being stored.')).toBeTruthy();
    const failed = screen.getByRole('alert', { name: 'Could not be stored: Policy' });
    expect(failed.textContent).toContain('Permission missing');
    await act(async () => {
      fireEvent.click(within(failed).getByRole('button', { name: 'Try again' }));
    });
    expect(retried).toEqual(['bad']);
    expect(discarded).toEqual([]);
    await act(async () => {
      fireEvent.click(within(failed).getByRole('button', { name: 'Discard' }));
    });
    expect(discarded).toEqual(['bad']);
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
