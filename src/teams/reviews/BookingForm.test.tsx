/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../i18n';
import { BookingRequestSchema, type BookingRequest } from '../../features/reviews/booking';
import { ReviewsError } from '../../features/reviews/errors';
import { BookingForm } from './BookingForm';

const katrin = { upn: 'katrin.berger@x', displayName: 'Katrin Berger', lang: 'de' as const };
const jonas = { upn: 'jonas.weber@x', displayName: 'Jonas Weber', lang: 'de' as const };
const anna = { id: 'a1', displayName: 'Anna Müller', userPrincipalName: 'anna.mueller@x' };

function renderForm(onSubmit: (r: BookingRequest) => Promise<void>, locale = 'de-DE') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <BookingForm mode="book" required={[katrin, jonas]} search={async () => [anna]} onSubmit={onSubmit} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe('booking form', () => {
  it('books with the required people plus someone found in the directory', async () => {
    const submitted: BookingRequest[] = [];
    renderForm(async (r) => {
      submitted.push(r);
    });
    expect(screen.getByText('Katrin Berger – erforderlich (Geschäftsführung / ISB)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Erster Termin/), { target: { value: '2026-03-10' } });
    expect(screen.getByText('Regel: Alle 3 Monate am zweiten Dienstag, 10:00 Uhr (Europe/Berlin)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Personen aus dem Verzeichnis hinzufügen'), { target: { value: 'Anna' } });
    fireEvent.click(screen.getByRole('button', { name: 'Suchen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Anna Müller hinzufügen' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Nach einer Anzahl Reviews' }));
    fireEvent.click(screen.getByRole('button', { name: 'Serie buchen' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toMatchObject({ firstDate: '2026-03-10', time: '10:00', timeZone: 'Europe/Berlin', durationMinutes: 90, end: { type: 'count', count: 4 } });
    expect(submitted[0]!.attendees.map((a) => a.displayName)).toEqual(['Katrin Berger', 'Jonas Weber', 'Anna Müller']);
  });

  it('shows validation and booking problems in the user language', async () => {
    renderForm(async (r) => {
      BookingRequestSchema.parse({ ...r, durationMinutes: 5 });
    }, 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Book series' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The duration must be between 15 and 480 minutes.');
  });

  it('names an existing series instead of booking a second one', async () => {
    renderForm(async () => {
      throw new ReviewsError('alreadyBooked', '2026-03-10');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Serie buchen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Es ist bereits eine Serie gebucht (ab 2026-03-10).');
  });

  it('names a calendar that may not create Teams meetings, in German and English', async () => {
    const reject = async () => {
      throw new ReviewsError('teamsNotAllowed', '–');
    };
    const { unmount } = renderForm(reject);
    fireEvent.click(screen.getByRole('button', { name: 'Serie buchen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Ihr Outlook-Kalender darf keine Teams-Besprechungen anlegen (erlaubte Anbieter: –).');
    unmount();
    renderForm(reject, 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Book series' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your Outlook calendar may not create Teams meetings (allowed providers: –).');
  });
});
