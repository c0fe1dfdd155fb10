/**
 * Typed sign-in failures of the MSAL token provider. Each carries a `userMessage` (a typed key of
 * `auth.signIn.*` in src/i18n/locales/features/auth.{de,en}.json) the UI translates, the scopes that
 * were asked for, and the original MSAL error as `cause` (with MSAL's `errorCode` and `correlationId`
 * copied out, so a support ticket can quote them). The Graph pipeline wraps provider failures in a
 * GraphAuthError whose `cause` is one of these.
 */
import { createTranslator, type AppMessage } from '../i18n/translate';

export type SignInErrorCode =
  | 'silentSignInUnavailable'
  | 'popupBlocked'
  | 'signInCancelled'
  | 'interactionInProgress'
  | 'signInFailed'
  | 'signInNotConfigured';

/** The key of a sign-in failure's text: `auth.signIn.<code>` (the silent one per reason). */
type SignInMessageKey = Extract<AppMessage['key'], `auth.signIn.${string}`>;

interface MsalErrorDetails {
  errorCode?: string;
  correlationId?: string;
}

function msalDetails(cause: unknown): MsalErrorDetails {
  if (typeof cause !== 'object' || cause === null) return {};
  const record = cause as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const errorCode = text(record.errorCode);
  const correlationId = text(record.correlationId);
  return { ...(errorCode ? { errorCode } : {}), ...(correlationId ? { correlationId } : {}) };
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return cause === undefined ? '' : String(cause);
}

export abstract class SignInError extends Error {
  abstract readonly code: SignInErrorCode;
  /** Text for the user, as a key of the locale files. */
  readonly userMessage: AppMessage;
  /** The delegated scopes the failed request asked for. */
  readonly scopes: readonly string[];
  /** MSAL's error code (e.g. `popup_window_error`), when the cause was an MSAL error. */
  readonly msalErrorCode?: string;
  /** MSAL's correlation id, for Entra ID sign-in logs. */
  readonly correlationId?: string;

  protected constructor(key: SignInMessageKey, scopes: readonly string[], cause?: unknown) {
    const details = msalDetails(cause);
    const detail = describe(cause);
    const parts = [
      createTranslator('en')(key),
      `Scopes: ${scopes.join(', ') || '(none)'}.`,
      details.errorCode ? `MSAL error: ${details.errorCode}.` : '',
      detail && detail !== details.errorCode ? `Details: ${detail}` : '',
      details.correlationId ? `Correlation id: ${details.correlationId}.` : '',
    ];
    super(parts.filter(Boolean).join(' '), cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.userMessage = { key };
    this.scopes = [...scopes];
    if (details.errorCode) this.msalErrorCode = details.errorCode;
    if (details.correlationId) this.correlationId = details.correlationId;
  }
}

/**
 * Thrown in silent-only mode (the Outlook on-send runtime, where no window may open) when a token
 * cannot be had without the user. The caller must not block the send: it queues the capture
 * in the outbox and finishes it later from the task pane.
 */
export class SilentSignInUnavailableError extends SignInError {
  readonly code = 'silentSignInUnavailable';
  /** `interactionRequired`: consent or sign-in needed; `failed`: any other silent failure (e.g. offline). */
  readonly reason: 'interactionRequired' | 'failed';

  constructor(scopes: readonly string[], reason: 'interactionRequired' | 'failed', cause?: unknown) {
    super(`auth.signIn.silentSignInUnavailable.${reason}`, scopes, cause);
    this.reason = reason;
  }
}

/** A failure that needs nothing but the scopes and its cause; its text is `auth.signIn.<code>`. */
function plainSignInError<C extends Exclude<SignInErrorCode, 'silentSignInUnavailable' | 'signInNotConfigured'>>(code: C) {
  return class extends SignInError {
    readonly code: C = code;
    constructor(scopes: readonly string[], cause?: unknown) {
      super(`auth.signIn.${code}`, scopes, cause);
    }
  };
}

/** The browser or host blocked the sign-in window. */
export class PopupBlockedError extends plainSignInError('popupBlocked') {}

/** The user closed the sign-in or consent window. */
export class SignInCancelledError extends plainSignInError('signInCancelled') {}

/** Another sign-in window is already open (e.g. in a second tab of the app). */
export class InteractionInProgressError extends plainSignInError('interactionInProgress') {}

/** Any other sign-in failure (network, Entra ID error such as missing admin consent). */
export class SignInFailedError extends plainSignInError('signInFailed') {}

/** The app was built for a tenant without an Entra client id (CHEFSACHE_CLIENT_ID). */
export class SignInNotConfiguredError extends SignInError {
  readonly code = 'signInNotConfigured';
  constructor(detail: string) {
    super('auth.signIn.signInNotConfigured', [], new Error(detail));
  }
}
