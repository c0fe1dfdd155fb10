/**
 * What the SharePoint module keeps in the store. Records hold SharePoint's state; the
 * Graph JSON shapes are produced by serialize.ts. Collections:
 *   sp.sites  id = composite site id (lower case)       parent = null
 *   sp.lists  id = list GUID                             parent = site id
 *   sp.items  id = `<listId>:<itemId>`                   parent = list id (delta uses it)
 */
export const SITES = 'sp.sites';
export const LISTS = 'sp.lists';
export const ITEMS = 'sp.items';

export interface IdentityRecord {
  id: string;
  displayName: string;
  email?: string;
}

export interface SiteRecord {
  hostname: string;
  siteCollectionId: string;
  webId: string;
  /** Server-relative URL: `/` for the root site, `/sites/ISMS` for a team site. */
  serverRelativeUrl: string;
  name: string;
  displayName: string;
  description: string;
  isRoot: boolean;
  /** The Microsoft 365 group that owns a team site (its drives' `owner.group`). */
  groupId?: string;
}

export const COLUMN_KINDS = ['text', 'choice', 'dateTime', 'number', 'boolean', 'hyperlinkOrPicture', 'personOrGroup'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface ColumnRecord {
  id: string;
  /** Internal name: the key in `fields`. */
  name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  /** The type facet as Graph returns it, e.g. `{ choices: [...], displayAs: 'dropDownMenu' }`. */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  columnGroup: string;
}

export type ListTemplate = 'genericList' | 'documentLibrary';

export interface ListRecord {
  siteId: string;
  /** URL segment (`Shared Documents`, `Evidence`). */
  name: string;
  displayName: string;
  description: string;
  template: ListTemplate;
  hidden: boolean;
  columns: ColumnRecord[];
  /** SharePoint item ids count up per list and are never reused. */
  nextItemId: number;
  /** The drive of a document library. */
  driveId?: string;
  createdBy: IdentityRecord;
  lastModifiedBy: IdentityRecord;
  /**
   * SharePoint's `MajorVersionLimit` (Graph v1.0 has no versioning facet). Absent = SharePoint Online's
   * default for new lists and libraries, 500 major versions (see versions.ts). Whether versioning is on
   * is a list setting (permissions/model.ts `listSettings`, REST `EnableVersioning`).
   */
  majorVersionLimit?: number;
}

export interface ItemRecord {
  listId: string;
  itemId: number;
  /** SharePoint's UniqueId: the GUID in the item's ETag. */
  uniqueId: string;
  /** Column values by internal name (person columns: `<Name>LookupId` as a string). */
  values: Record<string, unknown>;
  createdBy: IdentityRecord;
  lastModifiedBy: IdentityRecord;
  authorLookupId: number;
  editorLookupId: number;
  /** Document libraries: the file or folder this item stands for. */
  driveItemId?: string;
  folder?: boolean;
}

export function itemKey(listId: string, itemId: number | string): string {
  return `${listId}:${itemId}`;
}

/** Graph writes timestamps without milliseconds: `2024-03-01T10:11:12Z`. */
export function graphTime(iso: string | Date): string {
  const text = typeof iso === 'string' ? iso : iso.toISOString();
  return text.replace(/\.\d+Z$/, 'Z');
}
