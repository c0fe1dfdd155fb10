/**
 * Version history of list items and, in document libraries, of their files.
 *
 * SharePoint keeps one history per item: in a library the file's versions ARE the list item's
 * versions (new content and metadata changes each add a major version "n.0"). Graph shows them as
 * listItemVersion (…/items/{id}/versions) and driveItemVersion (…/drive/items/{id}/versions).
 *   - Every create and update of an item stores a snapshot (`sp.itemVersions`, id `<listId>:<itemId>:<major>`,
 *     parent = the item's key) while the list's versioning is on. The label is the item's `_UIVersionString`.
 *   - The newest entry of a history is always the item's live state ("current version").
 *   - Old file bytes stay in the blob table under `drive:<driveItemId>:c<contentVersion>`.
 *   - More versions than the list's major version limit: the oldest are dropped.
 * Defaults (Microsoft Support, "How versioning works in lists and libraries"): "versioning is now
 * turned on by default when you create a new library or list, and it will automatically save the
 * last 500 versions".
 */
import { GraphError } from '../../http/graphError';
import type { Collection, Store, StoredResource } from '../../store/store';
import { blobKey, DRIVE_ITEMS, type DriveItemRecord } from './library/model';
import { assertRetentionAllows } from './library/retention';
import { listSettings } from './permissions/model';
import { ITEMS, LISTS, itemKey, type IdentityRecord, type ItemRecord, type ListRecord } from './model';

export const ITEM_VERSIONS = 'sp.itemVersions';
export const DEFAULT_MAJOR_VERSION_LIMIT = 500;

export interface VersionContent {
  /** The driveItem's content version (cTag) this version's bytes belong to. */
  contentVersion: number;
  size: number;
  quickXorHash?: string;
  mimeType?: string;
}

export interface ItemVersionRecord {
  listId: string;
  itemId: number;
  /** Major version number: label `${major}.0`. */
  major: number;
  values: Record<string, unknown>;
  lastModifiedBy: IdentityRecord;
  editorLookupId: number;
  modifiedAt: string;
  /** Files only. */
  content?: VersionContent;
}

export interface ItemVersion extends ItemVersionRecord {
  label: string;
  current: boolean;
}

type StoredItemRecord = StoredResource<ItemRecord>;

const versions = (store: Store): Collection<ItemVersionRecord> => store.collection<ItemVersionRecord>(ITEM_VERSIONS);

export function versionLabel(major: number): string {
  return `${major}.0`;
}

/** Versioning as the list's settings say (EnableVersioning, set through SharePoint REST; on by default). */
export function versioningOf(store: Store, list: StoredResource<ListRecord>): { enabled: boolean; majorVersionLimit: number } {
  return { enabled: listSettings(store, list.id).enableVersioning, majorVersionLimit: list.data.majorVersionLimit ?? DEFAULT_MAJOR_VERSION_LIMIT };
}

export function archivedContentKey(driveItemId: string, contentVersion: number): string {
  return `${blobKey(driveItemId)}:c${contentVersion}`;
}

function driveItemOf(store: Store, item: ItemRecord): StoredResource<DriveItemRecord> | undefined {
  if (!item.driveItemId || item.folder) return undefined;
  return store.collection<DriveItemRecord>(DRIVE_ITEMS).get(item.driveItemId);
}

function snapshotOf(store: Store, item: StoredItemRecord): ItemVersionRecord {
  const driveItem = driveItemOf(store, item.data);
  const record: ItemVersionRecord = {
    listId: item.data.listId,
    itemId: item.data.itemId,
    major: item.version,
    values: structuredClone(item.data.values),
    lastModifiedBy: item.data.lastModifiedBy,
    editorLookupId: item.data.editorLookupId,
    modifiedAt: item.modifiedAt,
  };
  if (driveItem) {
    const { contentVersion, size, quickXorHash, mimeType } = driveItem.data;
    record.content = { contentVersion, size, ...(quickXorHash ? { quickXorHash } : {}), ...(mimeType ? { mimeType } : {}) };
  }
  return record;
}

function storedVersions(store: Store, listId: string, itemId: number): StoredResource<ItemVersionRecord>[] {
  return versions(store)
    .list({ parentId: itemKey(listId, itemId) })
    .sort((a, b) => a.data.major - b.data.major);
}

