/** Store access for drives and drive items: libraries' drives, paths, uploads, deletes. */
import { randomUUID } from 'node:crypto';
import { errors, GraphError } from '../../../http/graphError';
import type { Collection, Store, StoredResource } from '../../../store/store';
import type { IdentityRecord } from '../model';
import { driveIdFor, newDriveItemId } from './ids';
import { blobKey, DRIVE_ITEMS, DRIVES, type DriveItemRecord, type DriveRecord } from './model';
import { createLibraryItem, deleteLibraryItem, recordLibraryItemVersion, touchLibraryItem } from './libraryItems';
import { assertRetentionAllows } from './retention';
import { archivedContentKey, versioningOf } from '../versions';
import { lists } from '../repo';
import { quickXorHash } from './quickXorHash';
import { storedBytes } from './propertyPromotion';

export type StoredDrive = StoredResource<DriveRecord>;
export type StoredDriveItem = StoredResource<DriveItemRecord>;

export const drives = (store: Store): Collection<DriveRecord> => store.collection<DriveRecord>(DRIVES);
export const driveItems = (store: Store): Collection<DriveItemRecord> => store.collection<DriveItemRecord>(DRIVE_ITEMS);

export function driveNotFound(): GraphError {
  return errors.itemNotFound('The drive could not be found.');
}

export function driveItemNotFound(): GraphError {
  return errors.itemNotFound('The resource could not be found.');
}

/** Creates the drive (and its root folder) of a new document library. */
export function createLibraryDrive(
  store: Store,
  input: { siteId: string; siteCollectionId: string; webId: string; listId: string; name: string; description: string; createdBy: IdentityRecord; at: Date },
): StoredDrive {
  const id = driveIdFor(input.siteCollectionId, input.webId, input.listId);
  return store.transaction(() => {
    const drive = drives(store).insert(
      { siteId: input.siteId, listId: input.listId, name: input.name, description: input.description, createdBy: input.createdBy },
      { id, parentId: input.siteId, at: input.at },
    );
    driveItems(store).insert(
      { driveId: id, parentItemId: null, name: 'root', kind: 'folder', uniqueId: randomUUID(), size: 0, contentVersion: 1, createdBy: input.createdBy, lastModifiedBy: input.createdBy },
      { id: newDriveItemId(), parentId: id, at: input.at },
    );
    return drive;
  });
}

export function getDrive(store: Store, driveId: string): StoredDrive {
  const drive = drives(store).get(driveId);
  if (!drive) throw driveNotFound();
  return drive;
}

export function rootOf(store: Store, driveId: string): StoredDriveItem {
  const root = driveItems(store).find((item) => item.parentItemId === null, { parentId: driveId });
  if (!root) throw new Error(`Drive ${driveId} has no root folder.`);
  return root;
}

export function childrenOf(store: Store, driveId: string, folderId: string): StoredDriveItem[] {
  return driveItems(store)
    .list({ parentId: driveId })
    .filter((item) => item.data.parentItemId === folderId);
}

export function getDriveItem(store: Store, driveId: string, itemId: string): StoredDriveItem {
  if (itemId.toLowerCase() === 'root') return rootOf(store, driveId);
  const item = driveItems(store).get(itemId);
  if (!item || item.data.driveId !== driveId) throw driveItemNotFound();
  return item;
}

/** Splits `Folder/Sub/file.pdf` and refuses names SharePoint refuses. */
export function splitDrivePath(path: string): string[] {
  const segments = path
    .replace(/:$/, '')
    .split('/')
    .filter((s) => s.length > 0);
  for (const segment of segments) {
    if (/["*:<>?\\|]/.test(segment) || segment !== segment.trim() || segment === '.' || segment === '..' || segment.endsWith('.')) {
      throw new GraphError(400, 'invalidRequest', `The name '${segment}' contains characters or a form that SharePoint does not allow.`);
    }
  }
  return segments;
}

function childNamed(store: Store, driveId: string, folderId: string, name: string): StoredDriveItem | undefined {
  const lower = name.toLowerCase();
  return childrenOf(store, driveId, folderId).find((item) => item.data.name.toLowerCase() === lower);
}

/** The item at a path below the root (names match case-insensitively, like SharePoint). */
export function itemByPath(store: Store, driveId: string, path: string): StoredDriveItem {
  let current = rootOf(store, driveId);
  for (const segment of splitDrivePath(path)) {
    if (current.data.kind !== 'folder') throw driveItemNotFound();
    const next = childNamed(store, driveId, current.id, segment);
    if (!next) throw driveItemNotFound();
    current = next;
  }
  return current;
}

/** The folder at a path, creating missing folders on the way. */
export function ensureFolder(store: Store, driveId: string, segments: readonly string[], who: IdentityRecord, at: Date): StoredDriveItem {
  let current = rootOf(store, driveId);
  for (const segment of segments) {
    const next = childNamed(store, driveId, current.id, segment);
    if (next && next.data.kind !== 'folder') {
      throw new GraphError(409, 'nameAlreadyExists', `A file with the name '${segment}' already exists where a folder is needed.`);
    }
    current = next ?? insertWithListItem(store, driveId, { parentItemId: current.id, name: segment, kind: 'folder', size: 0, createdBy: who, lastModifiedBy: who }, at);
  }
  return current;
}

type NewDriveItem = Omit<DriveItemRecord, 'driveId' | 'uniqueId' | 'contentVersion' | 'listItemId'>;

/** Inserts a file or folder together with its list item in the library. */
function insertWithListItem(store: Store, driveId: string, data: NewDriveItem, at: Date): StoredDriveItem {
  const drive = getDrive(store, driveId);
  const id = newDriveItemId();
  const listItemId = createLibraryItem(store, drive, { driveItemId: id, name: data.name, folder: data.kind === 'folder', who: data.createdBy, at });
  const inserted = driveItems(store).insert({ ...data, driveId, uniqueId: randomUUID(), contentVersion: 1, listItemId }, { id, parentId: driveId, at });
  recordLibraryItemVersion(store, drive, listItemId);
  return inserted;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

function renamed(store: Store, driveId: string, folderId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n += 1) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(store, driveId, folderId, candidate)) return candidate;
  }
}

