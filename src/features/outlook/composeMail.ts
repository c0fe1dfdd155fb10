/**
 * The compose item as the capture logic sees it: an adapter over Office.js
 * (src/outlook/officeCompose.ts) or a test double. Only calls the event runtime supports.
 */

export type RecipientKind = 'user' | 'group' | 'distributionList' | 'externalUser' | 'other';

export interface MailRecipient {
  displayName: string;
  emailAddress: string;
  kind: RecipientKind;
}

export interface MailAuthor {
  displayName: string;
  emailAddress: string;
}

export interface ComposeMail {
  getCategories(): Promise<string[]>;
  addCategories(names: readonly string[]): Promise<void>;
  removeCategories(names: readonly string[]): Promise<void>;
  /** Values of the named internet headers that are set (lower-case names). */
  getHeaders(names: readonly string[]): Promise<Record<string, string>>;
  setHeaders(headers: Record<string, string>): Promise<void>;
  removeHeaders(names: readonly string[]): Promise<void>;
  /** The add-in's custom property of the item (Office.js customProperties: not sent to recipients). */
  getCustomProperty(name: string): Promise<string | undefined>;
  /** Sets (a string) or removes (undefined) a custom property and saves it to the item. */
  setCustomProperty(name: string, value: string | undefined): Promise<void>;
  getSubject(): Promise<string>;
  getBodyHtml(): Promise<string>;
  getBodyText(): Promise<string>;
  /** To, Cc and Bcc together. */
  getRecipients(): Promise<MailRecipient[]>;
}

/** The mailbox's master category list (Office.context.mailbox.masterCategories). */
export interface MasterCategories {
  list(): Promise<{ displayName: string; color: string }[]>;
  add(name: string, color: string): Promise<void>;
}
