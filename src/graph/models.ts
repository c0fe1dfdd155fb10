/**
 * The shapes that leave src/graph. Gateways map Graph resources (from
 * @microsoft/microsoft-graph-types) onto these; nothing outside src/graph imports Graph types.
 */
import type { GraphError } from './pipeline/errors';

export interface Person {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  preferredLanguage?: string;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mailNickname?: string;
  /** A Microsoft 365 group (`groupTypes` contains "Unified"); false for security groups; undefined when not read. */
  microsoft365?: boolean;
}

export interface Organization {
  id: string;
  displayName: string;
  defaultDomain?: string;
}

export interface Site {
  /** Composite id `hostname,siteCollectionId,webId`. */
  id: string;
  displayName: string;
  webUrl: string;
  /** URL name of the site (`ISMS`). */
  name?: string;
}

export interface Page<T> {
  items: T[];
  /** Absolute URL of the next page, absent on the last one. */
  nextLink?: string;
  /** On the last page of a delta query: the link for the next round of changes. */
  deltaLink?: string;
  /** `@odata.count` when `$count=true` was asked for. */
  count?: number;
}

/** Who created or changed something (Graph's identitySet, user part). */
export interface IdentityRef {
  id?: string;
  displayName?: string;
  email?: string;
}

/**
 * A column of a SharePoint list, as Chefsache defines and reads it. `name` is the internal name used in
 * `fields`; `indexed` allows filtering/ordering without the Prefer header; `enforceUniqueValues` needs
 * `indexed` (SharePoint rule).
 */
export type ColumnDefinition = ColumnCommon & ColumnType;

export interface ColumnCommon {
  name: string;
  displayName?: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  /** Set on columns read back from Graph (system columns such as Created); ignored on create. */
  readOnly?: boolean;
  /** Set on columns read back from Graph. */
  id?: string;
}

export type ColumnType =
  | { type: 'text'; allowMultipleLines?: boolean; maxLength?: number }
  | { type: 'choice'; choices: string[]; allowTextEntry?: boolean; displayAs?: 'checkBoxes' | 'dropDownMenu' | 'radioButtons' }
  | { type: 'dateTime'; format?: 'dateOnly' | 'dateTime' }
  | { type: 'number'; decimalPlaces?: 'automatic' | 'none' | 'one' | 'two' | 'three' | 'four' | 'five'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'hyperlinkOrPicture'; isPicture?: boolean }
  | { type: 'personOrGroup'; allowMultipleSelection?: boolean; chooseFromType?: 'peopleAndGroups' | 'peopleOnly' }
  /** A column type Chefsache does not define (lookup, calculated, ...), read back from Graph. */
  | { type: 'other' };

export type ListTemplate = 'genericList' | 'documentLibrary';

export interface ListDefinition {
  displayName: string;
  description?: string;
  template?: ListTemplate;
  columns: ColumnDefinition[];
}

/** A SharePoint list (or document library). */
export interface SharePointList {
  id: string;
  /** URL name (may differ from displayName). */
  name: string;
  displayName: string;
  webUrl: string;
  template?: string;
  /** Present when read with the columns expanded. */
  columns?: ColumnDefinition[];
}

/** A list item. `fields` holds the column values as Graph returns them; callers validate their own. */
export interface ListItem {
  id: string;
  /** Opaque version tag for If-Match (`"{guid},{version}"` on SharePoint). */
  etag: string;
  fields: Record<string, unknown>;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: IdentityRef;
  lastModifiedBy?: IdentityRef;
}

/** The changed fields after an update, with the item's new version tag. */
export interface UpdatedFields {
  fields: Record<string, unknown>;
  etag?: string;
}

/** One complete round of listItem delta: changed items, removed ids, and the link for the next round. */
export interface ListItemDelta {
  items: ListItem[];
  removedIds: string[];
  deltaLink: string;
}

/** A file (or folder) in a document library. */
export interface DriveItem {
  id: string;
  name: string;
  webUrl: string;
  eTag: string;
  cTag?: string;
  size: number;
  /** Absent for folders. */
  mimeType?: string;
  isFolder: boolean;
  hashes?: { sha256Hash?: string; sha1Hash?: string; quickXorHash?: string };
  driveId?: string;
  /** `/drive/root:/Folder` style path of the parent, as Graph reports it. */
  parentPath?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: IdentityRef;
  lastModifiedBy?: IdentityRef;
}

/** One outcome of a batched write: the mapped value, or the typed error for that request alone. */
export type BatchOutcome<T> = { ok: true; value: T } | { ok: false; error: GraphError };
