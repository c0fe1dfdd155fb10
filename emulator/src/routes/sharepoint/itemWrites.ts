/**
 * Creating, updating and deleting list items: value validation, unique columns, ETags.
 * Like Graph, `required` columns are not enforced on API writes (only SharePoint's forms do).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { deleteDriveItem, driveItems } from './library/repo';
import { identityOf } from '../identity/directory';
import type { GraphContext } from '../../http/context';
import { errors, GraphError } from '../../http/graphError';
import { coerceValue, fieldKey, findColumn, zodMessage } from './columns';
import { checkIfMatch } from './etag';
import { itemKey, type IdentityRecord, type ItemRecord } from './model';
import { items, lists, type StoredItem, type StoredList, type StoredSite } from './repo';
import { itemETag } from './serialize';
import { duplicateColumns, recordUniqueValues } from './uniqueIndex';
import { ensureUser } from './userInfo';
import { assertRetentionAllows } from './library/retention';
import { dropItemVersions, recordItemVersion } from './versions';

export const fieldValueSetSchema = z.record(z.string(), z.unknown());
export const createItemSchema = z.object({ fields: fieldValueSetSchema.optional() }).passthrough();

const READ_ONLY_FIELDS = new Set(['id', 'ContentType', 'Modified', 'Created', 'AuthorLookupId', 'EditorLookupId', 'Author', 'Editor', '_UIVersionString', 'Attachments', 'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount']);

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined) throw errors.invalidRequest('The request body is empty. Send a JSON object.');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw errors.invalidRequest(`Invalid request body: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

/** The signed-in user as createdBy/lastModifiedBy (mail from the directory, else the UPN). */
export function callerIdentity(ctx: GraphContext): IdentityRecord {
  const { user } = identityOf(ctx.store, ctx.user);
  return { id: user.id, displayName: user.displayName, email: user.email ?? ctx.user.userPrincipalName };
}

/** Validates written fields against the list's columns; returns the values to store. */
function coerceFields(list: StoredList, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith('@odata.')) continue;
    if (READ_ONLY_FIELDS.has(key)) {
      throw errors.invalidRequest(`Field '${key}' is read-only.`);
    }
    const column = findColumn(list.data.columns, key);
    if (!column) throw errors.invalidRequest(`Field '${key}' is not recognized`);
    if (column.readOnly) throw errors.invalidRequest(`Field '${key}' is read-only.`);
    if (column.kind === 'personOrGroup' && key !== fieldKey(column)) {
      throw errors.invalidRequest(`Field '${key}' is a person column: write its lookup id as '${fieldKey(column)}'.`);
    }
    out[fieldKey(column)] = coerceValue(column, value);
  }
  return out;
}

/** SharePoint refuses a write that would duplicate a value of a column with enforceUniqueValues. */
function assertUnique(store: GraphContext['store'], list: StoredList, values: Record<string, unknown>, selfKey?: string): void {
  const duplicates = duplicateColumns(store, list, values, selfKey);
  if (duplicates.length > 0) {
    throw new GraphError(
      409,
      'nameAlreadyExists',
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${duplicates.map((c) => c.name).join(', ')}].`,
    );
  }
}

export function createItem(ctx: GraphContext, site: StoredSite, list: StoredList, fields: Record<string, unknown>): StoredItem {
  if (list.data.template === 'documentLibrary') {
    throw errors.invalidRequest('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
  }
  const values = coerceFields(list, fields);
  return ctx.store.transaction(() => {
    assertUnique(ctx.store, list, values);
    const identity = callerIdentity(ctx);
    const lookupId = ensureUser(ctx.store, site, identity, ctx.now);
    const updatedList = lists(ctx.store).update(list.id, (current) => ({ ...current, nextItemId: current.nextItemId + 1 }), { at: ctx.now });
    const itemId = updatedList.data.nextItemId - 1;
    const record: ItemRecord = {
      listId: list.id,
      itemId,
      uniqueId: randomUUID(),
      values,
      createdBy: identity,
      lastModifiedBy: identity,
      authorLookupId: lookupId,
      editorLookupId: lookupId,
    };
    const created = items(ctx.store).insert(record, { id: itemKey(list.id, itemId), parentId: list.id, at: ctx.now });
    recordUniqueValues(ctx.store, list, created.id, undefined, values);
    recordItemVersion(ctx.store, list.id, itemId);
    return created;
  });
}

export function updateItemFields(ctx: GraphContext, site: StoredSite, list: StoredList, item: StoredItem, fields: Record<string, unknown>): StoredItem {
  const changes = coerceFields(list, fields);
  return ctx.store.transaction(() => {
    checkIfMatch(ctx.headers['if-match'], itemETag(item));
    if (item.data.driveItemId) assertRetentionAllows(ctx.store, item.data.driveItemId, 'editMetadata');
    const merged = { ...item.data.values, ...changes };
    assertUnique(ctx.store, list, merged, item.id);
    const identity = callerIdentity(ctx);
    const lookupId = ensureUser(ctx.store, site, identity, ctx.now);
    const updated = items(ctx.store).update(
      item.id,
      (current) => ({ ...current, values: { ...current.values, ...changes }, lastModifiedBy: identity, editorLookupId: lookupId }),
      { ifVersion: item.version, at: ctx.now },
    );
    recordUniqueValues(ctx.store, list, item.id, item.data.values, updated.data.values);
    recordItemVersion(ctx.store, list.id, item.data.itemId);
    return items(ctx.store).get(item.id) ?? updated;
  });
}

/** Deletes an item; in a document library also its file or folder (with everything below it). */
export function deleteItem(ctx: GraphContext, item: StoredItem): void {
  ctx.store.transaction(() => {
    checkIfMatch(ctx.headers['if-match'], itemETag(item));
    const driveItem = item.data.driveItemId ? driveItems(ctx.store).get(item.data.driveItemId) : undefined;
    if (driveItem) deleteDriveItem(ctx.store, driveItem);
    dropItemVersions(ctx.store, item.data.listId, item.data.itemId);
    items(ctx.store).delete(item.id, { ifVersion: item.version });
  });
}
