/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n';
import { CAPTURE_CATEGORY, CAPTURE_HEADER, CAPTURE_PROPERTY, parseCaptureDetails } from '../features/outlook/captureTag';
import { fakeComposeMail, fakeMasterCategories } from '../features/outlook/testing/fakeComposeMail';
import { ComposePane } from './ComposePane';

function renderUi(ui: ReactNode, locale = 'de-DE') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}

const CAPTURE_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

function setup(locale?: string) {
  const mail = fakeComposeMail({ bodyHtml: '' });
  const master = fakeMasterCategories();
  const inserted: string[] = [];
  renderUi(<ComposePane mail={mail} master={master} insertHtml={async (html) => void inserted.push(html)} newCaptureId={() => CAPTURE_ID} />, locale);
  return { mail, master, inserted };
}

describe('compose task pane', () => {
  it('tags the mail with the chosen type and says plainly that it will be captured', async () => {
    const { mail, master } = setup();
    await screen.findByText('Diese E-Mail wird nicht als Nachweis erfasst.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Art des Nachweises' }), { target: { value: 'budget' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }));
    await screen.findByText('Diese E-Mail wird beim Senden als Nachweis erfasst (Budgetentscheidung).');
    expect(mail.state.categories).toEqual([CAPTURE_CATEGORY]);
    expect(master.categories).toEqual([{ displayName: CAPTURE_CATEGORY, color: 'Preset4' }]);
    expect(mail.state.headers[CAPTURE_HEADER]).toBe(`id=${CAPTURE_ID}`);
    expect(parseCaptureDetails(mail.state.customProperties[CAPTURE_PROPERTY])).toEqual({ kind: 'budget' });

    fireEvent.click(screen.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }));
    await screen.findByText('Diese E-Mail wird nicht als Nachweis erfasst.');
    expect(mail.state.categories).toEqual([]);
    expect(mail.state.headers[CAPTURE_HEADER]).toBeUndefined();
  });

  it('asks for the appointed person before an ISB appointment can be tagged', async () => {
    const { mail } = setup();
    await screen.findByText('Diese E-Mail wird nicht als Nachweis erfasst.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Art des Nachweises' }), { target: { value: 'isbAppointment' } });
    expect(screen.getByText('Bitte die E-Mail-Adresse der ernannten Person angeben.')).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Ernannte Person (E-Mail-Adresse)' }), { target: { value: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Als ISMS-Nachweis markieren' }));
    await screen.findByText('Diese E-Mail wird beim Senden als Nachweis erfasst (Ernennung des/der ISB).');
    expect(mail.state.headers[CAPTURE_HEADER]).toBe(`id=${CAPTURE_ID}`);
    expect(parseCaptureDetails(mail.state.customProperties[CAPTURE_PROPERTY])).toEqual({ kind: 'isbAppointment', appointee: 'jonas.weber@mustergmbh.onmicrosoft.com' });
  });

  it('refuses an appointee that is not exactly one address with a clear message, before anything is tagged', async () => {
    const { mail } = setup('en-US');
    await screen.findByText('This mail will not be captured as evidence.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Type of evidence' }), { target: { value: 'isbAppointment' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Appointed person (email address)' }), { target: { value: 'a;b@x.de' } });
    expect(screen.getByText(/^"a;b@x\.de" is not exactly one email address\./)).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Mark as ISMS evidence' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Appointed person (email address)' }), { target: { value: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
    expect(screen.queryByText(/is not exactly one email address/)).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Mark as ISMS evidence' }));
    await screen.findByText('This mail will be captured as evidence when it is sent (ISB appointment).');
    expect(parseCaptureDetails(mail.state.customProperties[CAPTURE_PROPERTY])).toEqual({ kind: 'isbAppointment', appointee: 'jonas.weber@mustergmbh.onmicrosoft.com' });
  });

  it('inserts the chosen template in the pane\'s language and pre-selects the fitting type', async () => {
    const { inserted } = setup('en-US');
    await screen.findByText('This mail will not be captured as evidence.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), { target: { value: 'objectives' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toContain('management has set the following information security objectives');
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Type of evidence' }) as HTMLSelectElement).value).toBe('objectives'));
  });
});
