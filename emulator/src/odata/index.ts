/**
 * OData query engine for the emulator: pure functions over arrays of JSON resources.
 *
 *   const query = parseQueryOptions(url.searchParams);           // throws ODataError (400)
 *   const page = applyQuery(users, query, { requestUrl: url, defaultPageSize: 100, maxPageSize: 999 });
 *   send(200, collectionBody(page, contextUrl));                 // @odata.context/count/nextLink/value
 *
 * See emulator/src/odata/README.md for the full contract.
 */
export type { ComparisonOperator, FilterExpr, LiteralValue, OrderByItem } from './ast';
export { ODataError, isODataError } from './errors';
export { calledFunctions, matchesFilter, referencedPaths } from './filterEval';
export { FILTER_FUNCTIONS } from './filterParser';
export {
  parseExpand,
  parseFilterOption,
  parseOrderBy,
  parseQueryOptions,
  parseSelect,
  type ExpandItem,
  type ODataQuery,
  type ParseOptions,
} from './queryOptions';
export {
  applyQuery,
  collectionBody,
  filterItems,
  orderItems,
  project,
  type ApplyOptions,
  type NestedOptions,
  type Expander,
  type ODataPage,
  type Resource,
} from './apply';
export { buildNextLink, encodeQueryValue } from './skipToken';
export { compareValues, getPath } from './values';
