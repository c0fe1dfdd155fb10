/**
 * Typed sign-in failures of the MSAL token provider. Each carries a bilingual `userMessage` the UI can
 * show as is, the scopes that were asked for, and the original MSAL error as `cause` (with MSAL's
 * `errorCode` and `correlationId` copied out, so a support ticket can quote them). The Graph pipeline
 * wraps provider failures in a GraphAuthError whose `cause` is one of these.
 */
export interface LocalizedText {
  de: string;
  en: string;
}

export type SignInErrorCode =
  | 'silentSignInUnavailable'
  | 'popupBlocked'
  | 'signInCancelled'
  | 'interactionInProgress'
  | 'signInFailed'
  | 'signInNotConfigured';

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
  /** Text for the user, in German and English. */
  readonly userMessage: LocalizedText;
  /** The delegated scopes the failed request asked for. */
  readonly scopes: readonly string[];
  /** MSAL's error code (e.g. `popup_window_error`), when the cause was an MSAL error. */
  readonly msalErrorCode?: string;
  /** MSAL's correlation id, for Entra ID sign-in logs. */
  readonly correlationId?: string;

  protected constructor(userMessage: LocalizedText, scopes: readonly string[], cause?: unknown) {
    const details = msalDetails(cause);
    const detail = describe(cause);
    const parts = [
      userMessage.en,
      `Scopes: ${scopes.join(', ') || '(none)'}.`,
      details.errorCode ? `MSAL error: ${details.errorCode}.` : '',
      detail && detail !== details.errorCode ? `Details: ${detail}` : '',
      details.correlationId ? `Correlation id: ${details.correlationId}.` : '',
    ];
    super(parts.filter(Boolean).join(' '), cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.userMessage = userMessage;
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
    super(
      reason === 'interactionRequired'
        ? {
            de: 'Chefsache konnte Sie beim Senden nicht ohne Rückfrage anmelden. Der Nachweis wird vorgemerkt und beim nächsten Öffnen von Chefsache gespeichert.',
            en: 'Chefsache could not sign you in without asking while sending. The evidence is queued and saved the next time you open Chefsache.',
          }
        : {
            de: 'Chefsache konnte beim Senden kein Zugriffstoken abrufen. Der Nachweis wird vorgemerkt und später gespeichert.',
            en: 'Chefsache could not get an access token while sending. The evidence is queued and saved later.',
          },
      scopes,
      cause,
    );
    this.reason = reason;
  }
}

/** The browser or host blocked the sign-in window. */
export class PopupBlockedError extends SignInError {
  readonly code = 'popupBlocked';

  constructor(scopes: readonly string[], cause?: unknown) {
    super(
      {
        de: 'Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups für diese Seite (Symbol in der Adressleiste) und versuchen Sie es erneut.',
        en: 'The sign-in window was blocked. Allow pop-ups for this site (icon in the address bar) and try again.',
      },
      scopes,
      cause,
    );
  }
}

/** The user closed the sign-in or consent window. */
export class SignInCancelledError extends SignInError {
  readonly code = 'signInCancelled';

  constructor(scopes: readonly string[], cause?: unknown) {
    super(
      {
        de: 'Die Anmeldung wurde abgebrochen. Ohne Anmeldung kann Chefsache diese Daten nicht laden.',
        en: 'Sign-in was cancelled. Chefsache cannot load this data without signing in.',
      },
      scopes,
      cause,
    );
  }
}

/** Another sign-in window is already open (e.g. in a second tab of the app). */
export class InteractionInProgressError extends SignInError {
  readonly code = 'interactionInProgress';

  constructor(scopes: readonly string[], cause?: unknown) {
    super(
      {
        de: 'Es ist bereits ein Anmeldefenster geöffnet. Schließen Sie die Anmeldung dort ab und versuchen Sie es erneut.',
        en: 'A sign-in window is already open. Finish signing in there and try again.',
      },
      scopes,
      cause,
    );
  }
}

/** Any other sign-in failure (network, Entra ID error such as missing admin consent). */
export class SignInFailedError extends SignInError {
  readonly code = 'signInFailed';

  constructor(scopes: readonly string[], cause?: unknown) {
    super(
      {
        de: 'Die Anmeldung bei Microsoft 365 ist fehlgeschlagen. Prüfen Sie die Verbindung; besteht der Fehler weiter, geben Sie Ihrer IT die Fehlerdetails.',
        en: 'Signing in to Microsoft 365 failed. Check your connection; if it persists, give the error details to your IT team.',
      },
      scopes,
      cause,
    );
  }
}

/** The app was built for a tenant without an Entra client id (CHEFSACHE_CLIENT_ID). */
export class SignInNotConfiguredError extends SignInError {
  readonly code = 'signInNotConfigured';

  constructor(detail: string) {
    super(
      {
        de: 'Die Anmeldung ist nicht eingerichtet: Dieser Build von Chefsache kennt keine Entra-App-Registrierung. Wenden Sie sich an Ihre IT.',
        en: 'Sign-in is not set up: this build of Chefsache has no Entra app registration. Contact your IT team.',
      },
      [],
      new Error(detail),
    );
  }
}
