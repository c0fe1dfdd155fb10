/**
 * The one permission check for every list, item and file operation, through Graph and SharePoint REST:
 * SharePoint's own permission model (permissions/): role assignments on the web, the list or the item, the
 * user's groups, site collection admins, and the list's item-level settings (ReadSecurity, WriteSecurity).
 * Graph answers a list or item the user may not view with 404 (it is hidden, as Graph hides it: "The specified
 * list was not found"); any other missing permission with 403 accessDenied. A user with no permission on the
 * site at all gets 403 accessDenied "Access denied" for the site (microsoftgraph/microsoft-graph-docs-contrib#9064).
 */
import { GraphError } from '../../http/graphError';
import type { AuthUser } from '../../http/context';
import type { Store } from '../../store/store';
import { has, type PermissionName } from './permissions/basePermissions';
import { effectiveMask } from './permissions/effective';
import { listSettings, securables } from './permissions/model';
import type { StoredItem, StoredList, StoredSite } from './repo';

export type ListOperation =
  | 'read'
  | 'add'
  | 'edit'
  | 'delete'
  /** A file upload that may create or replace: AddListItems or EditListItems. */
  | 'write'
  /** Columns, list settings: ManageLists. */
  | 'manage'
  | 'viewVersions'
  | 'deleteVersions'
  | 'managePermissions'
  | 'enumeratePermissions';

export interface ListAccessRequest {
  user: Pick<AuthUser, 'id'>;
  site: StoredSite;
  list: StoredList;
  operation: ListOperation;
  store: Store;
  /** The item the operation addresses (item-level permissions, ReadSecurity/WriteSecurity). */
  item?: StoredItem;
}

const NEEDS: Record<ListOperation, PermissionName[]> = {
  read: ['ViewListItems'],
  add: ['AddListItems'],
  edit: ['EditListItems'],
  delete: ['DeleteListItems'],
  write: ['AddListItems', 'EditListItems'],
  manage: ['ManageLists'],
  viewVersions: ['ViewVersions'],
  deleteVersions: ['DeleteVersions'],
  managePermissions: ['ManagePermissions'],
  enumeratePermissions: ['EnumeratePermissions'],
};

/**
 * Item-level settings bind everyone without "Override List Behaviors" (SPBasePermissions.CancelCheckout, part of
 * Design and Full Control) or ManageLists (Learn, "Item-level permissions" in list advanced settings; the levels'
 * descriptions: "Override List Behaviors – … change or override settings which allow users to read/edit only their
 * own items").
 */
const overridesItemLevel = (mask: bigint) => has(mask, 'ManageLists') || has(mask, 'CancelCheckout');

function itemLevelAllows(request: ListAccessRequest, mask: bigint): boolean {
  const { item, operation, list, store, user } = request;
  if (overridesItemLevel(mask)) return true;
  const settings = listSettings(store, list.id);
  const own = item === undefined || item.data.createdBy.id === user.id;
  if (operation === 'read') return settings.readSecurity === 1 || own;
  if (operation === 'add') return settings.writeSecurity !== 4;
  if (operation === 'edit' || operation === 'delete' || operation === 'write') return settings.writeSecurity === 1 || (settings.writeSecurity === 2 && own);
  return true;
}

export function isListAccessAllowed(request: ListAccessRequest): boolean {
  const scope = request.item ? { kind: 'item' as const, listId: request.list.id, itemId: request.item.data.itemId } : { kind: 'list' as const, listId: request.list.id };
  const mask = effectiveMask(request.store, request.site, request.user.id, scope);
  if (!NEEDS[request.operation].some((p) => has(mask, p))) return false;
  return itemLevelAllows(request, mask);
}

export function accessDenied(): GraphError {
  return new GraphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
}

export function assertListAccess(request: ListAccessRequest): void {
  if (request.operation !== 'read' && !isListAccessAllowed({ ...request, operation: 'read' })) hide(request);
  if (isListAccessAllowed(request)) return;
  if (request.operation === 'read') hide(request);
  throw accessDenied();
}

function hide(request: ListAccessRequest): never {
  const listVisible = request.item !== undefined && isListAccessAllowed({ ...request, item: undefined, operation: 'read' });
  if (listVisible) throw new GraphError(404, 'itemNotFound', 'Item not found');
  throw new GraphError(404, 'itemNotFound', 'The specified list was not found');
}

/** The site itself: the user needs some permission on its web (Open, which Limited Access already grants). */
export function assertSiteAccess(store: Store, site: StoredSite, user: Pick<AuthUser, 'id'>): void {
  if (has(effectiveMask(store, site, user.id, { kind: 'web' }), 'Open')) return;
  throw new GraphError(403, 'accessDenied', 'Access denied');
}

/** Whether the user may create lists on the site (ManageLists on the web). */
export function assertWebPermission(store: Store, site: StoredSite, user: Pick<AuthUser, 'id'>, permission: PermissionName): void {
  if (has(effectiveMask(store, site, user.id, { kind: 'web' }), permission)) return;
  throw accessDenied();
}

/**
 * A fast filter for the items of a list the user may view: the list-level mask once, per item only where an
 * item has its own role assignments or the list lets users read only their own items.
 */
export function readableItems(store: Store, site: StoredSite, list: StoredList, user: Pick<AuthUser, 'id'>): (item: StoredItem) => boolean {
  const listMask = effectiveMask(store, site, user.id, { kind: 'list', listId: list.id });
  const ownOnly = listSettings(store, list.id).readSecurity === 2 && !overridesItemLevel(listMask);
  const uniqueItems = new Set(
    securables(store)
      .list({ parentId: site.id })
      .map((s) => s.data.scope)
      .filter((scope): scope is { kind: 'item'; listId: string; itemId: number } => scope.kind === 'item' && scope.listId === list.id)
      .map((scope) => scope.itemId),
  );
  const listReadable = has(listMask, 'ViewListItems');
  return (item) => {
    if (uniqueItems.has(item.data.itemId)) return isListAccessAllowed({ user, site, list, operation: 'read', store, item });
    if (!listReadable) return false;
    return !ownOnly || item.data.createdBy.id === user.id;
  };
}
