/**
 * In SharePoint every file and folder of a document library is also an item of the library's
 * list (FileLeafRef = name, ContentType Document/Folder). These helpers keep both sides in step:
 * creating, touching (new version) and deleting the list item of a drive item.
 */
import type { Store } from '../../../store/store';
import { itemKey, type IdentityRecord, type ItemRecord } from '../model';
import { items, lists, sites } from '../repo';
import { ensureUser } from '../userInfo';
import { dropItemVersions, recordItemVersion } from '../versions';
import { randomUUID } from 'node:crypto';
import type { StoredDrive } from './repo';

export function createLibraryItem(
  store: Store,
  drive: StoredDrive,
  input: { driveItemId: string; name: string; folder: boolean; who: IdentityRecord; at: Date },
): number {
  const site = sites(store).get(drive.data.siteId);
  if (!site) throw new Error(`Drive ${drive.id} lost its site.`);
  const lookupId = ensureUser(store, site, input.who, input.at);
  const list = lists(store).update(drive.data.listId, (current) => ({ ...current, nextItemId: current.nextItemId + 1 }), { at: input.at });
  const itemId = list.data.nextItemId - 1;
  const record: ItemRecord = {
    listId: list.id,
    itemId,
    uniqueId: randomUUID(),
    values: { FileLeafRef: input.name },
    createdBy: input.who,
    lastModifiedBy: input.who,
    authorLookupId: lookupId,
    editorLookupId: lookupId,
    driveItemId: input.driveItemId,
    folder: input.folder,
  };
  items(store).insert(record, { id: itemKey(list.id, itemId), parentId: list.id, at: input.at });
  return itemId;
}

/** A new file version: the list item gets a new version, editor and modified time. */
export function touchLibraryItem(store: Store, drive: StoredDrive, listItemId: number | undefined, who: IdentityRecord, at: Date, values?: Record<string, unknown>): void {
  if (listItemId === undefined) return;
  const key = itemKey(drive.data.listId, listItemId);
  if (!items(store).get(key)) return;
  const site = sites(store).get(drive.data.siteId);
  const lookupId = site ? ensureUser(store, site, who, at) : undefined;
  items(store).update(key, (current) => ({ ...current, values: values ?? current.values, lastModifiedBy: who, editorLookupId: lookupId ?? current.editorLookupId }), { at });
  recordItemVersion(store, drive.data.listId, listItemId);
}

/** Records the first version of a new file's list item (after the driveItem exists). */
export function recordLibraryItemVersion(store: Store, drive: StoredDrive, listItemId: number | undefined): void {
  if (listItemId !== undefined) recordItemVersion(store, drive.data.listId, listItemId);
}

export function deleteLibraryItem(store: Store, drive: StoredDrive, listItemId: number | undefined): void {
  if (listItemId === undefined) return;
  dropItemVersions(store, drive.data.listId, listItemId);
  items(store).delete(itemKey(drive.data.listId, listItemId));
}
