/**
 * driveItem versions (Graph v1.0 "driveItemVersion"), under /drives/{driveId} and /sites/{site}/drive:
 *   GET  …/items/{itemId}/versions                               newest first ("Versions are returned in
 *                                                                descending order"), the current one included
 *   GET  …/items/{itemId}/versions/{version-id}
 *   GET  …/items/{itemId}/versions/{version-id}/content          302 to a pre-authenticated URL on the file host;
 *                                                                the current version → 400 invalidRequest "You cannot
 *                                                                get the content of the current version." (onedrive-api-docs#1112)
 *   POST …/items/{itemId}/versions/{version-id}/restoreVersion   204
 * A library file's versions are its list item's versions (sharepoint/versions.ts), so the ids match
 * the list item's `_UIVersionString`. Graph v1.0 documents no DELETE of a version (onedrive-api-docs#867,
 * #1682): deleting versions goes through SharePoint REST (see sharepoint/versions.ts).
 */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { noContent, ok, redirect } from '../../http/response';
import type { ModuleApi } from '../../module';
import { collectionBody, parseQueryOptions, project } from '../../odata';
import { callerIdentity } from '../sharepoint/itemWrites';
import { graphTime, itemKey } from '../sharepoint/model';
import { items, lists, type StoredItem, type StoredList } from '../sharepoint/repo';
import { identitySet } from '../sharepoint/serialize';
import { restoreItemVersion } from '../sharepoint/versionRestore';
import { findItemVersion, itemVersions, type ItemVersion } from '../sharepoint/versions';
import { downloadUrl } from '../sharepoint/library/downloadUrl';
import type { StoredDrive, StoredDriveItem } from '../sharepoint/library/repo';
import { driveOf, itemOf } from './request';

const options = { errorCode: 'invalidRequest', typeName: 'microsoft.graph.driveItemVersion' } as const;

function libraryItemOf(ctx: GraphContext, drive: StoredDrive, driveItem: StoredDriveItem): { list: StoredList; item: StoredItem } {
  const list = lists(ctx.store).get(drive.data.listId);
  const item = driveItem.data.listItemId !== undefined ? items(ctx.store).get(itemKey(drive.data.listId, driveItem.data.listItemId)) : undefined;
  if (!list || !item || driveItem.data.kind !== 'file') throw new GraphError(404, 'itemNotFound', 'The item is not a file and has no versions.');
  return { list, item };
}

export function driveItemVersionJson(version: ItemVersion): Record<string, unknown> {
  return {
    id: version.label,
    lastModifiedBy: identitySet(version.lastModifiedBy),
    lastModifiedDateTime: graphTime(version.modifiedAt),
    size: version.content?.size ?? 0,
  };
}

function target(ctx: GraphContext, operation: 'viewVersions' | 'edit') {
  const drive = driveOf(ctx, operation);
  const driveItem = itemOf(ctx, drive);
  return { drive, driveItem, ...libraryItemOf(ctx, drive, driveItem) };
}

function context(ctx: GraphContext, drive: StoredDrive, driveItem: StoredDriveItem): string {
  return ctx.odataContext(`drives('${drive.id}')/items('${driveItem.id}')/versions`);
}

export function registerDriveVersionRoutes(api: ModuleApi, prefixes: readonly string[]): void {
  for (const prefix of prefixes) {
    const base = `${prefix}/items/{itemId}/versions`;
    api.graph({
      method: 'GET',
      path: base,
      permission: permissions.filesRead,
      handler: (ctx) => {
        const { drive, driveItem, item } = target(ctx, 'viewVersions');
        const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
        const value = itemVersions(ctx.store, item).map((v) => project(driveItemVersionJson(v), query, options));
        return ok(collectionBody({ value }, context(ctx, drive, driveItem)));
      },
    });
    api.graph({
      method: 'GET',
      path: `${base}/{versionId}`,
      permission: permissions.filesRead,
      handler: (ctx) => {
        const { drive, driveItem, item } = target(ctx, 'viewVersions');
        const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
        const version = findItemVersion(ctx.store, item, ctx.params.versionId ?? '');
        return ok({ '@odata.context': `${context(ctx, drive, driveItem)}/$entity`, ...project(driveItemVersionJson(version), query, options) });
      },
    });
    api.graph({
      method: 'GET',
      path: `${base}/{versionId}/content`,
      permission: permissions.filesRead,
      handler: (ctx) => {
        const { drive, driveItem, item } = target(ctx, 'viewVersions');
        const version = findItemVersion(ctx.store, item, ctx.params.versionId ?? '');
        if (version.current || !version.content) throw new GraphError(400, 'invalidRequest', 'You cannot get the content of the current version.');
        return redirect(downloadUrl(ctx.store, ctx.filesOrigin, { driveId: drive.id, itemId: driveItem.id, contentVersion: version.content.contentVersion }, ctx.now));
      },
    });
    api.graph({
      method: 'POST',
      path: `${base}/{versionId}/restoreVersion`,
      permission: permissions.filesWrite,
      body: 'none',
      handler: (ctx) => {
        const { list, item } = target(ctx, 'edit');
        restoreItemVersion(ctx.store, list, item, ctx.params.versionId ?? '', callerIdentity(ctx), ctx.now);
        return noContent();
      },
    });
  }
}
