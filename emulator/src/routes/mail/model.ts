/**
 * Mailbox data: messages per user (collection `mail.messages`, parentId = owner's user id) in the
 * well-known folders, and each user's master category list (`mail.categories`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store, StoredResource } from '../../store/store';

export const WELL_KNOWN_FOLDERS = ['inbox', 'sentitems', 'drafts', 'deleteditems'] as const;
export type FolderName = (typeof WELL_KNOWN_FOLDERS)[number];

export const FOLDER_DISPLAY_NAMES: Record<FolderName, string> = {
  inbox: 'Posteingang',
  sentitems: 'Gesendete Elemente',
  drafts: 'Entwürfe',
  deleteditems: 'Gelöschte Elemente',
};

export interface MailAddress {
  emailAddress: { name: string; address: string };
}

export interface MessageHeader {
  name: string;
  value: string;
}

export interface MessageData {
  folder: FolderName;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  importance: 'low' | 'normal' | 'high';
  isRead: boolean;
  isDraft: boolean;
  categories: string[];
  from: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  bccRecipients: MailAddress[];
  replyTo: MailAddress[];
  /** Every header of the message, custom x- headers included: the MIME (`$value`) header block; as
   *  `internetMessageHeaders` only on received copies (serialize.ts `hasTransportHeaders`). */
  headers: MessageHeader[];
  flag: { flagStatus: 'notFlagged' | 'flagged' | 'complete' };
}

export interface CategoryData {
  displayName: string;
  color: string;
}

export function messages(store: Store) {
  return store.collection<MessageData>('mail.messages');
}

export function categories(store: Store) {
  return store.collection<CategoryData>('mail.categories');
}

export type StoredMessage = StoredResource<MessageData>;

/** Exchange-style opaque ids (base64, URL-safe here). */
export function newMessageId(): string {
  return `AAMkAGM${randomBytes(33).toString('base64url')}`;
}

/** A stable folder id per user and well-known name. */
export function folderId(userId: string, folder: FolderName): string {
  return `AAMkAGMfolder${createHash('sha256').update(`${userId}/${folder}`).digest('base64url').slice(0, 40)}`;
}

export function folderByIdOrName(userId: string, idOrName: string): FolderName | undefined {
  const lower = idOrName.toLowerCase();
  for (const name of WELL_KNOWN_FOLDERS) if (name === lower || folderId(userId, name) === idOrName) return name;
  return undefined;
}

export function newInternetMessageId(domain: string): string {
  return `<${randomBytes(16).toString('hex').toUpperCase()}@${domain}>`;
}

/** changeKey changes on every write (Graph: an opaque version string). */
export function changeKey(message: StoredMessage): string {
  return createHash('sha256').update(`${message.id}/${message.version}`).digest('base64').slice(0, 28);
}
