/** Graph JSON shapes of site, list, columnDefinition, listItem and fieldValueSet. */
import type { Store } from '../../store/store';
import { DRIVE_ITEMS, type DriveItemRecord } from './library/model';
import { fieldKey } from './columns';
import { isRevealed, type FieldReveal } from './hiddenColumns';
import { graphTime, type ColumnRecord, type IdentityRecord } from './model';
import { encodeUrlPath, listUrl, siteUrl, type StoredItem, type StoredList, type StoredSite } from './repo';

export function identitySet(identity: IdentityRecord): Record<string, unknown> {
  const user: Record<string, unknown> = {};
  if (identity.email !== undefined) user.email = identity.email;
  if (identity.id !== '') user.id = identity.id;
  user.displayName = identity.displayName;
  return { user };
}

export function siteJson(site: StoredSite): Record<string, unknown> {
  const body: Record<string, unknown> = {
    createdDateTime: graphTime(site.createdAt),
    description: site.data.description,
    id: site.id,
    lastModifiedDateTime: graphTime(site.modifiedAt),
    name: site.data.name,
    webUrl: siteUrl(site.data),
    displayName: site.data.displayName,
  };
  if (site.data.isRoot) body.root = {};
  body.siteCollection = { hostname: site.data.hostname };
  return body;
}

export function listETag(list: StoredList): string {
  return `"${list.id},${list.version}"`;
}

/** `includeHiddenColumns`: hidden columns appear only when the caller selected `hidden` (see hiddenColumns.ts). */
export function listJson(site: StoredSite, list: StoredList, includeHiddenColumns = false): Record<string, unknown> {
  const etag = listETag(list);
  return {
    '@odata.etag': etag,
    createdDateTime: graphTime(list.createdAt),
    description: list.data.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: graphTime(list.modifiedAt),
    name: list.data.name,
    webUrl: listUrl(site.data, list.data),
    displayName: list.data.displayName,
    createdBy: identitySet(list.data.createdBy),
    lastModifiedBy: identitySet(list.data.lastModifiedBy),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: list.data.hidden, template: list.data.template },
    columns: list.data.columns.filter((c) => includeHiddenColumns || !c.hidden).map(columnJson),
  };
}

export function columnJson(column: ColumnRecord): Record<string, unknown> {
  return {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    [column.kind]: column.facet,
  };
}

export function itemETag(item: StoredItem): string {
  return `"${item.data.uniqueId},${item.version}"`;
}

/**
 * The fieldValueSet: custom values, then SharePoint's system fields; empty values are left out.
 * Values of hidden columns only when `reveal` names them (reads) or for `'all'` (write answers).
 */
export function fieldsJson(list: StoredList, item: StoredItem, reveal: FieldReveal = 'all'): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  const columnsByKey = new Map(list.data.columns.map((c) => [fieldKey(c), c] as const));
  for (const [key, value] of Object.entries(item.data.values)) {
    if (value === null || value === undefined) continue;
    const column = columnsByKey.get(key);
    if (!column || !isRevealed(column, key, reveal)) continue;
    fields[key] = value;
  }
  const title = typeof item.data.values.Title === 'string' ? item.data.values.Title : undefined;
  Object.assign(fields, {
    id: String(item.data.itemId),
    ContentType: contentTypeOf(list, item).name,
    Modified: graphTime(item.modifiedAt),
    Created: graphTime(item.createdAt),
    AuthorLookupId: String(item.data.authorLookupId),
    EditorLookupId: String(item.data.editorLookupId),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    ItemChildCount: '0',
    FolderChildCount: '0',
  });
  if (title !== undefined) {
    fields.LinkTitleNoMenu = title;
    fields.LinkTitle = title;
  }
  // SharePoint's internal field `ID` (a number) can be filtered and ordered on (`fields/ID`) but
  // is not part of the fieldValueSet: non-enumerable, so projection and JSON leave it out.
  Object.defineProperty(fields, 'ID', { value: item.data.itemId, enumerable: false });
  return fields;
}

function contentTypeOf(list: StoredList, item: StoredItem): { id: string; name: string } {
  if (list.data.template !== 'documentLibrary') return { id: '0x01', name: 'Item' };
  return item.data.folder ? { id: '0x0120', name: 'Folder' } : { id: '0x0101', name: 'Document' };
}

/** Path of a library item's file below the library root (`Ordner/Datei.pdf`). */
function libraryPath(store: Store, driveItemId: string): string | undefined {
  const driveItems = store.collection<DriveItemRecord>(DRIVE_ITEMS);
  const names: string[] = [];
  let current = driveItems.get(driveItemId);
  if (!current) return undefined;
  while (current && current.data.parentItemId !== null) {
    names.unshift(current.data.name);
    current = driveItems.get(current.data.parentItemId);
  }
  return names.join('/');
}

export function itemJson(store: Store, site: StoredSite, list: StoredList, item: StoredItem, reveal: FieldReveal = 'all'): Record<string, unknown> {
  const etag = itemETag(item);
  const filePath = item.data.driveItemId ? libraryPath(store, item.data.driveItemId) : undefined;
  return {
    '@odata.etag': etag,
    createdDateTime: graphTime(item.createdAt),
    eTag: etag,
    id: String(item.data.itemId),
    lastModifiedDateTime: graphTime(item.modifiedAt),
    webUrl: filePath !== undefined ? `${listUrl(site.data, list.data)}/${encodeUrlPath(filePath)}` : `${listUrl(site.data, list.data)}/${item.data.itemId}_.000`,
    createdBy: identitySet(item.data.createdBy),
    lastModifiedBy: identitySet(item.data.lastModifiedBy),
    parentReference: { id: list.id, siteId: site.id },
    contentType: contentTypeOf(list, item),
    fields: fieldsJson(list, item, reveal),
  };
}
