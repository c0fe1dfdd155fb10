/**
 * Mail routes (delegated, the signed-in user's own mailbox):
 *   GET   /me/messages, /me/messages/{id}, /me/messages/{id}/$value
 *   PATCH /me/messages/{id}                                 categories, isRead, flag, importance
 *   GET   /me/mailFolders, /me/mailFolders/{id}, /me/mailFolders/{id}/messages (+ $filter e.g.
 *         categories/any(c:c eq 'X'), $select incl. internetMessageHeaders, $top, $orderby)
 *   GET   /me/mailFolders/{id}/messages/delta                (delta.ts)
 *   POST  /me/sendMail                                       202, copy in Sent Items
 *   GET/POST /me/outlook/masterCategories, GET/PATCH/DELETE /me/outlook/masterCategories/{id}
 * Folder ids: the well-known names (inbox, sentitems, drafts, deleteditems) or the ids Graph hands out.
 */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok, raw, type EmulatorResponse } from '../../http/response';
import type { GraphRoute } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions, project } from '../../odata';
import { messagesDelta } from './delta';
import { deliver, outgoingFromJson } from './delivery';
import { mimeOf } from './mime';
import { categories, folderByIdOrName, messages, WELL_KNOWN_FOLDERS, type FolderName, type StoredMessage } from './model';
import { categoryJson, folderJson, MESSAGE_PROPERTIES, messageJson } from './serialize';

const PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
const CATEGORY_COLORS = /^(none|preset([0-9]|1[0-9]|2[0-4]))$/;

function canReadBodies(ctx: GraphContext): boolean {
  return ctx.user.scopes.some((s) => /^mail\.(read|readwrite)$/i.test(s));
}

function requestUrl(ctx: GraphContext): URL {
  return new URL(`${ctx.baseUrl}${ctx.path}?${ctx.query.toString()}`);
}

function folderOf(ctx: GraphContext): FolderName {
  const folder = folderByIdOrName(ctx.user.id, ctx.params.folderId ?? '');
  if (!folder) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return folder;
}

function messageOf(ctx: GraphContext): StoredMessage {
  const message = messages(ctx.store).get(ctx.params.messageId ?? '');
  if (!message || message.parentId !== ctx.user.id) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return message;
}

const messageOptions = { typeName: 'microsoft.graph.message', knownProperties: MESSAGE_PROPERTIES, alwaysSelected: ['id'] };

function listMessages(ctx: GraphContext, folder: FolderName | undefined, context: string): EmulatorResponse {
  const query = parseQueryOptions(ctx.query, {});
  const withBody = canReadBodies(ctx);
  const withHeaders = withBody && (query.select ?? []).includes('internetMessageHeaders');
  const mine = messages(ctx.store)
    .list({ parentId: ctx.user.id })
    .filter((m) => folder === undefined || m.data.folder === folder)
    .sort((a, b) => b.data.receivedDateTime.localeCompare(a.data.receivedDateTime));
  const page = applyQuery(
    mine.map((m) => messageJson(ctx, m, { withBody, withHeaders })),
    query,
    { ...messageOptions, requestUrl: requestUrl(ctx), defaultPageSize: PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE, allowSkip: true, allowCount: true, errorCode: 'ErrorInvalidUrlQuery' },
  );
  return ok(collectionBody(page, ctx.odataContext(context)));
}

function getMessage(ctx: GraphContext): EmulatorResponse {
  const message = messageOf(ctx);
  const query = parseQueryOptions(ctx.query, {});
  const withBody = canReadBodies(ctx);
  const withHeaders = withBody && (query.select ?? []).includes('internetMessageHeaders');
  return ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/messages/$entity`), ...project(messageJson(ctx, message, { withBody, withHeaders }), query, messageOptions) });
}

function patchMessage(ctx: GraphContext): EmulatorResponse {
  const message = messageOf(ctx);
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const updated = messages(ctx.store).update(
    message.id,
    (current) => {
      const next = { ...current, lastModifiedDateTime: ctx.now.toISOString() };
      if (body.categories !== undefined) {
        if (!Array.isArray(body.categories) || body.categories.some((c) => typeof c !== 'string')) throw new GraphError(400, 'ErrorInvalidRequest', 'categories must be a collection of strings.');
        next.categories = body.categories as string[];
      }
      if (typeof body.isRead === 'boolean') next.isRead = body.isRead;
      if (body.importance === 'low' || body.importance === 'normal' || body.importance === 'high') next.importance = body.importance;
      if (body.flag && typeof body.flag === 'object') next.flag = { flagStatus: ((body.flag as { flagStatus?: string }).flagStatus as 'flagged') ?? 'notFlagged' };
      if (typeof body.subject === 'string') {
        if (!current.isDraft) throw new GraphError(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation failed. The property subject can only be changed on draft messages.');
        next.subject = body.subject;
      }
      return next;
    },
    { at: ctx.now },
  );
  return ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/messages/$entity`), ...messageJson(ctx, updated, { withBody: canReadBodies(ctx), withHeaders: false }) });
}

