/**
 * Listing items: OData over the items' Graph JSON plus SharePoint's rules for `fields/...`:
 * - unknown columns fail;
 * - non-indexed columns may only be filtered or ordered on when the caller sends
 *   `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`;
 * - "When filtering on indexed fields, the service can only filter one indexed field at a time"
 *   (Microsoft Learn, "List items", https://learn.microsoft.com/en-us/graph/api/listitem-list);
 * - on a list above the list view threshold (5,000 items) a filter or sort on a non-indexed
 *   column has to scan the whole list: SharePoint refuses it even with the Prefer header
 *   (SPQueryThrottledException, "The attempted operation is prohibited because it exceeds the
 *   list view threshold.").
 * Hidden columns' values appear only when `$expand=fields($select=...)` names them.
 */
import { readableItems } from './access';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { applyQuery, parseQueryOptions, referencedPaths, type ODataPage, type ODataQuery, type Resource } from '../../odata';
import { fieldKey, findColumn } from './columns';
import { revealFromItemQuery, withoutHiddenValues } from './hiddenColumns';
import { listItemOptions } from './libraryExpand';
import { items, type StoredList, type StoredSite } from './repo';
import { itemJson } from './serialize';

export const ITEMS_PAGE_SIZE = 200;
export const ITEMS_MAX_PAGE_SIZE = 5000;
/** SharePoint Online's list view threshold (not configurable there). */
export const LIST_VIEW_THRESHOLD = 5000;
const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
/** Fields SharePoint always keeps indexed. */
const ALWAYS_INDEXED = new Set(['id']);

export function parseItemQuery(ctx: GraphContext): ODataQuery {
  return parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
}

function prefersNonIndexed(ctx: GraphContext): boolean {
  return (ctx.headers.prefer ?? '')
    .split(',')
    .some((part) => part.trim().toLowerCase() === PREFER_NON_INDEXED);
}

export function listViewThresholdExceeded(): GraphError {
  return new GraphError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

function fieldNames(paths: readonly (readonly string[])[]): string[] {
  return paths.filter((p) => p[0] === 'fields' && p[1] !== undefined).map((p) => p[1]!);
}

/** Throws SharePoint's errors for `fields/X` references in $filter and $orderby. */
export function checkFieldReferences(ctx: GraphContext, list: StoredList, query: ODataQuery, itemCount: number): void {
  const filtered = fieldNames(query.filter ? referencedPaths(query.filter) : []);
  const ordered = fieldNames((query.orderBy ?? []).map((o) => [...o.path]));
  const allowNonIndexed = prefersNonIndexed(ctx);
  const indexedInFilter = new Set<string>();
  let nonIndexed = false;
  for (const name of [...filtered, ...ordered]) {
    const inFilter = filtered.includes(name);
    if (ALWAYS_INDEXED.has(name.toLowerCase())) {
      if (inFilter) indexedInFilter.add('id');
      continue;
    }
    const column = findColumn(list.data.columns, name);
    if (!column) {
      throw new GraphError(400, 'invalidRequest', `Column '${name}' does not exist. It may have been deleted by another user.`);
    }
    if (column.indexed) {
      if (inFilter) indexedInFilter.add(column.name.toLowerCase());
      continue;
    }
    if (!allowNonIndexed) {
      throw new GraphError(
        400,
        'invalidRequest',
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    nonIndexed = true;
  }
  if (indexedInFilter.size > 1) {
    throw new GraphError(
      400,
      'invalidRequest',
      `The filter references the indexed fields ${[...indexedInFilter].join(', ')}: the service can only filter one indexed field at a time.`,
    );
  }
  if (nonIndexed && itemCount > LIST_VIEW_THRESHOLD) throw listViewThresholdExceeded();
}

export function listItemsPage(ctx: GraphContext, site: StoredSite, list: StoredList, query: ODataQuery): ODataPage {
  // Items the caller may not view (their own role assignments, ReadSecurity) are left out, as SharePoint trims them.
  const readable = readableItems(ctx.store, site, list, ctx.user);
  const stored = items(ctx.store).list({ parentId: list.id }).filter(readable);
  checkFieldReferences(ctx, list, query, stored.length);
  const resources: Resource[] = stored.sort((a, b) => a.data.itemId - b.data.itemId).map((item) => itemJson(ctx.store, site, list, item));
  const page = applyQuery(resources, query, {
    ...listItemOptions(ctx),
    requestUrl: new URL(`${ctx.origin}/v1.0${ctx.path}?${ctx.query.toString()}`),
    defaultPageSize: ITEMS_PAGE_SIZE,
    maxPageSize: ITEMS_MAX_PAGE_SIZE,
  });
  const reveal = revealFromItemQuery(query);
  return { ...page, value: page.value.map((item) => withoutHiddenValues(item, list.data.columns, fieldKey, reveal)) };
}
