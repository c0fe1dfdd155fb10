/** Graph's message, mailFolder and outlookCategory shapes (default property sets, as documented). */
import type { GraphContext } from '../../http/context';
import type { Resource } from '../../odata';
import type { StoredResource } from '../../store/store';
import { changeKey, FOLDER_DISPLAY_NAMES, folderId, messages, type CategoryData, type FolderName, type StoredMessage } from './model';

/** Properties $select may name on a message. */
export const MESSAGE_PROPERTIES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime',
  'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId',
  'conversationIndex', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink',
  'inferenceClassification', 'body', 'uniqueBody', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients',
  'replyTo', 'flag', 'internetMessageHeaders', 'attachments', 'extensions',
];

function preview(body: { contentType: string; content: string }): string {
  const text = body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ') : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/**
 * Only a copy that came in through transport (a received mail) carries `internetMessageHeaders`.
 * The sender's Sent Items copy has none, not even the custom x- headers it was sent with; they are
 * in its MIME (`$value`) and on the recipients' copies. Sources: OfficeDev/office-js#5413
 * "Message internetHeaders are not available in message when it is in the sent items folder"
 * (https://github.com/OfficeDev/office-js/issues/5413) and microsoftgraph/microsoft-graph-docs#2716
 * "No internetMessageHeaders in sent messages" ("internet headers just do not exist on the copy in
 * Sent Items", https://github.com/microsoftgraph/microsoft-graph-docs/issues/2716).
 */
export function hasTransportHeaders(message: StoredMessage): boolean {
  return message.data.folder !== 'sentitems' && message.data.folder !== 'drafts';
}

/**
 * The message with Graph's default properties. `internetMessageHeaders` only when `$select`
 * names it (Graph leaves it out otherwise) and the copy has them (`hasTransportHeaders`); body
 * and headers need Mail.Read.
 */
export function messageJson(ctx: GraphContext, message: StoredMessage, options: { withHeaders: boolean; withBody: boolean }): Resource {
  const m = message.data;
  const key = changeKey(message);
  const json: Resource = {
    '@odata.etag': `W/"${key}"`,
    id: message.id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: key,
    categories: m.categories,
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: false,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: options.withBody ? preview(m.body) : '',
    importance: m.importance,
    parentFolderId: folderId(message.parentId ?? '', m.folder),
    conversationId: m.conversationId,
    conversationIndex: Buffer.from(m.conversationId).toString('base64').slice(0, 30),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: m.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: options.withBody ? m.body : { contentType: m.body.contentType, content: '' },
    sender: m.from,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    flag: m.flag,
  };
  if (options.withHeaders && hasTransportHeaders(message)) json.internetMessageHeaders = m.headers;
  void ctx;
  return json;
}

export function folderJson(ctx: GraphContext, userId: string, folder: FolderName): Resource {
  const all = messages(ctx.store).list({ parentId: userId }).filter((m) => m.data.folder === folder);
  return {
    id: folderId(userId, folder),
    displayName: FOLDER_DISPLAY_NAMES[folder],
    parentFolderId: folderId(userId, 'inbox').replace('folder', 'root'),
    childFolderCount: 0,
    unreadItemCount: all.filter((m) => !m.data.isRead).length,
    totalItemCount: all.length,
    sizeInBytes: all.reduce((sum, m) => sum + m.data.body.content.length, 0),
    isHidden: false,
  };
}

export function categoryJson(category: StoredResource<CategoryData>): Resource {
  return { id: category.id, displayName: category.data.displayName, color: category.data.color };
}
