/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import type { GraphGateways, MailGateway, MailMessage } from '../graph';
import { I18nProvider } from '../i18n';
import { createMemoryEvidenceStore } from '../features/evidence/testing/memoryEvidenceStore';
import { katrin, musterGmbh } from '../ui/testSupport';
import { ReadPane } from './ReadPane';

const invoice: MailMessage = {
  id: 'AAMkAGMinvoice',
  subject: 'Rechnung Penetrationstest Q4',
  internetMessageId: '<RE-2026-117@pentest.example>',
  sentDateTime: '2026-11-12T10:15:00Z',
  categories: [],
  from: { name: 'Pentest GmbH', address: 'rechnung@pentest.example' },
  toRecipients: [{ name: 'Katrin Berger', address: katrin.userPrincipalName }],
  ccRecipients: [],
  bccRecipients: [],
  body: { contentType: 'html', content: '<p>Anbei unsere Rechnung über 9.800 €.</p>' },
};

function setup(locale = 'de-DE') {
  const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.userPrincipalName, displayName: katrin.displayName } });
  const mail = {
    get: async (id: string) => {
      if (id !== invoice.id) throw new Error(`unknown message ${id}`);
      return invoice;
    },
    mime: async () => new TextEncoder().encode('Message-ID: <RE-2026-117@pentest.example>\r\n\r\nRechnung'),
  } as unknown as MailGateway;
  const services = { graph: { mail } as unknown as GraphGateways, evidence: store, me: async () => katrin, organization: async () => musterGmbh, sharePoint: async () => Promise.reject(new Error('No SharePoint REST in this test.')) };
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <ReadPane services={services} messageId={invoice.id} />
      </I18nProvider>
    </FluentProvider>,
  );
  return store;
}

describe('read mode: save as evidence', () => {
  it('saves the open invoice with type and note, and says so; a second save finds it', async () => {
    const store = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Art des Nachweises' }), { target: { value: 'invoice' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Notiz (optional)' }), { target: { value: 'Pentest laut Budget 2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Als Nachweis speichern' }));
    await screen.findByText('Gespeichert: „Rechnung Penetrationstest Q4“ ist jetzt ein Nachweis (wartet auf Prüfung).');
    expect(store.all()).toEqual([
      expect.objectContaining({ type: 'securityInvoice', source: 'outlook', sourceKey: 'mail:<RE-2026-117@pentest.example>', effectiveDate: '2026-11-12T10:15:00.000Z' }),
    ]);
    expect(store.all()[0]?.summary).toContain('Pentest laut Budget 2027');
    fireEvent.click(screen.getByRole('button', { name: 'Als Nachweis speichern' }));
    await screen.findByText('Diese E-Mail ist bereits als Nachweis gespeichert: „Rechnung Penetrationstest Q4“.');
    expect(store.all()).toHaveLength(1);
  });

  it('shares the address rule of the compose pane: "a;b@x.de" is refused in the form, one address is saved', async () => {
    const store = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Art des Nachweises' }), { target: { value: 'isbAppointment' } });
    const save = screen.getByRole('button', { name: 'Als Nachweis speichern' }) as HTMLButtonElement;
    expect(screen.getByText('Bitte die E-Mail-Adresse der ernannten Person angeben.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Ernannte Person (E-Mail-Adresse)' }), { target: { value: 'a;b@x.de' } });
    expect(screen.getByText(/^„a;b@x\.de“ ist nicht genau eine E-Mail-Adresse\./)).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Ernannte Person (E-Mail-Adresse)' }), { target: { value: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await screen.findByText(/^Gespeichert:/);
    expect(store.all()[0]).toMatchObject({ type: 'isbAppointment', appointee: { upn: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
  });
});
