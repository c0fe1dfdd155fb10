/**
 * Drive routes, each under /drives/{driveId} and /sites/{site}/drive:
 *   GET  /sites/{site}/drive, /sites/{site}/drives, /sites/{site}/lists/{list}/drive, /drives/{driveId}
 *   GET  …/root, …/items/{itemId}, …/root:/{path}            driveItem metadata
 *   GET  …/root/children, …/items/{itemId}/children, …/root:/{path}:/children
 *   GET  …/items/{itemId}/content, …/root:/{path}:/content   302 to a pre-authenticated URL
 *   GET  …/items/{itemId}/listItem, …/root:/{path}:/listItem the library's list item
 *   PUT  …/items/{itemId}/content, …/root:/{path}:/content   simple upload (≤ 250 MB, else 413)
 *   POST …/root:/{path}:/createUploadSession, …/items/{parentId}:/{name}:/createUploadSession   (uploadSession.ts)
 *   DELETE …/items/{itemId}, …/root:/{path}
 *   GET  /_download/{token}  (on the SharePoint file host)     the bytes, no auth
 */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok, raw, redirect, type EmulatorResponse } from '../../http/response';
import type { GraphRoute, ModuleApi } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions, project, type NestedOptions, type Resource } from '../../odata';
import { itemOptions as itemOptionsOfList } from '../sharepoint/itemOptions';
import { itemKey } from '../sharepoint/model';
import { items, lists, sites } from '../sharepoint/repo';
import { itemJson } from '../sharepoint/serialize';
import { checkIfMatch } from '../sharepoint/etag';
import { callerIdentity } from '../sharepoint/itemWrites';
import { listOf, requestUrl } from '../sharepoint/request';
import { DOWNLOAD_PATH, downloadUrl, verifyDownloadToken } from '../sharepoint/library/downloadUrl';
import { mimeTypeFor } from './mimeTypes';
import { childrenOf, deleteDriveItem, driveItems, getDrive, getDriveItem, readContent, replaceContent, uploadFile, type ConflictBehavior, type StoredDrive, type StoredDriveItem } from '../sharepoint/library/repo';
import { driveOf, itemOf, visibleDrives } from './request';
import { registerUploadSessions } from './uploadSession';
import { versionBytes } from '../sharepoint/versionRestore';
import { registerDriveVersionRoutes } from './versionRoutes';
import { itemRetentionLabelJson, registerRetentionRoutes } from './retentionRoutes';
import { driveItemJson, driveJson, itemCTag, itemETag } from '../sharepoint/library/serialize';

/**
 * "Upload small files" (https://learn.microsoft.com/en-us/graph/api/driveitem-put-content): "This method only
 * supports files up to 250 MB in size." (It said 4 MB until 2023.) Larger files need an upload session.
 */
export const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
const driveOptions = { errorCode: 'invalidRequest', typeName: 'microsoft.graph.drive', navigationProperties: ['root', 'items', 'list', 'special', 'following'] } as const;
function itemOptions(ctx: GraphContext): NestedOptions {
  return {
    errorCode: 'invalidRequest',
    typeName: 'microsoft.graph.driveItem',
    navigationProperties: ['children', 'listItem', 'permissions', 'thumbnails', 'versions', 'retentionLabel'],
    expanders: {
      retentionLabel: (resource) => {
        const label = driveItems(ctx.store).get(String(resource.id))?.data.retentionLabel;
        return label ? itemRetentionLabelJson(ctx.store, label) : null;
      },
      listItem: (resource) => listItemOfDriveItem(ctx, String(resource.id)) ?? null,
      children: (resource) => {
        const drive = getDrive(ctx.store, String((resource.parentReference as { driveId: string }).driveId));
        return childrenOf(ctx.store, drive.id, String(resource.id)).map((child) => driveItemJson(ctx.store, drive, child));
      },
    },
    nestedOptions: { listItem: itemOptionsOfList },
  };
}

/** The library list item of a file or folder (Graph: driveItem/listItem). */
function listItemOfDriveItem(ctx: GraphContext, driveItemId: string): Resource | undefined {
  const driveItem = driveItems(ctx.store).get(driveItemId);
  if (driveItem?.data.listItemId === undefined) return undefined;
  const drive = getDrive(ctx.store, driveItem.data.driveId);
  const site = sites(ctx.store).get(drive.data.siteId);
  const list = lists(ctx.store).get(drive.data.listId);
  const item = items(ctx.store).get(itemKey(drive.data.listId, driveItem.data.listItemId));
  return site && list && item ? itemJson(ctx.store, site, list, item) : undefined;
}

function query(ctx: GraphContext) {
  return parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
}

