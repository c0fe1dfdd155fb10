/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mailSourceKey, type PersonRef } from '../../domain';
import type { Person } from '../../graph';
import { PanelSection } from '../../teams/panel/PanelSection';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import type { CaptureInput } from '../evidence/evidenceStore';
import { createMemoryEvidenceStore, type MemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi, tenantGraph, testSharePoint } from './testing';

const ref = (p: Person): PersonRef => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName });
const NOW = new Date('2026-03-10T09:00:00Z');

const mail = (id: string, title: string, html: string): CaptureInput => ({
  title,
  type: 'ceoMail',
  clauses: ['5.1d', '7.4'],
  source: 'outlook',
  sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
  effectiveDate: '2026-03-02T08:00:00Z',
  summary: '',
  author: ref(PEOPLE.katrin),
  content: {
    fileName: `${id}.eml`,
    contentType: 'message/rfc822',
    bytes: new TextEncoder().encode(`Subject: ${title}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`),
  },
});

async function storeWithMails(): Promise<MemoryEvidenceStore> {
  const store = createMemoryEvidenceStore({ capturedBy: ref(PEOPLE.katrin), clock: () => NOW });
  await store.capture(mail('a', 'Warum Sicherheit Chefsache ist', '<p>Liebe Kolleginnen</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'));
  await store.capture(mail('b', 'Neue Passwortregeln', '<p>Bitte lesen</p>'));
  return store;
}

function renderPanel(me: Person, store: MemoryEvidenceStore) {
  const services = { graph: tenantGraph(me), evidence: store, me: async () => me, organization: async () => musterGmbh, sharePoint: testSharePoint() };
  return renderUi(<PanelSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />);
}

async function open(title: string) {
  fireEvent.click(await screen.findByRole('button', { name: title }));
  return screen.findByRole('region', { name: 'Details zum Nachweis' });
}

describe('evidence review panel', () => {
  it('shows how far a long first sync got, with counts, until the list is there', async () => {
    const store = await storeWithMails();
    const sync = store.sync.bind(store);
    let finish: () => void = () => undefined;
    store.sync = (onProgress) => {
      onProgress?.({ done: 400, total: 1200 });
      return new Promise((resolve) => {
        finish = () => void sync().then(resolve);
      });
    };
    renderPanel(PEOPLE.jonas, store);
    const bar = await screen.findByRole('progressbar', { name: 'Nachweise werden geladen: 400 von 1200' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(1 / 3);
    act(() => finish());
    await screen.findByText('Warum Sicherheit Chefsache ist');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('lets the ISB review: sanitized mail preview, chain of custody, accept', async () => {
    const store = await storeWithMails();
    renderPanel(PEOPLE.jonas, store);
    const grid = await screen.findByRole('table', { name: 'Nachweisliste' });
    expect(within(grid).getAllByRole('row')).toHaveLength(3);
    const detail = await open('Warum Sicherheit Chefsache ist');
    expect(await within(detail).findByText('Liebe Kolleginnen')).toBeTruthy();
    const body = within(detail).getByRole('document', { name: 'Inhalt der E-Mail' });
    expect(body.innerHTML).not.toMatch(/script|onerror/);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(within(detail).getByText(/^mail:<a@mustergmbh/)).toBeTruthy();
    expect(within(detail).getByText((await store.get('1')).contentSha256!)).toBeTruthy();

    fireEvent.click(within(detail).getByRole('button', { name: 'Annehmen' }));
    expect(await within(detail).findByText('Ihre Entscheidung ist gespeichert.')).toBeTruthy();
    expect((await store.get('1')).reviewStatus).toBe('accepted');
    expect(within(detail).getByText(/angenommen von Jonas Weber/)).toBeTruthy();
  });

  it('needs a comment to reject', async () => {
    const store = await storeWithMails();
    renderPanel(PEOPLE.jonas, store);
    const detail = await open('Neue Passwortregeln');
    fireEvent.click(within(detail).getByRole('button', { name: 'Ablehnen' }));
    expect(await within(detail).findByText('Bitte begründen, warum der Nachweis abgelehnt wird.')).toBeTruthy();
    expect((await store.get('2')).reviewStatus).toBe('pending');
    fireEvent.change(within(detail).getByRole('textbox', { name: /Kommentar/ }), { target: { value: 'Nicht von der Geschäftsführung' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Ablehnen' }));
    await waitFor(async () => expect((await store.get('2')).reviewStatus).toBe('rejected'));
    expect((await store.get('2')).reviewComment).toBe('Nicht von der Geschäftsführung');
  });

  it('shows a concurrent change as a conflict with both versions and can apply mine on top', async () => {
    const store = await storeWithMails();
    renderPanel(PEOPLE.jonas, store);
    const detail = await open('Neue Passwortregeln');
    act(() => {
      store.changeBehindTheScenes('2', { reviewStatus: 'rejected', reviewer: ref(PEOPLE.katrin), reviewedAt: NOW.toISOString(), reviewComment: 'Zu allgemein' });
    });
    fireEvent.click(within(detail).getByRole('button', { name: 'Annehmen' }));
    const alert = await within(detail).findByRole('alert');
    expect(within(alert).getByText('Jemand anderes hat diesen Nachweis inzwischen geändert')).toBeTruthy();
    expect(within(within(alert).getByRole('region', { name: 'Ihre Entscheidung' })).getByText('Angenommen')).toBeTruthy();
    expect(within(within(alert).getByRole('region', { name: 'Aktueller Stand' })).getByText('Abgelehnt – „Zu allgemein“')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Meine Entscheidung trotzdem speichern' }));
    await waitFor(async () => expect((await store.get('2')).reviewStatus).toBe('accepted'));
  });

  it('shows the auditor everything and offers no way to change it', async () => {
    const store = await storeWithMails();
    renderPanel(PEOPLE.petra, store);
    expect(await screen.findByText('Sie sehen alle Nachweise als Auditor/in. Ändern können Sie nichts.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dokument hochladen' })).toBeNull();
    const detail = await open('Neue Passwortregeln');
    expect(within(detail).queryByRole('button', { name: 'Annehmen' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Ablehnen' })).toBeNull();
  });

  it('shows other staff no evidence at all', async () => {
    const store = await storeWithMails();
    const sync = jest.spyOn(store, 'sync');
    renderPanel(PEOPLE.anna, store);
    expect(await screen.findByText(/Diese Ansicht sehen nur die Geschäftsführung/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(sync).not.toHaveBeenCalled();
  });

  it('tells someone whose job title suggests a role, but who is not in its group, why they see nothing', async () => {
    const store = await storeWithMails();
    renderPanel({ ...PEOPLE.anna, jobTitle: 'Geschäftsführerin' }, store);
    expect(await screen.findByText(/Diese Ansicht sehen nur die Geschäftsführung/)).toBeTruthy();
    expect(screen.getByText('Die Stellenbezeichnung „Geschäftsführerin“ deutet auf die Rolle „Geschäftsführung“ hin, aber die Person ist nicht in der zugehörigen Gruppe.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('filters by title search', async () => {
    const store = await storeWithMails();
    renderPanel(PEOPLE.jonas, store);
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'passwort' } });
    expect(await screen.findByText('1 von 2 Nachweisen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Warum Sicherheit Chefsache ist' })).toBeNull();
  });
});
