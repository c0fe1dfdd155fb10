/** MsalTokenProvider in the Outlook on-send runtime (silent only) and how it builds its MSAL client. */
import { ClientAuthError, InteractionRequiredAuthError } from '@azure/msal-browser';
import { MsalTokenProvider } from './msalTokenProvider';
import { SignInFailedError, SignInNotConfiguredError, SilentSignInUnavailableError } from './signInErrors';
import { CLIENT_ID, FakeMsal, katrin, provider, withLocalStorage } from './testing/fakeMsal';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../i18n';

/** The sign-in failure's text as the user reads it. */
const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('MsalTokenProvider', () => {
  describe('silent-only mode (Outlook on-send runtime)', () => {
    test('interaction required → SilentSignInUnavailableError, and no window is opened', async () => {
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      const { instance } = provider(fake, { silentOnly: true });

      const error = await instance.getToken(['Sites.ReadWrite.All']).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(SilentSignInUnavailableError);
      const unavailable = error as SilentSignInUnavailableError;
      expect(unavailable.reason).toBe('interactionRequired');
      expect(unavailable.scopes).toEqual(['Sites.ReadWrite.All']);
      expect(words(unavailable, 'de')).toContain('vorgemerkt');
      expect(words(unavailable, 'en')).toContain('queued');
      expect(unavailable.cause).toBeInstanceOf(InteractionRequiredAuthError);
      expect(fake.popupCalls).toHaveLength(0);
    });

    test('any other silent failure (host bridge offline) is also SilentSignInUnavailableError', async () => {
      const fake = new FakeMsal();
      fake.silent = async () => {
        throw new ClientAuthError('no_network_connectivity', 'corr-bridge');
      };
      const { instance } = provider(fake, { silentOnly: true });

      const error = await instance.getToken(['Sites.ReadWrite.All']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SilentSignInUnavailableError);
      expect((error as SilentSignInUnavailableError).reason).toBe('failed');
      expect(fake.popupCalls).toHaveLength(0);
    });

    test('a token that can be had silently is returned as usual', async () => {
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      fake.consented = new Set(['Sites.ReadWrite.All']);
      const { instance } = provider(fake, { silentOnly: true });

      expect(await instance.getToken(['Sites.ReadWrite.All'])).toBe('silent:Sites.ReadWrite.All');
    });

    test('if MSAL itself cannot start, the send is not blocked either', async () => {
      const instance = new MsalTokenProvider({
        clientId: CLIENT_ID,
        silentOnly: true,
        createClient: async () => {
          throw new Error('crypto unavailable');
        },
      });
      await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(SilentSignInUnavailableError);
    });
  });

  describe('configuration', () => {
    test('builds one nestable client with the tenant authority and localStorage cache', async () => {
      withLocalStorage();
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      fake.consented = new Set(['User.Read']);
      const { instance, configurations } = provider(fake, { tenantId: 'mustergmbh.onmicrosoft.com' });

      await instance.getToken(['User.Read']);
      await instance.getToken(['User.Read']);

      expect(configurations).toHaveLength(1);
      expect(configurations[0]).toEqual({
        auth: {
          clientId: CLIENT_ID,
          authority: 'https://login.microsoftonline.com/mustergmbh.onmicrosoft.com',
          redirectUri: 'https://chefsache.example.com/auth/redirect.html',
        },
        cache: { cacheLocation: 'localStorage' },
      });
    });

    test('keeps the cache in memory where the runtime has no localStorage (classic Outlook on Windows event runtime)', async () => {
      expect(typeof globalThis.localStorage).toBe('undefined');
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      fake.consented = new Set(['User.Read']);
      const { instance, configurations } = provider(fake, { silentOnly: true });
      await instance.getToken(['User.Read']);
      expect(configurations[0]?.cache).toEqual({ cacheLocation: 'memoryStorage' });
    });

    test('without a tenant the authority accepts any work or school account', async () => {
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      fake.consented = new Set(['User.Read']);
      const { instance, configurations } = provider(fake);
      await instance.getToken(['User.Read']);
      expect(configurations[0]?.auth.authority).toBe('https://login.microsoftonline.com/organizations');
    });

    test('a client that failed to start is created again on the next call', async () => {
      const fake = new FakeMsal();
      fake.accounts = [katrin];
      fake.consented = new Set(['User.Read']);
      let attempts = 0;
      const instance = new MsalTokenProvider({
        clientId: CLIENT_ID,
        createClient: async () => {
          attempts++;
          if (attempts === 1) throw new Error('bridge handshake failed');
          return fake.client();
        },
      });

      await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(SignInFailedError);
      expect(await instance.getToken(['User.Read'])).toBe('silent:User.Read');
    });

    test('a missing or malformed client id is a SignInNotConfiguredError naming the setting', () => {
      expect(() => new MsalTokenProvider({ clientId: '' })).toThrow(SignInNotConfiguredError);
      expect(() => new MsalTokenProvider({ clientId: 'chefsache' })).toThrow(/clientId must be a GUID/);
    });

    test('a request without scopes is refused before MSAL is asked', async () => {
      const fake = new FakeMsal();
      const { instance } = provider(fake);
      await expect(instance.getToken([' '])).rejects.toBeInstanceOf(SignInFailedError);
      expect(fake.silentCalls).toHaveLength(0);
    });
  });
});
