/**
 * Sending: the sender's copy in Sent Items and a copy in each tenant recipient's Inbox (groups are
 * expanded to their members). Used by POST /me/sendMail and by the admin action "mail sent from
 * another client" (a phone or Outlook on the web, where the add-in does not run).
 */
import type { Store } from '../../store/store';
import { GraphError } from '../../http/graphError';
import { findUser, groups, membersOf } from '../identity/directory';
import { messages, newInternetMessageId, newMessageId, type MailAddress, type MessageData, type MessageHeader } from './model';

export interface OutgoingMail {
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  bccRecipients: MailAddress[];
  categories: string[];
  /** Custom headers only (x-...). */
  headers: MessageHeader[];
  importance?: 'low' | 'normal' | 'high';
}

export interface SentMail {
  id: string;
  internetMessageId: string;
  sentDateTime: string;
}

function addressOf(value: unknown): MailAddress | undefined {
  const email = (value as { emailAddress?: { address?: unknown; name?: unknown } } | undefined)?.emailAddress;
  if (!email || typeof email.address !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.address)) return undefined;
  return { emailAddress: { address: email.address, name: typeof email.name === 'string' && email.name ? email.name : email.address } };
}

function recipients(value: unknown, field: string): MailAddress[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new GraphError(400, 'ErrorInvalidRecipients', `The property '${field}' must be a collection of recipients.`);
  return value.map((entry) => {
    const address = addressOf(entry);
    if (!address) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., A message can\'t be sent because it contains no recipients.');
    return address;
  });
}

/** Reads Graph's message JSON (sendMail's `message`). */
export function outgoingFromJson(message: unknown): OutgoingMail {
  if (typeof message !== 'object' || message === null) throw new GraphError(400, 'ErrorInvalidRequest', 'The message parameter is required.');
  const m = message as Record<string, unknown>;
  const body = (m.body ?? {}) as { contentType?: unknown; content?: unknown };
  const contentType = typeof body.contentType === 'string' && body.contentType.toLowerCase() === 'html' ? 'html' : 'text';
  const headers: MessageHeader[] = [];
  for (const header of Array.isArray(m.internetMessageHeaders) ? (m.internetMessageHeaders as unknown[]) : []) {
    const h = header as { name?: unknown; value?: unknown };
    if (typeof h.name !== 'string' || typeof h.value !== 'string') throw new GraphError(400, 'InvalidInternetMessageHeader', 'An internet message header needs a name and a value.');
    if (!/^x-/i.test(h.name)) {
      throw new GraphError(400, 'InvalidInternetMessageHeader', `The internet message header name '${h.name}' should start with 'x-' or 'X-'.`);
    }
    headers.push({ name: h.name, value: h.value });
  }
  const out: OutgoingMail = {
    subject: typeof m.subject === 'string' ? m.subject : '',
    body: { contentType, content: typeof body.content === 'string' ? body.content : '' },
    toRecipients: recipients(m.toRecipients, 'toRecipients'),
    ccRecipients: recipients(m.ccRecipients, 'ccRecipients'),
    bccRecipients: recipients(m.bccRecipients, 'bccRecipients'),
    categories: Array.isArray(m.categories) ? m.categories.filter((c): c is string => typeof c === 'string') : [],
    headers,
  };
  if (out.toRecipients.length + out.ccRecipients.length + out.bccRecipients.length === 0) {
    throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., A message can\'t be sent because it contains no recipients.');
  }
  return out;
}

function formatAddress(a: MailAddress): string {
  return a.emailAddress.name && a.emailAddress.name !== a.emailAddress.address ? `"${a.emailAddress.name}" <${a.emailAddress.address}>` : a.emailAddress.address;
}

/** Tenant users reached by an address (a user's mail/UPN, or a group's mail expanded to members). */
function mailboxesFor(store: Store, address: string): string[] {
  const lower = address.toLowerCase();
  const user = findUser(store, address) ?? undefined;
  if (user?.id) return [user.id];
  const byMail = groups(store).find((g) => (g.mail ?? '').toLowerCase() === lower);
  if (byMail) return membersOf(store, byMail.id).map((u) => u.id ?? '').filter(Boolean);
  const userByMail = findUserByMail(store, lower);
  return userByMail ? [userByMail] : [];
}

function findUserByMail(store: Store, lower: string): string | undefined {
  const c = store.collection<{ id?: string; mail?: string | null }>('directory.users');
  return c.find((u) => (u.mail ?? '').toLowerCase() === lower)?.data.id ?? undefined;
}

export function deliver(store: Store, senderId: string, mail: OutgoingMail, options: { now: Date; saveToSentItems: boolean; domain: string }): SentMail {
  const sender = findUser(store, senderId);
  if (!sender?.id) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${senderId}' is invalid.`);
  const from: MailAddress = { emailAddress: { name: sender.displayName ?? sender.userPrincipalName ?? '', address: sender.mail ?? sender.userPrincipalName ?? '' } };
  const sentDateTime = new Date(Math.floor(options.now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const internetMessageId = newInternetMessageId(options.domain);
  const conversationId = `AAQkAGM${Buffer.from(internetMessageId).toString('base64url').slice(0, 40)}`;
  const standardHeaders: MessageHeader[] = [
    { name: 'From', value: formatAddress(from) },
    ...(mail.toRecipients.length ? [{ name: 'To', value: mail.toRecipients.map(formatAddress).join(', ') }] : []),
    ...(mail.ccRecipients.length ? [{ name: 'CC', value: mail.ccRecipients.map(formatAddress).join(', ') }] : []),
    { name: 'Subject', value: mail.subject },
    { name: 'Date', value: new Date(sentDateTime).toUTCString().replace('GMT', '+0000') },
    { name: 'Message-ID', value: internetMessageId },
    { name: 'MIME-Version', value: '1.0' },
    { name: 'Content-Type', value: mail.body.contentType === 'html' ? 'text/html; charset="utf-8"' : 'text/plain; charset="utf-8"' },
    ...mail.headers,
  ];
  const base = (folder: MessageData['folder'], isRead: boolean, withBcc: boolean, categories: string[]): MessageData => ({
    folder,
    createdDateTime: sentDateTime,
    lastModifiedDateTime: sentDateTime,
    receivedDateTime: sentDateTime,
    sentDateTime,
    internetMessageId,
    conversationId,
    subject: mail.subject,
    body: mail.body,
    importance: mail.importance ?? 'normal',
    isRead,
    isDraft: false,
    categories,
    from,
    toRecipients: mail.toRecipients,
    ccRecipients: mail.ccRecipients,
    bccRecipients: withBcc ? mail.bccRecipients : [],
    replyTo: [],
    headers: standardHeaders,
    flag: { flagStatus: 'notFlagged' },
  });
  const all = messages(store);
  return store.transaction(() => {
    const id = newMessageId();
    if (options.saveToSentItems) all.insert(base('sentitems', true, true, mail.categories), { id, parentId: sender.id ?? null, at: options.now });
    const reached = new Set<string>();
    for (const r of [...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients]) {
      for (const userId of mailboxesFor(store, r.emailAddress.address)) reached.add(userId);
    }
    // Categories are the sender's own; recipients get the mail without them.
    for (const userId of reached) all.insert(base('inbox', false, false, []), { id: newMessageId(), parentId: userId, at: options.now });
    return { id, internetMessageId, sentDateTime };
  });
}
