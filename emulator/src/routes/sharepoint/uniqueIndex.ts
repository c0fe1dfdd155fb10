/**
 * Unique columns, enforced through an index as SharePoint does (a unique column must be indexed):
 * a write costs one lookup per unique column, not a scan of the whole list.
 *
 * Entries map (list, column, normalized value) → item. Every item write in itemWrites.ts keeps them
 * current; an entry whose item was deleted another way (through its file in a library) or whose
 * value changed is recognised as stale when looked up and overwritten. The index of a list is built
 * once by a scan the first time a set of unique columns is checked (e.g. after a column was added).
 */
import type { Store } from '../../store/store';
import { fieldKey } from './columns';
import type { ColumnRecord } from './model';
import { items, type StoredList } from './repo';

const UNIQUE_VALUES = 'sharepointUniqueValues';

interface UniqueEntry {
  itemKey: string;
}

const entries = (store: Store) => store.collection<UniqueEntry>(UNIQUE_VALUES);

function normalize(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value);
}

const present = (value: unknown): boolean => value !== null && value !== undefined;

function entryId(listId: string, column: ColumnRecord, value: unknown): string {
  return `${listId}|${fieldKey(column)}|${normalize(value)}`;
}

function uniqueColumns(list: StoredList): ColumnRecord[] {
  return list.data.columns.filter((c) => c.enforceUniqueValues);
}

function ensureBuilt(store: Store, list: StoredList, unique: ColumnRecord[]): void {
  const marker = `sharepoint.uniqueIndex.${list.id}.${unique.map(fieldKey).sort().join(',')}`;
  if (store.getMeta(marker)) return;
  for (const item of items(store).list({ parentId: list.id })) recordUniqueValues(store, list, item.id, undefined, item.data.values);
  store.setMeta(marker, '1');
}

/** The unique columns whose value in `values` another item of the list already holds. */
export function duplicateColumns(store: Store, list: StoredList, values: Record<string, unknown>, selfKey?: string): ColumnRecord[] {
  const unique = uniqueColumns(list);
  if (unique.length === 0) return [];
  ensureBuilt(store, list, unique);
  return unique.filter((column) => {
    const value = values[fieldKey(column)];
    if (!present(value)) return false;
    const entry = entries(store).get(entryId(list.id, column, value));
    if (!entry || entry.data.itemKey === selfKey) return false;
    const holder = items(store).get(entry.data.itemKey)?.data.values[fieldKey(column)];
    return present(holder) && normalize(holder) === normalize(value);
  });
}

/** Keeps the index in step with an item's values (`before` undefined: a new item; `after` undefined: deleted). */
export function recordUniqueValues(
  store: Store,
  list: StoredList,
  itemKey: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): void {
  for (const column of uniqueColumns(list)) {
    const key = fieldKey(column);
    const old = before?.[key];
    const next = after?.[key];
    if (present(old) && (!present(next) || normalize(old) !== normalize(next))) {
      const id = entryId(list.id, column, old);
      if (entries(store).get(id)?.data.itemKey === itemKey) entries(store).delete(id);
    }
    if (present(next)) {
      const id = entryId(list.id, column, next);
      if (entries(store).get(id)) entries(store).update(id, () => ({ itemKey }));
      else entries(store).insert({ itemKey }, { id, parentId: list.id });
    }
  }
}
