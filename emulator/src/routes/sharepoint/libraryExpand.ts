/**
 * listItem ↔ driveItem in document libraries: `$expand=driveItem` on list items and the
 * GET …/items/{id}/driveItem route use these.
 */
import type { GraphContext } from '../../http/context';
import type { NestedOptions, Resource } from '../../odata';
import { downloadUrl } from './library/downloadUrl';
import { driveItems, getDrive } from './library/repo';
import { driveItemJson } from './library/serialize';
import { itemOptions } from './itemOptions';
import { itemKey } from './model';
import { items, type StoredItem } from './repo';

export function driveItemOfListItem(ctx: GraphContext, item: StoredItem): Resource | undefined {
  const driveItem = item.data.driveItemId ? driveItems(ctx.store).get(item.data.driveItemId) : undefined;
  if (!driveItem) return undefined;
  const drive = getDrive(ctx.store, driveItem.data.driveId);
  return driveItemJson(ctx.store, drive, driveItem, {
    downloadUrl: downloadUrl(ctx.store, ctx.filesOrigin, { driveId: drive.id, itemId: driveItem.id }, ctx.now),
  });
}

/** Projection options for list items, able to expand `driveItem`. */
export function listItemOptions(ctx: GraphContext): NestedOptions {
  return {
    ...itemOptions,
    expanders: {
      driveItem: (resource) => {
        const parent = resource.parentReference as { id?: string } | undefined;
        const stored = parent?.id ? items(ctx.store).get(itemKey(parent.id, String(resource.id))) : undefined;
        return stored ? driveItemOfListItem(ctx, stored) ?? null : null;
      },
    },
  };
}
