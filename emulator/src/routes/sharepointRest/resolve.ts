/** Resolving what a SharePoint REST URL addresses (site, list, item) and checking the caller's permissions on it. */
import { GraphError } from '../../http/graphError';
import type { SharePointContext } from '../../module';
import { SP_ACCESS_DENIED, SP_ACCESS_DENIED_MESSAGE } from '../../sharePointHost';
import { findUser } from '../identity/directory';
import { items, lists, sites, type StoredItem, type StoredList, type StoredSite } from '../sharepoint/repo';
import { isListAccessAllowed } from '../sharepoint/access';
import { has, type PermissionName } from '../sharepoint/permissions/basePermissions';
import { effectiveMask } from '../sharepoint/permissions/effective';
import { itemKey } from '../sharepoint/model';
import type { PrincipalRecord, SecurableScope } from '../sharepoint/permissions/model';
import { ensureUserPrincipal } from '../sharepoint/permissions/principals';

export function accessDenied(): GraphError {
  return new GraphError(403, SP_ACCESS_DENIED, SP_ACCESS_DENIED_MESSAGE);
}

/** The site at `<sitePath>/_api`; the caller needs some permission on it (Open). */
export function siteOfRequest(ctx: SharePointContext): StoredSite {
  const wanted = ctx.sitePath.toLowerCase().replace(/\/+$/, '') || '/';
  const site = sites(ctx.store).find((s) => s.hostname.toLowerCase() === ctx.tenant.sharePointHost && s.serverRelativeUrl.toLowerCase() === wanted);
  if (!site) throw new GraphError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  if (!has(effectiveMask(ctx.store, site, ctx.user.id, { kind: 'web' }), 'Open')) throw accessDenied();
  return site;
}

/** The caller as a principal of the site (SharePoint adds a user to the site's users on first access). */
export function callerPrincipal(ctx: SharePointContext, site: StoredSite): PrincipalRecord {
  const user = findUser(ctx.store, ctx.user.id);
  return ensureUserPrincipal(
    ctx.store,
    site,
    { id: ctx.user.id, displayName: user?.displayName ?? ctx.user.displayName, email: user?.mail ?? undefined, upn: user?.userPrincipalName ?? ctx.user.userPrincipalName },
    ctx.now,
  );
}

function unquote(value: string): string {
  return value.replace(/''/g, "'");
}

/** `{title}` (getbytitle), `{listId}` (lists(guid'…'), getbyid('…')); hidden or unknown → SharePoint's 404. */
export function listOfRequest(ctx: SharePointContext, site: StoredSite): StoredList {
  const all = lists(ctx.store).list({ parentId: site.id });
  const title = ctx.params.title !== undefined ? unquote(ctx.params.title).toLowerCase() : undefined;
  const id = ctx.params.listId?.toLowerCase().replace(/^\{|\}$/g, '');
  const list = title !== undefined ? all.find((l) => l.data.displayName.toLowerCase() === title) : all.find((l) => l.id.toLowerCase() === id);
  const notFound = () =>
    new GraphError(404, '-1, System.ArgumentException', title !== undefined ? `List '${unquote(ctx.params.title ?? '')}' does not exist at site with URL '${ctx.origin}${site.data.serverRelativeUrl === '/' ? '' : site.data.serverRelativeUrl}'.` : 'List does not exist.');
  if (!list) throw notFound();
  if (!isListAccessAllowed({ user: ctx.user, site, list, operation: 'read', store: ctx.store })) throw notFound();
  return list;
}

export function itemOfRequest(ctx: SharePointContext, list: StoredList): StoredItem {
  const n = Number(ctx.params.itemId);
  const item = Number.isInteger(n) ? items(ctx.store).get(itemKey(list.id, n)) : undefined;
  if (!item) throw new GraphError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
  return item;
}

/** The securable a route addresses: the web, a list, or an item. */
export function securableOfRequest(ctx: SharePointContext, site: StoredSite): { scope: SecurableScope; list?: StoredList; item?: StoredItem } {
  if (ctx.params.title === undefined && ctx.params.listId === undefined) return { scope: { kind: 'web' } };
  const list = listOfRequest(ctx, site);
  if (ctx.params.itemId === undefined) return { scope: { kind: 'list', listId: list.id }, list };
  const item = itemOfRequest(ctx, list);
  if (!isListAccessAllowed({ user: ctx.user, site, list, operation: 'read', store: ctx.store, item })) {
    throw new GraphError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
  }
  return { scope: { kind: 'item', listId: list.id, itemId: item.data.itemId }, list, item };
}

/** The caller's permission on the securable, or SharePoint's access denied. */
export function requirePermission(ctx: SharePointContext, site: StoredSite, scope: SecurableScope, permission: PermissionName): void {
  if (!has(effectiveMask(ctx.store, site, ctx.user.id, scope), permission)) throw accessDenied();
}