export interface UploadResult {
  item: StoredDriveItem;
  created: boolean;
}

/** Simple upload: creates or replaces the file at `path` with `bytes` (as SharePoint keeps them: see propertyPromotion.ts). */
export function uploadFile(
  store: Store,
  input: { driveId: string; path: string; bytes: Buffer; mimeType: string; who: IdentityRecord; at: Date; conflictBehavior: ConflictBehavior },
): UploadResult {
  const segments = splitDrivePath(input.path);
  const name = segments[segments.length - 1];
  if (name === undefined) throw new GraphError(400, 'invalidRequest', 'The upload path needs a file name.');
  return store.transaction(() => {
    const folder = ensureFolder(store, input.driveId, segments.slice(0, -1), input.who, input.at);
    const existing = childNamed(store, input.driveId, folder.id, name);
    if (existing && existing.data.kind === 'folder') {
      throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    }
    if (existing && input.conflictBehavior === 'replace') {
      return { item: replaceContent(store, existing, input.bytes, input.mimeType, input.who, input.at), created: false };
    }
    if (existing && input.conflictBehavior === 'fail') {
      throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    }
    const finalName = existing ? renamed(store, input.driveId, folder.id, name) : name;
    const bytes = storedBytes(store, { name: finalName, listId: getDrive(store, input.driveId).data.listId, bytes: input.bytes });
    const item = insertWithListItem(
      store,
      input.driveId,
      {
        parentItemId: folder.id,
        name: finalName,
        kind: 'file',
        size: bytes.length,
        mimeType: input.mimeType,
        quickXorHash: quickXorHash(bytes),
        createdBy: input.who,
        lastModifiedBy: input.who,
      },
      input.at,
    );
    store.blobs.put(blobKey(item.id), bytes);
    return { item, created: true };
  });
}

/** New content for an existing file (what SharePoint keeps: see propertyPromotion.ts). */
export function replaceContent(store: Store, item: StoredDriveItem, sent: Buffer, mimeType: string, who: IdentityRecord, at: Date): StoredDriveItem {
  if (item.data.kind !== 'file') throw new GraphError(400, 'invalidRequest', 'Only files have content.');
  const bytes = storedBytes(store, { name: item.data.name, listId: getDrive(store, item.data.driveId).data.listId, bytes: sent });
  return writeContent(store, item, bytes, mimeType, who, at);
}

/**
 * Stores new bytes as the next version: the previous bytes stay readable as an older version
 * (versions.ts) while the library keeps versions. Refused for records whose content is locked.
 */
export function writeContent(
  store: Store,
  item: StoredDriveItem,
  bytes: Buffer,
  mimeType: string,
  who: IdentityRecord,
  at: Date,
  listItemValues?: Record<string, unknown>,
): StoredDriveItem {
  assertRetentionAllows(store, item.id, 'editContent');
  return store.transaction(() => {
    const drive = getDrive(store, item.data.driveId);
    const library = lists(store).get(drive.data.listId);
    const previous = store.blobs.get(blobKey(item.id));
    if (previous && library && versioningOf(store, library).enabled) store.blobs.put(archivedContentKey(item.id, item.data.contentVersion), previous);
    store.blobs.put(blobKey(item.id), bytes);
    const updated = driveItems(store).update(
      item.id,
      (current) => ({
        ...current,
        size: bytes.length,
        mimeType,
        quickXorHash: quickXorHash(bytes),
        contentVersion: current.contentVersion + 1,
        lastModifiedBy: who,
      }),
      { at },
    );
    touchLibraryItem(store, drive, item.data.listItemId, who, at, listItemValues);
    return updated;
  });
}

/** Deletes an item and everything below it (SharePoint moves it to the recycle bin). */
export function deleteDriveItem(store: Store, item: StoredDriveItem): void {
  assertRetentionAllows(store, item.id, 'delete');
  store.transaction(() => {
    for (const child of childrenOf(store, item.data.driveId, item.id)) deleteDriveItem(store, child);
    store.blobs.delete(blobKey(item.id));
    deleteLibraryItem(store, getDrive(store, item.data.driveId), item.data.listItemId);
    driveItems(store).delete(item.id);
  });
}

export function readContent(store: Store, item: StoredDriveItem): Buffer {
  const bytes = store.blobs.get(blobKey(item.id));
  if (!bytes) throw driveItemNotFound();
  return bytes;
}

/** Tests simulate tampering: new bytes, same metadata (size, hashes, eTag, cTag untouched). */
export function overwriteBytesSilently(store: Store, item: StoredDriveItem, bytes: Buffer): void {
  if (item.data.kind !== 'file') throw new GraphError(400, 'invalidRequest', 'Only files have content.');
  store.blobs.put(blobKey(item.id), bytes);
}