function categoryOf(ctx: GraphContext) {
  const category = categories(ctx.store).get(ctx.params.categoryId ?? '');
  if (!category || category.parentId !== ctx.user.id) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return category;
}

function checkColor(color: unknown): string {
  if (color === undefined) return 'none';
  if (typeof color !== 'string' || !CATEGORY_COLORS.test(color.toLowerCase())) throw new GraphError(400, 'ErrorInvalidRequest', `The color '${String(color)}' is not a valid categoryColor.`);
  return color.toLowerCase();
}

export const mailRoutes: GraphRoute[] = [
  { method: 'GET', path: '/me/messages', permission: permissions.mailReadBasic, handler: (ctx) => listMessages(ctx, undefined, `users('${ctx.user.id}')/messages`) },
  { method: 'GET', path: '/me/messages/{messageId}', permission: permissions.mailReadBasic, handler: getMessage },
  { method: 'PATCH', path: '/me/messages/{messageId}', permission: permissions.mailWrite, handler: patchMessage },
  {
    method: 'GET',
    path: '/me/messages/{messageId}/$value',
    permission: permissions.mailRead,
    handler: (ctx) => raw(Buffer.from(mimeOf(messageOf(ctx).data), 'utf8'), 'text/plain'),
  },
  {
    method: 'GET',
    path: '/me/mailFolders',
    permission: permissions.mailReadBasic,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/mailFolders`), value: WELL_KNOWN_FOLDERS.map((f) => folderJson(ctx, ctx.user.id, f)) }),
  },
  {
    method: 'GET',
    path: '/me/mailFolders/{folderId}',
    permission: permissions.mailReadBasic,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/mailFolders/$entity`), ...folderJson(ctx, ctx.user.id, folderOf(ctx)) }),
  },
  {
    method: 'GET',
    path: '/me/mailFolders/{folderId}/messages',
    permission: permissions.mailReadBasic,
    handler: (ctx) => listMessages(ctx, folderOf(ctx), `users('${ctx.user.id}')/mailFolders('${ctx.params.folderId ?? ''}')/messages`),
  },
  {
    method: 'GET',
    path: '/me/mailFolders/{folderId}/messages/delta',
    permission: permissions.mailReadBasic,
    handler: (ctx) => {
      const { body, headers } = messagesDelta(ctx, folderOf(ctx), ctx.params.folderId ?? '');
      return ok(body, headers);
    },
  },
  {
    method: 'POST',
    path: '/me/sendMail',
    permission: permissions.mailSend,
    handler: (ctx) => {
      const body = (ctx.body ?? {}) as { message?: unknown; saveToSentItems?: unknown };
      const mail = outgoingFromJson(body.message);
      deliver(ctx.store, ctx.user.id, mail, { now: ctx.now, saveToSentItems: body.saveToSentItems !== false, domain: ctx.tenant.domain });
      return { status: 202, headers: {} };
    },
  },
  {
    method: 'GET',
    path: '/me/outlook/masterCategories',
    permission: permissions.mailboxSettingsRead,
    handler: (ctx) =>
      ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/outlook/masterCategories`), value: categories(ctx.store).list({ parentId: ctx.user.id }).map(categoryJson) }),
  },
  {
    method: 'POST',
    path: '/me/outlook/masterCategories',
    permission: permissions.mailboxSettingsWrite,
    handler: (ctx) => {
      const body = (ctx.body ?? {}) as { displayName?: unknown; color?: unknown };
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw new GraphError(400, 'ErrorInvalidRequest', 'The displayName of a category is required.');
      const name = body.displayName.trim();
      const all = categories(ctx.store);
      if (all.find((c) => c.displayName.toLowerCase() === name.toLowerCase(), { parentId: ctx.user.id })) {
        throw new GraphError(409, 'ErrorDuplicateCategory', `A category with the name '${name}' already exists.`);
      }
      const stored = all.insert({ displayName: name, color: checkColor(body.color) }, { parentId: ctx.user.id, at: ctx.now });
      return created({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/outlook/masterCategories/$entity`), ...categoryJson(stored) });
    },
  },
  {
    method: 'GET',
    path: '/me/outlook/masterCategories/{categoryId}',
    permission: permissions.mailboxSettingsRead,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext(`users('${ctx.user.id}')/outlook/masterCategories/$entity`), ...categoryJson(categoryOf(ctx)) }),
  },
  {
    method: 'DELETE',
    path: '/me/outlook/masterCategories/{categoryId}',
    permission: permissions.mailboxSettingsWrite,
    handler: (ctx) => {
      categories(ctx.store).delete(categoryOf(ctx).id);
      return noContent();
    },
  },
];
