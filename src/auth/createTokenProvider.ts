import type { AppConfig } from '../config';
import type { TokenProvider } from '../graph/tokenProvider';
import type { HostKind } from '../host';
import type { AppMessage } from '../i18n/translate';
import { createEmulatorTokenProvider } from './emulatorTokenProvider';
import type { MsalTokenProviderOptions } from './msalTokenProvider';
import { SignInNotConfiguredError } from './signInErrors';

export interface TokenProviderRequest {
  config: AppConfig;
  host: HostKind;
  /** The demo user picked in emulator mode (userPrincipalName or id). */
  demoUserUpn?: string | null;
  /** The Outlook event runtime: never open a window (MSAL only). */
  silentOnly?: boolean;
}

/** Emulator mode was asked to sign in without a demo user: the UI must offer the picker first. */
export class DemoUserRequiredError extends Error {
  readonly userMessage: AppMessage = { key: 'auth.demoUserRequired' };

  constructor() {
    super('Emulator sign-in needs a demo user (userPrincipalName); none was chosen.');
    this.name = 'DemoUserRequiredError';
  }
}

/**
 * The one place that decides how Chefsache signs in.
 *
 * - `auth: 'emulator'` (npm start, browser tests): the picked demo user signs in at the local
 *   emulator's admin API — in any host, so a sideloaded dev build can show the demo company too.
 * - `auth: 'msal'`: MSAL with nested app auth in Teams and Outlook, the standard browser flow in a
 *   plain browser (MSAL decides that itself). Needs CHEFSACHE_CLIENT_ID.
 */
export function createTokenProvider(request: TokenProviderRequest): TokenProvider {
  const { config } = request;
  if (config.auth === 'emulator') {
    if (!config.emulatorUrl) {
      throw new SignInNotConfiguredError('auth is "emulator" but no emulatorUrl is configured (CHEFSACHE_EMULATOR_URL).');
    }
    if (!request.demoUserUpn) throw new DemoUserRequiredError();
    return createEmulatorTokenProvider({ emulatorUrl: config.emulatorUrl, user: request.demoUserUpn });
  }
  if (!config.clientId) {
    throw new SignInNotConfiguredError(
      `auth is "msal" (host: ${request.host}) but no Entra client id is configured (CHEFSACHE_CLIENT_ID).`,
    );
  }
  return lazyMsalTokenProvider({
    clientId: config.clientId,
    ...(config.tenantId ? { tenantId: config.tenantId } : {}),
    ...(request.silentOnly ? { silentOnly: true } : {}),
  });
}

/**
 * MSAL (~70 KB gzip) is loaded on the first token request, so the emulator demo never downloads it.
 * Invalid options surface then, as the provider's typed SignInNotConfiguredError.
 */
function lazyMsalTokenProvider(options: MsalTokenProviderOptions): TokenProvider {
  let provider: Promise<TokenProvider> | undefined;
  return {
    getToken(scopes, tokenOptions) {
      provider ??= import('./msalTokenProvider').then((msal) => msal.createMsalTokenProvider(options));
      // A failed construction is not cached: a retry tries again.
      provider.catch(() => (provider = undefined));
      return provider.then((msal) => msal.getToken(scopes, tokenOptions));
    },
  };
}
