/**
 * The Outlook `messageSending` (OnMessageSend) event handler. Outlook runs it in the event runtime
 * (commands.html on the web and new Outlook, runtime.js in classic Outlook on Windows) before a
 * message leaves. For now it always lets the message go; capturing the mail as evidence and a soft
 * block come in a later issue. The manifest's action id must match ON_SEND_ACTION_ID.
 */
export const ON_SEND_ACTION_ID = 'onMessageSendHandler';

/** The part of `Office.MailboxEvent` the handler uses. */
export interface SendEvent {
  completed(options?: Office.SmartAlertsEventCompletedOptions): void;
}

export function onMessageSendHandler(event: SendEvent): void {
  event.completed({ allowEvent: true });
}

/** The part of `Office.actions` used to register event handlers. */
export interface OfficeActions {
  associate(actionId: string, handler: (event: SendEvent) => void): void;
}

export function registerOnSendHandler(actions: OfficeActions): void {
  actions.associate(ON_SEND_ACTION_ID, onMessageSendHandler);
}
