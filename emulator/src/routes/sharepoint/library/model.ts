/**
 * What the drive module keeps in the store:
 *   drive.drives  id = drive id ("b!...")   parent = site id
 *   drive.items   id = item id ("01...")    parent = drive id
 * File bytes live in the store's blob table (inside the data dir) under `drive:<itemId>`.
 */
import type { IdentityRecord } from '../model';
import type { AppliedRetentionLabel } from './retention';

export const DRIVES = 'drive.drives';
export const DRIVE_ITEMS = 'drive.items';

export interface DriveRecord {
  siteId: string;
  /** The document library list behind the drive. */
  listId: string;
  name: string;
  description: string;
  createdBy: IdentityRecord;
}

export interface DriveItemRecord {
  driveId: string;
  /** null for the root folder. */
  parentItemId: string | null;
  name: string;
  kind: 'folder' | 'file';
  /** GUID in eTag/cTag, like SharePoint's `{GUID},version`. */
  uniqueId: string;
  size: number;
  mimeType?: string;
  quickXorHash?: string;
  /** Bumped on every content change (cTag version). */
  contentVersion: number;
  createdBy: IdentityRecord;
  lastModifiedBy: IdentityRecord;
  /** The library's list item for this file or folder (none for the root). */
  listItemId?: number;
  /** A Purview retention label applied to the file (retention.ts). */
  retentionLabel?: AppliedRetentionLabel;
}

export function blobKey(itemId: string): string {
  return `drive:${itemId}`;
}
