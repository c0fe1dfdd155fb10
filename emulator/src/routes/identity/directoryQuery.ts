/**
 * Directory query rules (Graph "advanced query capabilities on directory objects"):
 * `$search` and `$count` need `ConsistencyLevel: eventual`; `endswith`, `ne`, `not` and
 * `$orderby` together with `$filter` also need `$count=true`; `contains` is unsupported.
 * Plus `$search="displayName:kat" OR "mail:kat"` evaluation (token prefix match).
 */
import type { FilterExpr, ODataQuery } from '../../odata';
import { calledFunctions } from '../../odata';
import { GraphError, errors } from '../../http/graphError';
import type { GraphContext } from '../../http/context';

export const unsupportedQuery = () => new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');

function usesOperator(expr: FilterExpr, ops: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'compare':
      return ops.has(expr.op) || usesOperator(expr.left, ops) || usesOperator(expr.right, ops);
    case 'logical':
      return usesOperator(expr.left, ops) || usesOperator(expr.right, ops);
    case 'not':
      return ops.has('not') || usesOperator(expr.operand, ops);
    case 'call':
      return expr.args.some((a) => usesOperator(a, ops));
    case 'in':
      return usesOperator(expr.left, ops);
    case 'lambda':
      return expr.body ? usesOperator(expr.body, ops) : false;
    default:
      return false;
  }
}

const ADVANCED_OPERATORS = new Set(['ne', 'not']);

export function isEventual(ctx: GraphContext): boolean {
  return (ctx.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
}

/** Throws the 400 Graph gives when a directory query needs the advanced-query opt-in. */
export function checkDirectoryQuery(ctx: GraphContext, query: ODataQuery, sortableWithoutAdvanced: readonly string[], queriesNeedAdvanced = false): void {
  const eventual = isEventual(ctx);
  if (query.search !== undefined && !eventual) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  if (query.count && !eventual) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  const advanced = eventual && query.count === true;
  if (queriesNeedAdvanced && !advanced && (query.filter || query.search !== undefined || (query.orderBy?.length ?? 0) > 0)) {
    throw unsupportedQuery();
  }
  if (query.filter) {
    const fns = calledFunctions(query.filter);
    if (fns.has('contains')) throw unsupportedQuery();
    if (!advanced && (fns.has('endswith') || usesOperator(query.filter, ADVANCED_OPERATORS))) throw unsupportedQuery();
  }
  if (query.orderBy && query.orderBy.length > 0 && !advanced) {
    if (query.filter) throw new GraphError(400, 'Request_UnsupportedQuery', 'Sorting not supported for current query.');
    const unsortable = query.orderBy.find((o) => o.path.length !== 1 || !sortableWithoutAdvanced.includes(o.path[0] as string));
    if (unsortable) throw new GraphError(400, 'Request_UnsupportedQuery', 'Sorting not supported for current query.');
  }
}

interface SearchClause {
  property: string;
  term: string;
}
type SearchExpr = { clauses: SearchClause[]; ops: ('AND' | 'OR')[] };

/** Parses `"displayName:kat" OR "mail:kat"`. Quotes are required, as in Graph. */
export function parseDirectorySearch(search: string, searchable: readonly string[]): SearchExpr {
  const text = search.trim();
  const clauses: SearchClause[] = [];
  const ops: ('AND' | 'OR')[] = [];
  const token = /\s*"([^"]*)"\s*(?:(AND|OR)\s*|$)/gy;
  let last = 0;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const body = m[1] ?? '';
    const colon = body.indexOf(':');
    if (colon <= 0) throw errors.badRequest(`Invalid search clause "${body}": use "property:value", e.g. "displayName:kat".`);
    const property = body.slice(0, colon).trim();
    if (!searchable.includes(property)) throw errors.badRequest(`Invalid search property '${property}'. Searchable: ${searchable.join(', ')}.`);
    clauses.push({ property, term: body.slice(colon + 1).trim().toLowerCase() });
    if (m[2]) ops.push(m[2] as 'AND' | 'OR');
    last = token.lastIndex;
    if (last >= text.length) break;
  }
  if (clauses.length === 0 || last < text.length || ops.length !== clauses.length - 1) {
    throw errors.badRequest(`Syntax error in $search '${search}'. Enclose each clause in double quotes: $search="displayName:kat".`);
  }
  return { clauses, ops };
}

function tokenMatches(value: unknown, term: string): boolean {
  if (typeof value !== 'string') return false;
  const lower = value.toLowerCase();
  if (lower.startsWith(term)) return true;
  return lower.split(/[\s._@\-,()/]+/).some((t) => t.startsWith(term));
}

export function matchesSearch(resource: Record<string, unknown>, search: SearchExpr): boolean {
  let result = tokenMatches(resource[search.clauses[0]?.property ?? ''], search.clauses[0]?.term ?? '');
  search.ops.forEach((op, i) => {
    const clause = search.clauses[i + 1] as SearchClause;
    const hit = tokenMatches(resource[clause.property], clause.term);
    result = op === 'AND' ? result && hit : result || hit;
  });
  return result;
}

/** `users` or `users(displayName,mail)` for @odata.context. */
export function contextName(entitySet: string, query: ODataQuery): string {
  return query.select && query.select.length > 0 ? `${entitySet}(${query.select.join(',')})` : entitySet;
}

/** The absolute URL of the current request (for nextLinks). */
export function requestUrl(ctx: GraphContext): URL {
  const qs = ctx.query.toString();
  return new URL(`${ctx.baseUrl}${ctx.path}${qs ? `?${qs}` : ''}`);
}
