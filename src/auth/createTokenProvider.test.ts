import type { AppConfig } from '../config';
import { createTokenProvider, DemoUserRequiredError } from './createTokenProvider';
import { SignInNotConfiguredError } from './signInErrors';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../i18n';

/** The sign-in failure's text as the user reads it. */
const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

const emulator: AppConfig = { auth: 'emulator', emulatorUrl: 'http://localhost:4365', graphBaseUrl: 'http://localhost:4365/v1.0' };
const msal: AppConfig = { auth: 'msal', graphBaseUrl: 'https://graph.microsoft.com/v1.0' };

describe('createTokenProvider', () => {
  afterEach(() => jest.restoreAllMocks());

  it('signs the picked demo user in at the emulator', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ token_type: 'Bearer', access_token: 'tok-1', expires_in: 3600, scope: 'User.Read' }), { status: 200 }),
    );
    const provider = createTokenProvider({ config: emulator, host: 'standalone', demoUserUpn: 'katrin.berger@mustergmbh.onmicrosoft.com' });
    await expect(provider.getToken(['User.Read'])).resolves.toBe('tok-1');
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('http://localhost:4365/_signin/token');
    expect(JSON.parse(String(init?.body))).toMatchObject({ user: 'katrin.berger@mustergmbh.onmicrosoft.com' });
  });

  it('needs a demo user in emulator mode', () => {
    expect(() => createTokenProvider({ config: emulator, host: 'standalone', demoUserUpn: null })).toThrow(DemoUserRequiredError);
  });

  it('refuses MSAL without a client id, with a bilingual message', () => {
    let error: unknown;
    try {
      createTokenProvider({ config: msal, host: 'teams' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SignInNotConfiguredError);
    expect(words(error as SignInNotConfiguredError, 'de')).toMatch(/nicht eingerichtet/);
  });

  it('uses MSAL when a client id is configured (loaded on the first token request)', async () => {
    const provider = createTokenProvider({ config: { ...msal, clientId: 'not-a-guid' }, host: 'teams' });
    const failure = provider.getToken(['User.Read']);
    await expect(failure).rejects.toBeInstanceOf(SignInNotConfiguredError);
    await expect(failure).rejects.toThrow(/GUID/);
  });
});
