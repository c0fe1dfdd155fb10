/**
 * The Outlook `messageSending` (OnMessageSend) event handler (send mode `promptUser`). Outlook runs it in the
 * event runtime (commands.html on the web and new Outlook, runtime.js in classic Outlook on
 * Windows) before a message leaves. Whatever happens, the send is allowed: untagged mails at once
 * (no network call), tagged mails once captured (or queued, failed or timed out: the Sent Items
 * sweep is the safety net). The manifest's action id must match ON_SEND_ACTION_ID.
 */
import { captureOnSend, type OnSendDependencies, type OnSendOutcome } from '../features/outlook/onSendCapture';
import type { ComposeMail } from '../features/outlook/composeMail';

export const ON_SEND_ACTION_ID = 'onMessageSendHandler';

/** The part of `Office.MailboxEvent` the handler uses. */
export interface SendEvent {
  completed(options?: Office.SmartAlertsEventCompletedOptions): void;
}

export interface OnSendSetup {
  mail: ComposeMail;
  dependencies: OnSendDependencies;
}

export interface OnSendReporter {
  outcome(outcome: OnSendOutcome): void;
  error(message: string, error: unknown): void;
}

export const consoleReporter: OnSendReporter = {
  outcome: (outcome) => {
    if (outcome.outcome === 'failed') console.error('Chefsache: capture failed; the Sent Items sweep will pick the mail up.', outcome.error);
    else if (outcome.outcome === 'timedOut') console.warn('Chefsache: capture took too long; the Sent Items sweep will pick the mail up.');
    else if (outcome.outcome === 'captured' && outcome.result.status === 'queued') console.warn('Chefsache: evidence store unreachable; capture queued in the outbox.');
  },
  error: (message, error) => console.error(`Chefsache: ${message}`, error),
};

/**
 * A handler for `Office.actions.associate`. `setup` returns undefined when Office gives no compose
 * item (then the send simply goes on).
 */
export function createOnSendHandler(
  setup: () => OnSendSetup | undefined,
  reporter: OnSendReporter = consoleReporter,
): (event: SendEvent) => Promise<OnSendOutcome | undefined> {
  return async (event) => {
    let outcome: OnSendOutcome | undefined;
    try {
      const ready = setup();
      if (ready) {
        outcome = await captureOnSend(ready.mail, ready.dependencies);
        reporter.outcome(outcome);
      }
    } catch (error) {
      reporter.error('the on-send handler failed; the message is sent anyway.', error);
    } finally {
      event.completed({ allowEvent: true });
    }
    return outcome;
  };
}

/** The part of `Office.actions` used to register event handlers. */
export interface OfficeActions {
  associate(actionId: string, handler: (event: SendEvent) => unknown): void;
}

export function registerOnSendHandler(actions: OfficeActions, handler: (event: SendEvent) => unknown): void {
  actions.associate(ON_SEND_ACTION_ID, handler);
}
