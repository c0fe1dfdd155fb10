/** Shared list/entity answering for directory objects (users, groups, directoryObjects). */
import { applyQuery, collectionBody, parseQueryOptions, project, type ODataQuery, type Resource } from '../../odata';
import type { GraphContext } from '../../http/context';
import { ok, type EmulatorResponse } from '../../http/response';
import { checkDirectoryQuery, contextName, matchesSearch, parseDirectorySearch, requestUrl } from './directoryQuery';

export interface DirectoryShape {
  /** For @odata.context: `users`, `groups`, `directoryObjects`. */
  entitySet: string;
  typeName: string;
  knownProperties: readonly string[];
  /** Used when the request has no $select. */
  defaultSelect: readonly string[];
  searchable: readonly string[];
  /** $orderby allowed without advanced query. */
  sortable: readonly string[];
  /** $filter, $orderby and $search need ConsistencyLevel: eventual + $count=true (memberOf, members). */
  queriesNeedAdvanced?: boolean;
}

export const DIRECTORY_PAGE_SIZE = 100;
export const DIRECTORY_MAX_PAGE_SIZE = 999;

function withDefaultSelect(query: ODataQuery, shape: DirectoryShape): ODataQuery {
  return query.select && query.select.length > 0 ? query : { ...query, select: shape.defaultSelect };
}

export function listDirectoryObjects(ctx: GraphContext, items: Resource[], shape: DirectoryShape): EmulatorResponse {
  const query = parseQueryOptions(ctx.query);
  checkDirectoryQuery(ctx, query, shape.sortable, shape.queriesNeedAdvanced ?? false);
  const search = query.search === undefined ? undefined : parseDirectorySearch(query.search, shape.searchable);
  const candidates = search ? items.filter((item) => matchesSearch(item, search)) : items;
  const page = applyQuery(candidates, withDefaultSelect(query, shape), {
    requestUrl: requestUrl(ctx),
    defaultPageSize: DIRECTORY_PAGE_SIZE,
    maxPageSize: DIRECTORY_MAX_PAGE_SIZE,
    typeName: shape.typeName,
    knownProperties: shape.knownProperties,
  });
  return ok(collectionBody(page, ctx.odataContext(contextName(shape.entitySet, query))));
}

export function getDirectoryObject(ctx: GraphContext, item: Resource, shape: DirectoryShape): EmulatorResponse {
  const query = parseQueryOptions(ctx.query);
  const projected = project(item, withDefaultSelect(query, shape), { typeName: shape.typeName, knownProperties: shape.knownProperties });
  return ok({ '@odata.context': ctx.odataContext(`${contextName(shape.entitySet, query)}/$entity`), ...projected });
}
