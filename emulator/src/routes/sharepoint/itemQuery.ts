/**
 * Listing items: OData over the items' Graph JSON plus SharePoint's rules for `fields/...`:
 * unknown columns fail, and non-indexed columns may only be filtered or ordered on when the
 * caller sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`.
 */
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { applyQuery, parseQueryOptions, referencedPaths, type ODataPage, type ODataQuery, type Resource } from '../../odata';
import { findColumn } from './columns';
import { listItemOptions } from './libraryExpand';
import { items, type StoredList, type StoredSite } from './repo';
import { itemJson } from './serialize';

export const ITEMS_PAGE_SIZE = 200;
export const ITEMS_MAX_PAGE_SIZE = 5000;
const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
/** Fields SharePoint always keeps indexed. */
const ALWAYS_INDEXED = new Set(['id', 'ID']);

export function parseItemQuery(ctx: GraphContext): ODataQuery {
  return parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
}

function prefersNonIndexed(ctx: GraphContext): boolean {
  return (ctx.headers.prefer ?? '')
    .split(',')
    .some((part) => part.trim().toLowerCase() === PREFER_NON_INDEXED);
}

/** Throws SharePoint's 400s for `fields/X` references in $filter and $orderby. */
export function checkFieldReferences(ctx: GraphContext, list: StoredList, query: ODataQuery): void {
  const paths = [...(query.filter ? referencedPaths(query.filter) : []), ...(query.orderBy ?? []).map((o) => [...o.path])];
  const allowNonIndexed = prefersNonIndexed(ctx);
  for (const path of paths) {
    if (path[0] !== 'fields' || path[1] === undefined) continue;
    const name = path[1];
    if (ALWAYS_INDEXED.has(name)) continue;
    const column = findColumn(list.data.columns, name);
    if (!column) {
      throw new GraphError(400, 'invalidRequest', `Column '${name}' does not exist. It may have been deleted by another user.`);
    }
    if (!column.indexed && !allowNonIndexed) {
      throw new GraphError(
        400,
        'invalidRequest',
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
  }
}

export function listItemsPage(ctx: GraphContext, site: StoredSite, list: StoredList, query: ODataQuery): ODataPage {
  checkFieldReferences(ctx, list, query);
  const resources: Resource[] = items(ctx.store)
    .list({ parentId: list.id })
    .sort((a, b) => a.data.itemId - b.data.itemId)
    .map((item) => itemJson(ctx.store, site, list, item));
  return applyQuery(resources, query, {
    ...listItemOptions(ctx),
    requestUrl: new URL(`${ctx.origin}/v1.0${ctx.path}?${ctx.query.toString()}`),
    defaultPageSize: ITEMS_PAGE_SIZE,
    maxPageSize: ITEMS_MAX_PAGE_SIZE,
  });
}
