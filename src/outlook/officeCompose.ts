/**
 * Office.js behind the ComposeMail / MasterCategories contracts (src/features/outlook). Only APIs
 * the event runtime supports (no dialogs, no UI), so the task pane and the on-send handler share it.
 */
import type { ComposeMail, MailAuthor, MailRecipient, MasterCategories, RecipientKind } from '../features/outlook/composeMail';
import { officeCall } from './officeAsync';

const HTML = 'html' as Office.CoercionType;
const TEXT = 'text' as Office.CoercionType;

function recipientKind(type: string | undefined): RecipientKind {
  switch (type) {
    case 'user':
    case 'externalUser':
    case 'distributionList':
    case 'group':
      return type;
    default:
      return 'other';
  }
}

function toRecipients(list: readonly Office.EmailAddressDetails[] | undefined): MailRecipient[] {
  return (list ?? []).map((r) => ({ displayName: r.displayName ?? '', emailAddress: r.emailAddress ?? '', kind: recipientKind(r.recipientType as string | undefined) }));
}

export function officeComposeMail(item: Office.MessageCompose): ComposeMail {
  return {
    getCategories: async () => (await officeCall<Office.CategoryDetails[]>('reading categories', (cb) => item.categories.getAsync(cb))).map((c) => c.displayName),
    addCategories: (names) => officeCall<void>('adding a category', (cb) => item.categories.addAsync([...names], cb)),
    removeCategories: (names) => officeCall<void>('removing a category', (cb) => item.categories.removeAsync([...names], cb)),
    getHeaders: async (names) => {
      const values = await officeCall<Record<string, string>>('reading internet headers', (cb) => item.internetHeaders.getAsync([...names], cb));
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(values ?? {})) if (typeof value === 'string' && value !== '') out[key.toLowerCase()] = value;
      return out;
    },
    setHeaders: (headers) => officeCall<void>('setting an internet header', (cb) => item.internetHeaders.setAsync(headers, cb)),
    removeHeaders: (names) => officeCall<void>('removing an internet header', (cb) => item.internetHeaders.removeAsync([...names], cb)),
    getCustomProperty: async (name) => {
      const props = await officeCall<Office.CustomProperties>('reading the custom properties', (cb) => item.loadCustomPropertiesAsync(cb));
      const value: unknown = props.get(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    setCustomProperty: async (name, value) => {
      const props = await officeCall<Office.CustomProperties>('reading the custom properties', (cb) => item.loadCustomPropertiesAsync(cb));
      if (value === undefined) props.remove(name);
      else props.set(name, value);
      await officeCall<void>('saving the custom properties', (cb) => props.saveAsync(cb));
    },
    getSubject: () => officeCall<string>('reading the subject', (cb) => item.subject.getAsync(cb)),
    getBodyHtml: () => officeCall<string>('reading the body', (cb) => item.body.getAsync(HTML, cb)),
    getBodyText: () => officeCall<string>('reading the body', (cb) => item.body.getAsync(TEXT, cb)),
    getRecipients: async () => {
      const [to, cc, bcc] = await Promise.all([
        officeCall<Office.EmailAddressDetails[]>('reading recipients', (cb) => item.to.getAsync(cb)),
        officeCall<Office.EmailAddressDetails[]>('reading recipients', (cb) => item.cc.getAsync(cb)),
        officeCall<Office.EmailAddressDetails[]>('reading recipients', (cb) => item.bcc.getAsync(cb)),
      ]);
      return [...toRecipients(to), ...toRecipients(cc), ...toRecipients(bcc)];
    },
  };
}

/** Inserts HTML at the cursor (replacing a selection). */
export function insertHtmlAtCursor(item: Office.MessageCompose, html: string): Promise<void> {
  return officeCall<void>('inserting the template', (cb) => item.body.setSelectedDataAsync(html, { coercionType: HTML }, cb));
}

export function officeMasterCategories(mailbox: Office.Mailbox): MasterCategories {
  return {
    list: async () =>
      (await officeCall<Office.CategoryDetails[]>('reading the category list', (cb) => mailbox.masterCategories.getAsync(cb))).map((c) => ({
        displayName: c.displayName,
        color: String(c.color),
      })),
    add: (name, color) =>
      officeCall<void>('creating the category', (cb) => mailbox.masterCategories.addAsync([{ displayName: name, color: color as unknown as Office.MailboxEnums.CategoryColor }], cb)),
  };
}

export function mailboxAuthor(mailbox: Office.Mailbox): MailAuthor {
  const profile = mailbox.userProfile;
  return { displayName: profile.displayName, emailAddress: profile.emailAddress };
}
