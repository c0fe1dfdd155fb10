import {
  type AccountInfo,
  type AuthenticationResult,
  BrowserAuthError,
  ClientAuthError,
  type Configuration,
  type IPublicClientApplication,
  InteractionRequiredAuthError,
  type PopupRequest,
  ServerError,
  type SilentRequest,
} from '@azure/msal-browser';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../i18n';
import { MsalTokenProvider } from './msalTokenProvider';
import {
  InteractionInProgressError,
  PopupBlockedError,
  SignInCancelledError,
  SignInFailedError,
  SignInNotConfiguredError,
  SilentSignInUnavailableError,
} from './signInErrors';

/** The sign-in failure's text as the user reads it. */
const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

const CLIENT_ID = '6b1f7a52-4c1e-4d5e-9f61-2a7c0e9b8d31';

const katrin: AccountInfo = {
  homeAccountId: 'oid-katrin.tid-muster',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid-muster',
  username: 'katrin.berger@mustergmbh.onmicrosoft.com',
  localAccountId: 'oid-katrin',
  name: 'Katrin Berger',
};

function result(accessToken: string, scopes: string[], account: AccountInfo = katrin): AuthenticationResult {
  return {
    authority: 'https://login.microsoftonline.com/tid-muster',
    uniqueId: account.localAccountId,
    tenantId: account.tenantId,
    scopes,
    account,
    idToken: 'id-token',
    idTokenClaims: {},
    accessToken,
    fromCache: false,
    expiresOn: new Date(Date.now() + 3600_000),
    tokenType: 'Bearer',
    correlationId: 'corr',
  };
}

/**
 * A stand-in for MSAL's public client at its public API: a token cache of consented scopes per user.
 * `silent` and `popup` decide what each call does; by default silent succeeds for consented scopes.
 */
class FakeMsal {
  active: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  consented = new Set<string>();
  silentCalls: SilentRequest[] = [];
  popupCalls: PopupRequest[] = [];
  silent: (request: SilentRequest) => Promise<AuthenticationResult> = async (request) => {
    if (!request.account) throw new BrowserAuthError('no_account_error', 'corr-silent');
    const missing = request.scopes.filter((s) => !this.consented.has(s));
    if (missing.length > 0) {
      throw new InteractionRequiredAuthError('consent_required', 'corr-silent', `AADSTS65001: consent needed for ${missing.join(' ')}`);
    }
    return result(`silent:${request.scopes.join(' ')}${request.forceRefresh ? ':fresh' : ''}`, request.scopes, request.account);
  };
  popup: (request: PopupRequest) => Promise<AuthenticationResult> = async (request) => {
    for (const s of request.scopes) this.consented.add(s);
    if (!this.accounts.includes(katrin)) this.accounts.push(katrin);
    return result(`popup:${request.scopes.join(' ')}`, request.scopes);
  };

  client(): IPublicClientApplication {
    const fake: Partial<IPublicClientApplication> = {
      acquireTokenSilent: (request) => {
        this.silentCalls.push(request);
        return this.silent(request);
      },
      acquireTokenPopup: (request) => {
        this.popupCalls.push(request);
        return this.popup(request);
      },
      getActiveAccount: () => this.active,
      setActiveAccount: (account) => {
        this.active = account;
      },
      getAllAccounts: () => [...this.accounts],
    };
    return fake as IPublicClientApplication;
  }
}

/** A browser runtime's localStorage for one test (Node has none, like Outlook's JavaScript-only runtime). */
function withLocalStorage() {
  const store = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
  });
}
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

function provider(fake: FakeMsal, options: { silentOnly?: boolean; tenantId?: string } = {}) {
  const configurations: Configuration[] = [];
  const instance = new MsalTokenProvider({
    clientId: CLIENT_ID,
    redirectUri: 'https://chefsache.example.com/auth/redirect.html',
    ...options,
    createClient: async (configuration) => {
      configurations.push(configuration);
      return fake.client();
    },
  });
  return { instance, configurations };
}

