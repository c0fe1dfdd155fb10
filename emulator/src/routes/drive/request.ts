/** Resolving the drive and item a drive route addresses, with the library's list permissions. */
import type { GraphContext } from '../../http/context';
import { errors } from '../../http/graphError';
import { assertListAccess, assertSiteAccess, type ListOperation } from '../sharepoint/access';
import { lists, sites } from '../sharepoint/repo';
import { siteOf } from '../sharepoint/request';
import { driveNotFound, drives, getDrive, getDriveItem, itemByPath, type StoredDrive, type StoredDriveItem } from '../sharepoint/library/repo';

/** The site's default document library: "Shared Documents", else its first library. */
export function defaultDriveOf(ctx: GraphContext): StoredDrive {
  const site = siteOf(ctx);
  const libraries = lists(ctx.store)
    .list({ parentId: site.id })
    .filter((l) => l.data.template === 'documentLibrary' && l.data.driveId !== undefined);
  const library = libraries.find((l) => l.data.name === 'Shared Documents') ?? libraries[0];
  if (!library?.data.driveId) throw errors.itemNotFound('The site has no document library.');
  return getDrive(ctx.store, library.data.driveId);
}

/** `{driveId}` param, or the default drive of `{site}`. Checks the library's list permissions. */
export function driveOf(ctx: GraphContext, operation: ListOperation): StoredDrive {
  const drive = ctx.params.driveId !== undefined ? getDrive(ctx.store, ctx.params.driveId) : defaultDriveOf(ctx);
  const site = sites(ctx.store).get(drive.data.siteId);
  const list = lists(ctx.store).get(drive.data.listId);
  if (!site || !list) throw driveNotFound();
  assertSiteAccess(ctx.store, site, ctx.user);
  assertListAccess({ user: ctx.user, site, list, operation, store: ctx.store });
  return drive;
}

export function visibleDrives(ctx: GraphContext): StoredDrive[] {
  const site = siteOf(ctx);
  return drives(ctx.store)
    .list({ parentId: site.id })
    .filter((drive) => {
      const list = lists(ctx.store).get(drive.data.listId);
      if (!list) return false;
      try {
        assertListAccess({ user: ctx.user, site, list, operation: 'read', store: ctx.store });
        return true;
      } catch {
        return false;
      }
    });
}

/** `{itemId}` (or `root`) or `{path}` relative to the root. */
export function itemOf(ctx: GraphContext, drive: StoredDrive): StoredDriveItem {
  if (ctx.params.path !== undefined) return itemByPath(ctx.store, drive.id, ctx.params.path);
  return getDriveItem(ctx.store, drive.id, ctx.params.itemId ?? 'root');
}
