import {
  type AccountInfo,
  AuthError,
  type AuthenticationResult,
  type Configuration,
  createNestablePublicClientApplication,
  type IPublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import { z } from 'zod';
import type { TokenProvider, TokenRequestOptions } from '../graph/tokenProvider';
import { normalizeScopes } from './scopes';
import {
  InteractionInProgressError,
  PopupBlockedError,
  SignInCancelledError,
  type SignInError,
  SignInFailedError,
  SignInNotConfiguredError,
  SilentSignInUnavailableError,
} from './signInErrors';

/**
 * TokenProvider on MSAL.js with nested app authentication (NAA).
 *
 * - In Teams and Outlook, `createNestablePublicClientApplication` brokers sign-in through the host:
 *   no prompt where the host already has the user (single sign-on). Elsewhere (plain browser) it falls
 *   back to MSAL's standard browser flow.
 * - Every `getToken` first tries `acquireTokenSilent` for exactly the requested scopes (incremental
 *   consent, see scopes.ts). When Entra ID needs the user (consent, MFA, expired session), it opens a
 *   popup — one at a time — unless the provider is `silentOnly`.
 * - `silentOnly` is for the Outlook on-send runtime, where no window may open: any silent failure
 *   becomes a SilentSignInUnavailableError so the caller queues the capture instead of blocking the send.
 *
 * Create it after the host SDK is initialized (teams-js `app.initialize()` / `Office.onReady()`),
 * so MSAL can find the host's auth bridge.
 */
export interface MsalTokenProviderOptions {
  /** Application (client) ID of the Entra app registration (CHEFSACHE_CLIENT_ID). */
  clientId: string;
  /**
   * Directory (tenant) ID or domain. Required for a single-tenant app registration (the default in
   * the Entra admin center); without it the authority is `organizations` (any work or school account).
   */
  tenantId?: string;
  /**
   * Redirect URI for the standard browser flow outside Teams/Outlook: a page that runs MSAL's redirect
   * bridge (src/auth/redirect.html). Register it as a SPA redirect URI. Default: `<origin>/auth/redirect.html`.
   */
  redirectUri?: string;
  /** Never open a window: fail with SilentSignInUnavailableError instead (Outlook event runtime). */
  silentOnly?: boolean;
  /** Creates the MSAL client; tests pass a fake. Default: MSAL's `createNestablePublicClientApplication`. */
  createClient?: (configuration: Configuration) => Promise<IPublicClientApplication>;
}

const optionsSchema = z.object({
  clientId: z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID'),
  tenantId: z.string().trim().min(1).optional(),
  redirectUri: z.string().url().optional(),
  silentOnly: z.boolean().optional(),
});

export const REDIRECT_BRIDGE_PATH = '/auth/redirect.html';

/** The MSAL configuration Chefsache uses. */
export function msalConfiguration(options: Pick<MsalTokenProviderOptions, 'clientId' | 'tenantId' | 'redirectUri'>): Configuration {
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  const redirectUri = options.redirectUri ?? (origin ? `${origin}${REDIRECT_BRIDGE_PATH}` : undefined);
  return {
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenantId ?? 'organizations'}`,
      ...(redirectUri ? { redirectUri } : {}),
    },
    cache: { cacheLocation: msalCacheLocation() },
  };
}

/**
 * localStorage where the runtime has it: a signed-in user stays signed in across the tab, the task
 * pane and new windows. Classic Outlook on Windows runs the on-send handler in a JavaScript-only
 * runtime without localStorage ("Runtimes in Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/testing/runtimes): there MSAL keeps its cache in memory.
 */
export function msalCacheLocation(): 'localStorage' | 'memoryStorage' {
  return typeof globalThis.localStorage === 'undefined' ? 'memoryStorage' : 'localStorage';
}

const POPUP_BLOCKED_CODES = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups']);
const CANCELLED_CODES = new Set(['user_cancelled', 'user_canceled']);
/** Silent failures that only the user can resolve (besides InteractionRequiredAuthError itself). */
const NEEDS_USER_CODES = new Set(['no_account_error', 'no_account_found', 'no_tokens_found', 'native_account_unavailable']);

function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return error instanceof AuthError && NEEDS_USER_CODES.has(error.errorCode);
}

function interactiveFailure(error: unknown, scopes: readonly string[]): SignInError {
  const code = error instanceof AuthError ? error.errorCode : undefined;
  if (code && POPUP_BLOCKED_CODES.has(code)) return new PopupBlockedError(scopes, error);
  if (code && CANCELLED_CODES.has(code)) return new SignInCancelledError(scopes, error);
  if (code === 'interaction_in_progress') return new InteractionInProgressError(scopes, error);
  return new SignInFailedError(scopes, error);
}

export class MsalTokenProvider implements TokenProvider {
  private readonly configuration: Configuration;
  private readonly silentOnly: boolean;
  private readonly createClient: (configuration: Configuration) => Promise<IPublicClientApplication>;
  private client: Promise<IPublicClientApplication> | undefined;
  /** Popups run one after another: MSAL allows a single interaction at a time. */
  private interactiveQueue: Promise<unknown> = Promise.resolve();

  constructor(options: MsalTokenProviderOptions) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) {
      throw new SignInNotConfiguredError(
        `Invalid MSAL settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`,
      );
    }
    this.configuration = msalConfiguration(parsed.data);
    this.silentOnly = parsed.data.silentOnly ?? false;
    this.createClient = options.createClient ?? createNestablePublicClientApplication;
  }

  async getToken(scopes: readonly string[], options: TokenRequestOptions = {}): Promise<string> {
    const wanted = normalizeScopes(scopes);
    if (wanted.length === 0) throw new SignInFailedError([], new Error('getToken needs at least one scope.'));
    const client = await this.pca(wanted);
    const forceRefresh = options.forceRefresh ?? false;

    try {
      return this.accept(client, await this.silent(client, wanted, forceRefresh));
    } catch (error) {
      if (this.silentOnly) {
        throw new SilentSignInUnavailableError(wanted, needsInteraction(error) ? 'interactionRequired' : 'failed', error);
      }
      if (!needsInteraction(error)) throw new SignInFailedError(wanted, error);
    }
    return this.exclusive(async () => {
      // A popup that ran while this call waited may have covered these scopes already.
      try {
        return this.accept(client, await this.silent(client, wanted, false));
      } catch (error) {
        if (!needsInteraction(error)) throw new SignInFailedError(wanted, error);
      }
      let result: AuthenticationResult;
      try {
        const account = this.account(client);
        result = await client.acquireTokenPopup({
          scopes: wanted,
          ...(account?.username ? { loginHint: account.username } : {}),
        });
      } catch (error) {
        throw interactiveFailure(error, wanted);
      }
      return this.accept(client, result);
    });
  }

  private pca(scopes: readonly string[]): Promise<IPublicClientApplication> {
    if (!this.client) {
      this.client = this.createClient(this.configuration).catch((error: unknown) => {
        this.client = undefined; // let the next call try again
        throw this.silentOnly ? new SilentSignInUnavailableError(scopes, 'failed', error) : new SignInFailedError(scopes, error);
      });
    }
    return this.client;
  }

  private account(client: IPublicClientApplication): AccountInfo | undefined {
    return client.getActiveAccount() ?? client.getAllAccounts()[0] ?? undefined;
  }

  private silent(client: IPublicClientApplication, scopes: string[], forceRefresh: boolean): Promise<AuthenticationResult> {
    const account = this.account(client);
    return client.acquireTokenSilent({ scopes, ...(account ? { account } : {}), ...(forceRefresh ? { forceRefresh } : {}) });
  }

  private accept(client: IPublicClientApplication, result: AuthenticationResult): string {
    if (!result.accessToken) {
      throw new SignInFailedError(result.scopes ?? [], new Error('MSAL returned no access token.'));
    }
    if (result.account && !client.getActiveAccount()) client.setActiveAccount(result.account);
    return result.accessToken;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.interactiveQueue.then(task, task);
    this.interactiveQueue = run.catch(() => undefined);
    return run;
  }
}

export function createMsalTokenProvider(options: MsalTokenProviderOptions): MsalTokenProvider {
  return new MsalTokenProvider(options);
}
