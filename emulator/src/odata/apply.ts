/**
 * Applies a parsed `ODataQuery` to an in-memory collection the way Graph does:
 * filter → count → order → page (`$skip`, `$skiptoken`, `$top` as page size) → select/expand,
 * with an absolute `@odata.nextLink` while more items remain.
 */
import type { OrderByItem } from './ast';
import { ODataError } from './errors';
import { FilterEvaluationError, matchesFilter } from './filterEval';
import type { ExpandItem, ODataQuery } from './queryOptions';
import { buildNextLink, decodeSkipToken, encodeSkipToken, queryFingerprint } from './skipToken';
import { getPath, sortCompare, type Json } from './values';

export type Resource = Record<string, unknown>;

/** Computes the value of a navigation property for `$expand` (e.g. `fields`, `columns`). */
export type Expander = (resource: Resource) => unknown;

export interface ApplyOptions {
  /** Absolute URL of the current request; the nextLink keeps its other query options. */
  readonly requestUrl: URL | string;
  /** Page size when the client sends no `$top` (Graph: 100 for users, 200 for list items). */
  readonly defaultPageSize: number;
  /** Largest `$top` the API accepts; above it the request fails with 400 like Graph. */
  readonly maxPageSize?: number;
  /** `$skip` is only supported by some Graph APIs; others answer 400. Default false. */
  readonly allowSkip?: boolean;
  /** `$count=true` support (directory APIs also need `ConsistencyLevel: eventual`: the route checks that). */
  readonly allowCount?: boolean;
  /** Graph error code for bad options (default `BadRequest`; SharePoint uses `invalidRequest`). */
  readonly errorCode?: string;
  /** Type name used in error messages, e.g. `microsoft.graph.user`. */
  readonly typeName?: string;
  /** Properties that `$select` may name; unknown ones fail like Graph. Omit to accept anything. */
  readonly knownProperties?: readonly string[];
  /** Properties always returned even under `$select` (e.g. `id`, `@odata.etag`). */
  readonly alwaysSelected?: readonly string[];
  /** Navigation properties: left out unless `$expand`ed (e.g. `fields`, `columns`). */
  readonly navigationProperties?: readonly string[];
  /** Computes expanded navigation properties; when absent the resource's own property is used. */
  readonly expanders?: Readonly<Record<string, Expander>>;
  /** Options for the resources inside an expanded navigation property (e.g. `items` of a list). */
  readonly nestedOptions?: Readonly<Record<string, NestedOptions>>;
}

export type NestedOptions = Omit<ApplyOptions, 'requestUrl' | 'defaultPageSize'>;

export interface ODataPage {
  readonly value: Resource[];
  readonly count?: number;
  readonly nextLink?: string;
}

export function filterItems<T extends Resource>(items: readonly T[], query: ODataQuery, errorCode = 'BadRequest'): T[] {
  const { filter } = query;
  if (!filter) return [...items];
  try {
    return items.filter((item) => matchesFilter(filter, item));
  } catch (err) {
    if (err instanceof FilterEvaluationError) throw new ODataError(errorCode, `Invalid filter clause: ${err.message}`);
    throw err;
  }
}

export function orderItems<T extends Resource>(items: readonly T[], orderBy: readonly OrderByItem[] | undefined): T[] {
  if (!orderBy || orderBy.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      for (const { path, direction } of orderBy) {
        const result = sortCompare(getPath(a.item, path), getPath(b.item, path));
        if (result !== 0) return direction === 'desc' ? -result : result;
      }
      return a.index - b.index;
    })
    .map(({ item }) => item);
}

