/** A stand-in for MSAL's public client and a provider wired to it, for the MsalTokenProvider tests. */
import {
  type AccountInfo,
  type AuthenticationResult,
  BrowserAuthError,
  type Configuration,
  type IPublicClientApplication,
  InteractionRequiredAuthError,
  type PopupRequest,
  type SilentRequest,
} from '@azure/msal-browser';
import { MsalTokenProvider } from '../msalTokenProvider';

export const CLIENT_ID = '6b1f7a52-4c1e-4d5e-9f61-2a7c0e9b8d31';

export const katrin: AccountInfo = {
  homeAccountId: 'oid-katrin.tid-muster',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid-muster',
  username: 'katrin.berger@mustergmbh.onmicrosoft.com',
  localAccountId: 'oid-katrin',
  name: 'Katrin Berger',
};

export function result(accessToken: string, scopes: string[], account: AccountInfo = katrin): AuthenticationResult {
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
export class FakeMsal {
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
export function withLocalStorage() {
  const store = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
  });
}

export function provider(fake: FakeMsal, options: { silentOnly?: boolean; tenantId?: string } = {}) {
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
