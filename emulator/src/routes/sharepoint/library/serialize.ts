/** Graph JSON of drive and driveItem (SharePoint document library flavour). */
import type { Store } from '../../../store/store';
import { groups } from '../../identity/directory';
import { graphTime } from '../model';
import { encodeUrlPath, listUrl, lists, sites } from '../repo';
import { identitySet } from '../serialize';
import { childrenOf, driveItems, type StoredDrive, type StoredDriveItem } from './repo';

/** SharePoint reports 1 TB per site collection (the demo never fills it). */
const QUOTA_TOTAL = 1099511627776;

export function libraryUrl(store: Store, drive: StoredDrive): string {
  const site = sites(store).get(drive.data.siteId);
  const list = lists(store).get(drive.data.listId);
  if (!site || !list) throw new Error(`Drive ${drive.id} lost its site or library.`);
  return listUrl(site.data, list.data);
}

export function driveJson(store: Store, drive: StoredDrive): Record<string, unknown> {
  const site = sites(store).get(drive.data.siteId);
  const used = driveItems(store)
    .list({ parentId: drive.id })
    .reduce((sum, item) => sum + (item.data.kind === 'file' ? item.data.size : 0), 0);
  const group = site?.data.groupId ? groups(store).get(site.data.groupId)?.data : undefined;
  const owner = group
    ? { group: { email: group.mail ?? undefined, id: group.id, displayName: group.displayName } }
    : { user: { displayName: 'System Account' } };
  return {
    createdDateTime: graphTime(drive.createdAt),
    description: drive.data.description,
    id: drive.id,
    lastModifiedDateTime: graphTime(drive.modifiedAt),
    name: drive.data.name,
    webUrl: libraryUrl(store, drive),
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: drive.data.createdBy.displayName } },
    owner,
    quota: { deleted: 0, remaining: QUOTA_TOTAL - used, state: 'normal', total: QUOTA_TOTAL, used },
  };
}

export function itemETag(item: StoredDriveItem): string {
  return `"{${item.data.uniqueId.toUpperCase()}},${item.version}"`;
}

export function itemCTag(item: StoredDriveItem): string {
  return `"c:{${item.data.uniqueId.toUpperCase()}},${item.data.contentVersion}"`;
}

/** Names from the root down to the item (empty for the root). */
export function pathSegments(store: Store, item: StoredDriveItem): string[] {
  const segments: string[] = [];
  let current: StoredDriveItem | undefined = item;
  while (current && current.data.parentItemId !== null) {
    segments.unshift(current.data.name);
    current = driveItems(store).get(current.data.parentItemId);
  }
  return segments;
}

export interface DriveItemJsonOptions {
  downloadUrl?: string;
}

export function driveItemJson(store: Store, drive: StoredDrive, item: StoredDriveItem, options: DriveItemJsonOptions = {}): Record<string, unknown> {
  const segments = pathSegments(store, item);
  const base = libraryUrl(store, drive);
  const body: Record<string, unknown> = {};
  if (options.downloadUrl && item.data.kind === 'file') body['@microsoft.graph.downloadUrl'] = options.downloadUrl;
  Object.assign(body, {
    createdDateTime: graphTime(item.createdAt),
    eTag: itemETag(item),
    id: item.id,
    lastModifiedDateTime: graphTime(item.modifiedAt),
    name: item.data.name,
    webUrl: segments.length === 0 ? base : `${base}/${encodeUrlPath(segments.join('/'))}`,
    cTag: itemCTag(item),
    size: item.data.kind === 'file' ? item.data.size : folderSize(store, item),
    createdBy: identitySet(item.data.createdBy),
    lastModifiedBy: identitySet(item.data.lastModifiedBy),
  });
  const parentReference: Record<string, unknown> = { driveType: 'documentLibrary', driveId: drive.id };
  if (item.data.parentItemId !== null) {
    const parentSegments = segments.slice(0, -1);
    parentReference.id = item.data.parentItemId;
    parentReference.name = parentSegments.length === 0 ? drive.data.name : parentSegments[parentSegments.length - 1];
    parentReference.path = `/drives/${drive.id}/root:${parentSegments.length === 0 ? '' : `/${parentSegments.join('/')}`}`;
    parentReference.siteId = drive.data.siteId;
  }
  body.parentReference = parentReference;
  if (item.data.kind === 'file') {
    body.file = { mimeType: item.data.mimeType ?? 'application/octet-stream', hashes: { quickXorHash: item.data.quickXorHash } };
  } else {
    body.folder = { childCount: childrenOf(store, drive.id, item.id).length };
  }
  body.fileSystemInfo = { createdDateTime: graphTime(item.createdAt), lastModifiedDateTime: graphTime(item.modifiedAt) };
  if (item.data.parentItemId === null) body.root = {};
  return body;
}

function folderSize(store: Store, folder: StoredDriveItem): number {
  return childrenOf(store, folder.data.driveId, folder.id).reduce(
    (sum, child) => sum + (child.data.kind === 'file' ? child.data.size : folderSize(store, child)),
    0,
  );
}
