/**
 * Restoring a version (Graph "listItemVersion: restoreVersion", "driveItemVersion: restoreVersion"):
 * "This will create a new version with the contents of the previous version, but preserves all
 * existing versions". In a library the file's bytes come back with the item's field values (one
 * version history for both); the file name (FileLeafRef) stays as it is.
 */
import { GraphError } from '../../http/graphError';
import type { Store } from '../../store/store';
import { driveItems, writeContent } from './library/repo';
import { assertRetentionAllows } from './library/retention';
import { blobKey } from './library/model';
import type { IdentityRecord } from './model';
import { items, sites, type StoredItem, type StoredList } from './repo';
import { recordUniqueValues } from './uniqueIndex';
import { ensureUser } from './userInfo';
import { archivedContentKey, findItemVersion, recordItemVersion, type ItemVersion } from './versions';

/** The bytes of a file version (the live blob for the current content version). */
export function versionBytes(store: Store, driveItemId: string, contentVersion: number): Buffer | undefined {
  const driveItem = driveItems(store).get(driveItemId);
  if (!driveItem) return undefined;
  if (driveItem.data.contentVersion === contentVersion) return store.blobs.get(blobKey(driveItemId));
  return store.blobs.get(archivedContentKey(driveItemId, contentVersion));
}

export function restoreItemVersion(store: Store, list: StoredList, item: StoredItem, label: string, who: IdentityRecord, at: Date): ItemVersion {
  const version = findItemVersion(store, item, label);
  const driveItem = item.data.driveItemId ? driveItems(store).get(item.data.driveItemId) : undefined;
  const contentChanges = driveItem !== undefined && version.content !== undefined && version.content.contentVersion !== driveItem.data.contentVersion;
  return store.transaction(() => {
    if (driveItem) assertRetentionAllows(store, driveItem.id, 'editMetadata');
    const values = { ...version.values };
    if (item.data.driveItemId) values.FileLeafRef = item.data.values.FileLeafRef;
    if (driveItem && contentChanges && version.content) {
      const bytes = versionBytes(store, driveItem.id, version.content.contentVersion);
      if (!bytes) throw new GraphError(404, 'itemNotFound', 'The content of this version is no longer available.');
      writeContent(store, driveItem, bytes, version.content.mimeType ?? driveItem.data.mimeType ?? 'application/octet-stream', who, at, values);
    } else {
      const site = sites(store).get(list.data.siteId);
      const lookupId = site ? ensureUser(store, site, who, at) : item.data.editorLookupId;
      items(store).update(item.id, (current) => ({ ...current, values, lastModifiedBy: who, editorLookupId: lookupId }), { at });
      recordItemVersion(store, list.id, item.data.itemId);
    }
    recordUniqueValues(store, list, item.id, item.data.values, values);
    return version;
  });
}