describe('MsalTokenProvider', () => {
  test('returns a silently acquired token for exactly the requested scopes, without any prompt', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read', 'Sites.Read.All']);
    const { instance } = provider(fake);

    const token = await instance.getToken(['User.Read', 'Sites.Read.All', 'user.read']);

    expect(token).toBe('silent:User.Read Sites.Read.All');
    expect(fake.silentCalls[0]).toMatchObject({ scopes: ['User.Read', 'Sites.Read.All'], account: katrin });
    expect(fake.popupCalls).toHaveLength(0);
  });

  test('forceRefresh after a 401 bypasses the token cache', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read']);
    const { instance } = provider(fake);

    expect(await instance.getToken(['User.Read'], { forceRefresh: true })).toBe('silent:User.Read:fresh');
    expect(fake.silentCalls[0]?.forceRefresh).toBe(true);
  });

  test('asks the user in a popup when Entra ID requires interaction, then stays silent', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read']);
    const { instance } = provider(fake);

    expect(await instance.getToken(['Calendars.ReadWrite'])).toBe('popup:Calendars.ReadWrite');
    expect(fake.popupCalls).toEqual([{ scopes: ['Calendars.ReadWrite'], loginHint: katrin.username }]);
    expect(fake.active).toBe(katrin);

    expect(await instance.getToken(['Calendars.ReadWrite'])).toBe('silent:Calendars.ReadWrite');
    expect(fake.popupCalls).toHaveLength(1);
  });

  test('signs in with a popup when no account is known yet (plain browser, first visit)', async () => {
    const fake = new FakeMsal();
    const { instance } = provider(fake);

    expect(await instance.getToken(['User.Read'])).toBe('popup:User.Read');
    expect(fake.popupCalls[0]).toEqual({ scopes: ['User.Read'] });
    expect(fake.active).toBe(katrin);
  });

  test('a blocked popup becomes PopupBlockedError with a German and English message', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.popup = async () => {
      throw new BrowserAuthError('empty_window_error', 'corr-popup');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['Tasks.ReadWrite']).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PopupBlockedError);
    const blocked = error as PopupBlockedError;
    expect(blocked.code).toBe('popupBlocked');
    expect(words(blocked, 'de')).toContain('Pop-ups');
    expect(words(blocked, 'en')).toContain('pop-ups');
    expect(blocked.scopes).toEqual(['Tasks.ReadWrite']);
    expect(blocked.msalErrorCode).toBe('empty_window_error');
    expect(blocked.correlationId).toBe('corr-popup');
    expect(blocked.message).toContain('empty_window_error');
    expect(blocked.cause).toBeInstanceOf(BrowserAuthError);
  });

  test('a popup that cannot open at all (popup_window_error) is also reported as blocked', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('popup_window_error', 'corr-popup');
    };
    const { instance } = provider(fake);

    await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(PopupBlockedError);
  });

  test('closing the sign-in window becomes SignInCancelledError', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('user_cancelled', 'corr-popup');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInCancelledError);
    expect(words(error as SignInCancelledError, 'de')).toContain('abgebrochen');
  });

  test('an interaction already open elsewhere becomes InteractionInProgressError', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('interaction_in_progress', 'corr-popup');
    };
    const { instance } = provider(fake);

    await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(InteractionInProgressError);
  });

  test('a silent failure that a popup cannot fix (server error) fails without a popup', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.silent = async () => {
      throw new ServerError('temporarily_unavailable', 'AADSTS50000: service unavailable');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInFailedError);
    expect((error as SignInFailedError).message).toContain('temporarily_unavailable');
    expect(fake.popupCalls).toHaveLength(0);
  });

  test('parallel calls that need the user open one popup at a time; the waiting call reuses its consent', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    let popupsOpen = 0;
    let maxOpen = 0;
    const basePopup = fake.popup;
    fake.popup = async (request) => {
      popupsOpen++;
      maxOpen = Math.max(maxOpen, popupsOpen);
      await new Promise((resolve) => setTimeout(resolve, 5));
      popupsOpen--;
      return basePopup(request);
    };
    const { instance } = provider(fake);

    const tokens = await Promise.all([instance.getToken(['Sites.Read.All']), instance.getToken(['Sites.Read.All'])]);

    expect(tokens).toEqual(['popup:Sites.Read.All', 'silent:Sites.Read.All']);
    expect(fake.popupCalls).toHaveLength(1);
    expect(maxOpen).toBe(1);
  });

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
