/**
 * Hidden columns (columnDefinition `hidden: true`). Microsoft Learn, "columnDefinition resource type"
 * (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition): "By default,
 * columnDefinitions and field values for hidden columns aren't shown. To list hidden
 * columnDefinitions, include hidden in your $select statement. To list hidden field values on
 * listItems, include the desired columns by name in your $select statement."
 */
import type { ODataQuery } from '../../odata';
import type { ColumnRecord } from './model';

/** Which hidden field values a read shows: the names a `$select` lists (lower case), or every one. */
export type FieldReveal = ReadonlySet<string> | 'all';

const lower = (names: readonly string[] | undefined): Set<string> => new Set((names ?? []).map((n) => n.trim().toLowerCase()));

/** Hidden values named in `$expand=fields($select=...)` (items, delta, one item). */
export function revealFromItemQuery(query: ODataQuery): ReadonlySet<string> {
  const fields = query.expand?.find((e) => e.name.toLowerCase() === 'fields');
  return lower(fields?.options.select);
}

/** Hidden values named in `$select` of GET …/items/{id}/fields. */
export function revealFromFieldsQuery(query: ODataQuery): ReadonlySet<string> {
  return lower(query.select);
}

/** Hidden values of `$expand=items($expand=fields($select=...))` on a list. */
export function revealFromListQuery(query: ODataQuery): ReadonlySet<string> {
  const itemsExpand = query.expand?.find((e) => e.name.toLowerCase() === 'items');
  return itemsExpand ? revealFromItemQuery(itemsExpand.options) : new Set();
}

export function isRevealed(column: ColumnRecord, key: string, reveal: FieldReveal): boolean {
  if (!column.hidden || reveal === 'all') return true;
  return reveal.has(key.toLowerCase()) || reveal.has(column.name.toLowerCase());
}

/** Column listings show hidden columns only when `$select` names the `hidden` property. */
export function listsHiddenColumns(select: readonly string[] | undefined): boolean {
  return lower(select).has('hidden');
}

/** `$expand=columns($select=...,hidden)` on a list. */
export function columnsExpandListsHidden(query: ODataQuery): boolean {
  const columns = query.expand?.find((e) => e.name.toLowerCase() === 'columns');
  return columns ? listsHiddenColumns(columns.options.select) : false;
}

export function visibleColumns(columns: readonly ColumnRecord[], includeHidden: boolean): ColumnRecord[] {
  return includeHidden ? [...columns] : columns.filter((c) => !c.hidden);
}

/**
 * Removes hidden columns' values from an item's `fields` after filtering and ordering (a filter
 * may still test a hidden column; only what is shown is cut).
 */
export function withoutHiddenValues(item: Record<string, unknown>, columns: readonly ColumnRecord[], keyOf: (c: ColumnRecord) => string, reveal: FieldReveal): Record<string, unknown> {
  const fields = item.fields as Record<string, unknown> | undefined;
  if (!fields || reveal === 'all') return item;
  const hidden = columns.filter((c) => c.hidden && !isRevealed(c, keyOf(c), reveal));
  if (hidden.length === 0) return item;
  const shown = { ...fields };
  for (const column of hidden) delete shown[keyOf(column)];
  return { ...item, fields: shown };
}