/** Keeps the item's current state as a version. Call after every create and update of an item. */
export function recordItemVersion(store: Store, listId: string, itemId: number): void {
  const item = store.collection<ItemRecord>(ITEMS).get(itemKey(listId, itemId));
  const list = store.collection<ListRecord>(LISTS).get(listId);
  if (!item || !list) return;
  const settings = versioningOf(store, list);
  if (!settings.enabled) return;
  store.transaction(() => {
    const record = snapshotOf(store, item);
    const id = `${itemKey(listId, itemId)}:${record.major}`;
    if (versions(store).get(id)) versions(store).update(id, () => record, { at: new Date(item.modifiedAt) });
    else versions(store).insert(record, { id, parentId: itemKey(listId, itemId), at: new Date(item.modifiedAt) });
    const kept = storedVersions(store, listId, itemId);
    const excess = kept.length - Math.max(1, settings.majorVersionLimit);
    if (excess > 0) removeVersions(store, item, kept.slice(0, excess));
  });
}

/** The item's history, newest first; the first entry is the live item. */
export function itemVersions(store: Store, item: StoredItemRecord): ItemVersion[] {
  const live: ItemVersion = { ...snapshotOf(store, item), label: versionLabel(item.version), current: true };
  const older = storedVersions(store, item.data.listId, item.data.itemId)
    .filter((v) => v.data.major < item.version)
    .map((v): ItemVersion => ({ ...v.data, label: versionLabel(v.data.major), current: false }))
    .reverse();
  return [live, ...older];
}

export function versionNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'The version was not found.');
}

export function findItemVersion(store: Store, item: StoredItemRecord, label: string): ItemVersion {
  const wanted = label.trim();
  const version = itemVersions(store, item).find((v) => v.label === wanted);
  if (!version) throw versionNotFound();
  return version;
}

/** Deletes snapshots and the old bytes only they pointed to. */
function removeVersions(store: Store, item: StoredItemRecord, removed: readonly StoredResource<ItemVersionRecord>[]): void {
  if (removed.length === 0) return;
  for (const version of removed) versions(store).delete(version.id);
  const driveItem = driveItemOf(store, item.data);
  if (!driveItem) return;
  const stillUsed = new Set(storedVersions(store, item.data.listId, item.data.itemId).map((v) => v.data.content?.contentVersion));
  stillUsed.add(driveItem.data.contentVersion);
  for (const version of removed) {
    const contentVersion = version.data.content?.contentVersion;
    if (contentVersion !== undefined && !stillUsed.has(contentVersion)) store.blobs.delete(archivedContentKey(driveItem.id, contentVersion));
  }
}

function assertMayDeleteVersions(store: Store, item: StoredItemRecord): void {
  if (item.data.driveItemId) assertRetentionAllows(store, item.data.driveItemId, 'delete');
}

/**
 * Deletes one earlier version (SharePoint REST `…/items(n)/versions/deletebyid(vid)`,
 * `…/file/versions/deletebyid(vid)`, `deletebylabel`). The current version cannot be deleted
 * ("Delete a version" in Microsoft Support deletes earlier versions only). For the REST router:
 * check the DeleteVersions right before calling. `vid` in SharePoint REST is major * 512.
 */
export function deleteItemVersion(store: Store, item: StoredItemRecord, label: string): void {
  const version = findItemVersion(store, item, label);
  if (version.current) throw new GraphError(400, 'invalidRequest', 'The current version of an item cannot be deleted.');
  assertMayDeleteVersions(store, item);
  store.transaction(() => {
    const stored = storedVersions(store, item.data.listId, item.data.itemId).filter((v) => v.data.major === version.major);
    removeVersions(store, item, stored);
  });
}

/** Deletes every earlier version, keeping the current one (SharePoint REST `…/versions/deleteall`). */
export function deleteAllItemVersions(store: Store, item: StoredItemRecord): void {
  assertMayDeleteVersions(store, item);
  store.transaction(() => {
    removeVersions(
      store,
      item,
      storedVersions(store, item.data.listId, item.data.itemId).filter((v) => v.data.major < item.version),
    );
  });
}

/** SharePoint REST's version id for a label: major * 512 (+ minor). */
export function restVersionId(label: string): number {
  const [major, minor] = label.split('.').map(Number) as [number, number];
  return major * 512 + (minor || 0);
}

/** The label for a SharePoint REST version id (`deletebyid(1024)` → "2.0"). */
export function labelOfRestVersionId(id: number): string {
  return `${Math.floor(id / 512)}.${id % 512}`;
}

/** When an item is deleted its history goes with it (SharePoint keeps it in the recycle bin). */
export function dropItemVersions(store: Store, listId: string, itemId: number): void {
  const item = store.collection<ItemRecord>(ITEMS).get(itemKey(listId, itemId));
  const all = storedVersions(store, listId, itemId);
  for (const version of all) versions(store).delete(version.id);
  const driveItemId = item?.data.driveItemId;
  if (!driveItemId) return;
  for (const contentVersion of new Set(all.map((v) => v.data.content?.contentVersion))) {
    if (contentVersion !== undefined) store.blobs.delete(archivedContentKey(driveItemId, contentVersion));
  }
}
