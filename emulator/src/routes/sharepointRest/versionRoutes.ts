/**
 * Version history of list items (and so of library files, whose versions are their items' versions) through
 * SharePoint REST: `…/items(n)/versions` (SP.ListItemVersion), `…/versions/deletebyid(vid)`,
 * `…/versions/deletebylabel('label')`, `…/versions/deleteall()`. Deleting needs the DeleteVersions right of
 * the item (Learn, SPBasePermissions.DeleteVersions: "Delete past versions of a list item or document") and
 * is refused for retention-labelled files; the current version is never deleted.
 */
import { sharePointPermissions } from '../../auth/permissions';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { ModuleApi, SharePointContext } from '../../module';
import { deleteAllItemVersions, deleteItemVersion, itemVersions, labelOfRestVersionId, restVersionId } from '../sharepoint/versions';
import { requirePermission, securableOfRequest, siteOfRequest } from './resolve';
import { collection, voidResult } from './shapes';

const ITEM_PREFIXES = [
  "/web/lists/getbytitle('{title}')/items({itemId})",
  "/web/lists(guid'{listId}')/items({itemId})",
  "/web/lists/getbyid('{listId}')/items({itemId})",
] as const;

function itemOfVersionRequest(ctx: SharePointContext, permission: 'ViewVersions' | 'DeleteVersions') {
  const site = siteOfRequest(ctx);
  const { scope, item } = securableOfRequest(ctx, site);
  if (!item) throw new GraphError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
  requirePermission(ctx, site, scope, permission);
  return item;
}

export function registerVersionRoutes(api: ModuleApi): void {
  for (const prefix of ITEM_PREFIXES) {
    api.sharepoint({
      method: 'GET',
      path: `${prefix}/versions`,
      permission: sharePointPermissions.read,
      handler: (ctx) => {
        const item = itemOfVersionRequest(ctx, 'ViewVersions');
        const values = itemVersions(ctx.store, item).map((v) => ({
          VersionId: restVersionId(v.label),
          VersionLabel: v.label,
          IsCurrentVersion: v.current,
          Created: v.modifiedAt,
        }));
        return ok(collection(ctx, 'SP.ListItemVersion', values));
      },
    });
    api.sharepoint({
      method: 'POST',
      path: `${prefix}/versions/deletebyid({vid})`,
      permission: sharePointPermissions.write,
      handler: (ctx) => {
        const item = itemOfVersionRequest(ctx, 'DeleteVersions');
        const vid = Number((ctx.params.vid ?? '').replace(/^vid=/i, ''));
        if (!Number.isInteger(vid)) throw new GraphError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The value of parameter vid is not an integer.');
        deleteItemVersion(ctx.store, item, labelOfRestVersionId(vid));
        return ok(voidResult(ctx, 'DeleteByID'));
      },
    });
    api.sharepoint({
      method: 'POST',
      path: `${prefix}/versions/deletebylabel({label})`,
      permission: sharePointPermissions.write,
      handler: (ctx) => {
        const item = itemOfVersionRequest(ctx, 'DeleteVersions');
        const label = (ctx.params.label ?? '').replace(/^versionlabel=/i, '').replace(/^'|'$/g, '');
        deleteItemVersion(ctx.store, item, label);
        return ok(voidResult(ctx, 'DeleteByLabel'));
      },
    });
    api.sharepoint({
      method: 'POST',
      path: `${prefix}/versions/deleteall`,
      permission: sharePointPermissions.write,
      handler: (ctx) => {
        const item = itemOfVersionRequest(ctx, 'DeleteVersions');
        deleteAllItemVersions(ctx.store, item);
        return ok(voidResult(ctx, 'DeleteAll'));
      },
    });
  }
}