function itemResponse(ctx: GraphContext, drive: StoredDrive, item: StoredDriveItem, status: 200 | 201 = 200): EmulatorResponse {
  const json = driveItemJson(ctx.store, drive, item, { downloadUrl: downloadUrl(ctx.store, ctx.filesOrigin, { driveId: drive.id, itemId: item.id }, ctx.now) });
  const body = { '@odata.context': ctx.odataContext(`drives('${drive.id}')/items/$entity`), ...project(json, query(ctx), itemOptions(ctx)) };
  return status === 201 ? created(body, { ETag: itemETag(item) }) : ok(body, { ETag: itemETag(item) });
}

function conflictBehavior(ctx: GraphContext): ConflictBehavior {
  const value = (ctx.query.get('@microsoft.graph.conflictBehavior') ?? 'replace').toLowerCase();
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw new GraphError(400, 'invalidRequest', `Invalid value '${value}' for @microsoft.graph.conflictBehavior: expected fail, replace or rename.`);
}

const handlers = {
  getItem(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'read');
    const item = itemOf(ctx, drive);
    const ifNoneMatch = ctx.headers['if-none-match'];
    if (ifNoneMatch !== undefined && (ifNoneMatch === itemETag(item) || ifNoneMatch === itemCTag(item))) {
      return { status: 304, headers: { ETag: itemETag(item) } };
    }
    return itemResponse(ctx, drive, item);
  },
  children(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'read');
    const folder = itemOf(ctx, drive);
    const resources = folder.data.kind === 'folder' ? childrenOf(ctx.store, drive.id, folder.id).map((child) => driveItemJson(ctx.store, drive, child)) : [];
    const page = applyQuery(resources, query(ctx), { ...itemOptions(ctx), requestUrl: requestUrl(ctx), defaultPageSize: 200, maxPageSize: 999 });
    return ok(collectionBody(page, ctx.odataContext(`drives('${drive.id}')/items('${folder.id}')/children`)));
  },
  content(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'read');
    const item = itemOf(ctx, drive);
    if (item.data.kind !== 'file') throw new GraphError(404, 'itemNotFound', 'The item is a folder and has no content.');
    return redirect(downloadUrl(ctx.store, ctx.filesOrigin, { driveId: drive.id, itemId: item.id }, ctx.now));
  },
  uploadByPath(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'write');
    const path = ctx.params.path ?? '';
    const name = path.split('/').filter((s) => s.length > 0).pop() ?? '';
    const result = uploadFile(ctx.store, {
      driveId: drive.id,
      path,
      bytes: ctx.rawBody,
      mimeType: mimeTypeFor(name),
      who: callerIdentity(ctx),
      at: ctx.now,
      conflictBehavior: conflictBehavior(ctx),
    });
    return itemResponse(ctx, drive, result.item, result.created ? 201 : 200);
  },
  uploadById(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'edit');
    const item = itemOf(ctx, drive);
    checkIfMatch(ctx.headers['if-match'], itemETag(item));
    const updated = replaceContent(ctx.store, item, ctx.rawBody, mimeTypeFor(item.data.name), callerIdentity(ctx), ctx.now);
    return itemResponse(ctx, drive, updated);
  },
  listItem(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'read');
    const item = itemOf(ctx, drive);
    const listItem = listItemOfDriveItem(ctx, item.id);
    if (!listItem) throw new GraphError(404, 'itemNotFound', 'The root folder has no list item.');
    const list = lists(ctx.store).get(drive.data.listId);
    const context = ctx.odataContext(`sites('${drive.data.siteId}')/lists('${list?.id ?? ''}')/items/$entity`);
    return ok({ '@odata.context': context, ...project(listItem, query(ctx), itemOptionsOfList) });
  },
  remove(ctx: GraphContext): EmulatorResponse {
    const drive = driveOf(ctx, 'delete');
    const item = itemOf(ctx, drive);
    if (item.data.parentItemId === null) throw new GraphError(403, 'accessDenied', 'The root folder of a document library cannot be deleted.');
    checkIfMatch(ctx.headers['if-match'], itemETag(item));
    deleteDriveItem(ctx.store, item);
    return noContent();
  },
};

