/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n';
import { DemoUserPicker } from './DemoUserPicker';

describe('DemoUserPicker', () => {
  it('explains that the emulator is unreachable, naming its URL', async () => {
    const fetchFn = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    render(
      <I18nProvider locale="de-DE">
        <DemoUserPicker emulatorUrl="http://localhost:4365" selectedUpn={null} onSelect={() => undefined} fetchFn={fetchFn} />
      </I18nProvider>,
    );
    expect(
      await screen.findByText(/Die Demo-Benutzer konnten nicht vom Emulator unter http:\/\/localhost:4365 geladen werden\..*Failed to fetch/),
    ).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Demo-Benutzer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