export function applyQuery(items: readonly Resource[], query: ODataQuery, options: ApplyOptions): ODataPage {
  const code = options.errorCode ?? 'BadRequest';
  if (query.skip !== undefined && !options.allowSkip) {
    throw new ODataError(code, "The query option '$skip' is not supported by this API.");
  }
  if (query.count && options.allowCount === false) {
    throw new ODataError(code, "The query option '$count' is not supported by this API.");
  }
  const pageSize = query.top ?? options.defaultPageSize;
  if (options.maxPageSize !== undefined && (pageSize > options.maxPageSize || (query.top !== undefined && query.top < 1))) {
    throw new ODataError(
      code,
      `Invalid page size specified: '${pageSize}'. Must be between 1 and ${options.maxPageSize} inclusive.`,
    );
  }

  const filtered = filterItems(items, query, code);
  const ordered = orderItems(filtered, query.orderBy);
  const fingerprint = queryFingerprint([
    query.filterText,
    JSON.stringify(query.orderBy ?? []),
    query.search,
    String(query.skip ?? 0),
  ]);
  let offset = query.skip ?? 0;
  if (query.skipToken !== undefined) {
    const decoded = decodeSkipToken(query.skipToken, fingerprint);
    if (decoded === undefined) {
      throw new ODataError(code, `The $skiptoken '${query.skipToken}' is invalid or belongs to a different query.`);
    }
    offset = decoded;
  }
  const pageItems = pageSize === 0 ? [] : ordered.slice(offset, offset + pageSize);
  const end = offset + pageItems.length;
  const requestUrl = typeof options.requestUrl === 'string' ? new URL(options.requestUrl) : options.requestUrl;
  const page: { value: Resource[]; count?: number; nextLink?: string } = {
    value: pageItems.map((item) => project(item, query, options)),
  };
  if (query.count) page.count = filtered.length;
  if (pageSize > 0 && end < ordered.length) {
    page.nextLink = buildNextLink(requestUrl, encodeSkipToken(end, fingerprint));
  }
  return page;
}

/** Applies `$select` and `$expand` to one resource (also used for single-entity GETs). */
export function project(resource: Resource, query: ODataQuery, options: NestedOptions): Resource {
  const code = options.errorCode ?? 'BadRequest';
  const typeName = options.typeName ?? 'microsoft.graph.entity';
  const navigation = new Set(options.navigationProperties ?? []);
  const expand = query.expand ?? [];
  for (const item of expand) {
    const known = navigation.has(item.name) || options.expanders?.[item.name] !== undefined || item.name in resource;
    if (!known) {
      throw new ODataError(code, `Parsing OData Select and Expand failed: Could not find a property named '${item.name}' on type '${typeName}'.`);
    }
  }
  const select = query.select;
  const known = options.knownProperties ? new Set(options.knownProperties) : undefined;
  if (select && known) {
    for (const name of select) {
      const head = name.split('/')[0] ?? name;
      if (name !== '*' && !known.has(head) && !navigation.has(head)) {
        throw new ODataError(code, `Parsing OData Select and Expand failed: Could not find a property named '${head}' on type '${typeName}'.`);
      }
    }
  }

  const out: Resource = {};
  const selectAll = !select || select.includes('*');
  const selected = new Set((select ?? []).map((name) => name.split('/')[0] ?? name));
  for (const always of options.alwaysSelected ?? []) selected.add(always);
  for (const [key, value] of Object.entries(resource)) {
    if (navigation.has(key)) continue;
    if (key.startsWith('@odata.') || selectAll || selected.has(key)) out[key] = value;
  }
  for (const item of expand) {
    const expander = options.expanders?.[item.name];
    const value = expander ? expander(resource) : resource[item.name];
    out[item.name] = applyNested(value, item, options);
  }
  return out;
}

function applyNested(value: unknown, item: ExpandItem, options: NestedOptions): unknown {
  const nestedOptions: NestedOptions = options.nestedOptions?.[item.name] ?? { errorCode: options.errorCode };
  const { options: nested } = item;
  if (Array.isArray(value)) {
    const resources = value.filter(isResource);
    const ordered = orderItems(filterItems(resources, nested, options.errorCode), nested.orderBy);
    const limited = nested.top !== undefined ? ordered.slice(nested.skip ?? 0, (nested.skip ?? 0) + nested.top) : ordered;
    return limited.map((element) => project(element, nested, nestedOptions));
  }
  if (isResource(value)) return project(value, nested, nestedOptions);
  return value;
}

function isResource(value: Json): value is Resource {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A Graph collection body in Graph's key order:
 * `@odata.context`, `@odata.count`, `@odata.nextLink`, `value`.
 */
export function collectionBody(page: ODataPage, context?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (context !== undefined) body['@odata.context'] = context;
  if (page.count !== undefined) body['@odata.count'] = page.count;
  if (page.nextLink !== undefined) body['@odata.nextLink'] = page.nextLink;
  Object.assign(body, extra);
  body.value = page.value;
  return body;
}