/** The same item routes under /drives/{driveId} and /sites/{site+}/drive. */
function itemRoutes(prefix: string): GraphRoute[] {
  const read = permissions.filesRead;
  const write = permissions.filesWrite;
  const upload = { body: 'binary' as const, maxBodyBytes: SIMPLE_UPLOAD_LIMIT };
  return [
    { method: 'GET', path: `${prefix}/root`, permission: read, handler: handlers.getItem },
    { method: 'GET', path: `${prefix}/items/{itemId}`, permission: read, handler: handlers.getItem },
    { method: 'GET', path: `${prefix}/root:/{path+}`, permission: read, handler: handlers.getItem },
    { method: 'GET', path: `${prefix}/root/children`, permission: read, handler: handlers.children },
    { method: 'GET', path: `${prefix}/items/{itemId}/children`, permission: read, handler: handlers.children },
    { method: 'GET', path: `${prefix}/root:/{path+}:/children`, permission: read, handler: handlers.children },
    { method: 'GET', path: `${prefix}/items/{itemId}/content`, permission: read, handler: handlers.content },
    { method: 'GET', path: `${prefix}/items/{itemId}/listItem`, permission: permissions.sitesRead, handler: handlers.listItem },
    { method: 'GET', path: `${prefix}/root:/{path+}:/listItem`, permission: permissions.sitesRead, handler: handlers.listItem },
    { method: 'GET', path: `${prefix}/root:/{path+}:/content`, permission: read, handler: handlers.content },
    { method: 'PUT', path: `${prefix}/root:/{path+}:/content`, permission: write, ...upload, handler: handlers.uploadByPath },
    { method: 'PUT', path: `${prefix}/items/{itemId}/content`, permission: write, ...upload, handler: handlers.uploadById },
    { method: 'DELETE', path: `${prefix}/items/{itemId}`, permission: write, handler: handlers.remove },
    { method: 'DELETE', path: `${prefix}/root:/{path+}`, permission: write, handler: handlers.remove },
  ];
}

export function registerDriveRoutes(api: ModuleApi): void {
  api.graph({
    method: 'GET',
    path: '/sites/{site+}/drive',
    permission: permissions.filesRead,
    handler: (ctx) => {
      const drive = driveOf(ctx, 'read');
      return ok({ '@odata.context': ctx.odataContext('drives/$entity'), ...project(driveJson(ctx.store, drive), query(ctx), driveOptions) });
    },
  });
  api.graph({
    method: 'GET',
    path: '/sites/{site+}/drives',
    permission: permissions.filesRead,
    handler: (ctx) => {
      const resources = visibleDrives(ctx).map((drive) => driveJson(ctx.store, drive));
      const page = applyQuery(resources, query(ctx), { ...driveOptions, requestUrl: requestUrl(ctx), defaultPageSize: 200 });
      return ok(collectionBody(page, ctx.odataContext('drives')));
    },
  });
  api.graph({
    method: 'GET',
    path: '/sites/{site+}/lists/{list}/drive',
    permission: permissions.filesRead,
    handler: (ctx) => {
      const { list } = listOf(ctx, 'read');
      if (!list.data.driveId) throw new GraphError(404, 'itemNotFound', 'The list is not a document library and has no drive.');
      const drive = getDrive(ctx.store, list.data.driveId);
      return ok({ '@odata.context': ctx.odataContext('drives/$entity'), ...project(driveJson(ctx.store, drive), query(ctx), driveOptions) });
    },
  });
  api.graph({
    method: 'GET',
    path: '/drives/{driveId}',
    permission: permissions.filesRead,
    handler: (ctx) => {
      const drive = driveOf(ctx, 'read');
      return ok({ '@odata.context': ctx.odataContext('drives/$entity'), ...project(driveJson(ctx.store, drive), query(ctx), driveOptions) });
    },
  });
  for (const route of [...itemRoutes('/drives/{driveId}'), ...itemRoutes('/sites/{site+}/drive')]) api.graph(route);
  registerUploadSessions(api, ['/drives/{driveId}', '/sites/{site+}/drive']);
  registerDriveVersionRoutes(api, ['/drives/{driveId}', '/sites/{site+}/drive']);
  registerRetentionRoutes(api, ['/drives/{driveId}', '/sites/{site+}/drive']);

  api.public({
    method: 'GET',
    path: `${DOWNLOAD_PATH}/{token}`,
    handler: (ctx) => {
      const check = verifyDownloadToken(ctx.store, ctx.params.token ?? '', ctx.now);
      if (!check.ok) {
        throw new GraphError(401, 'unauthenticated', check.reason === 'expired' ? 'The download URL has expired. Request the item again for a new URL.' : 'The download URL is not valid.');
      }
      const item = getDriveItem(ctx.store, check.target.driveId, check.target.itemId);
      const bytes = check.target.contentVersion === undefined ? readContent(ctx.store, item) : versionBytes(ctx.store, item.id, check.target.contentVersion);
      if (!bytes) throw new GraphError(404, 'itemNotFound', 'The version was not found.');
      return raw(bytes, item.data.mimeType ?? 'application/octet-stream', {
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.data.name)}`,
        ETag: itemETag(item),
      });
    },
  });
}
