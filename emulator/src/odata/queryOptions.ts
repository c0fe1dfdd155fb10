/**
 * Parses the system query options of one request into an `ODataQuery`. Values come decoded
 * (URLSearchParams). Nested options of `$expand=fields($select=a,b;$filter=...)` parse into
 * the same structure.
 */
import type { FilterExpr, OrderByItem } from './ast';
import { ODataError } from './errors';
import { FilterEvaluationError } from './filterEval';
import { FilterSyntaxError, parseFilter } from './filterParser';
import { splitTopLevel } from './split';

export interface ExpandItem {
  readonly name: string;
  readonly options: ODataQuery;
}

export interface ODataQuery {
  readonly filter?: FilterExpr;
  /** The raw `$filter` text, kept for the nextLink. */
  readonly filterText?: string;
  readonly select?: readonly string[];
  readonly expand?: readonly ExpandItem[];
  readonly orderBy?: readonly OrderByItem[];
  readonly top?: number;
  readonly skip?: number;
  readonly count?: boolean;
  readonly skipToken?: string;
  readonly search?: string;
}

export interface ParseOptions {
  /** Graph error code for problems in the options (default `BadRequest`). */
  readonly errorCode?: string;
}

const PATH_SEGMENT = /^[A-Za-z_@][\w.@#]*$/;
const SUPPORTED = new Set([
  '$filter',
  '$select',
  '$expand',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$skiptoken',
  '$search',
  '$format',
]);

/** Graph accepts the options with and without `$`, in any letter case (`$top`, `top`, `$Top`). */
function readOption(params: URLSearchParams, name: string): string | undefined {
  let plain: string | undefined;
  for (const [key, value] of params) {
    const lower = key.toLowerCase();
    if (lower === `$${name}`) return value;
    if (lower === name && plain === undefined) plain = value;
  }
  return plain;
}

export function parseQueryOptions(params: URLSearchParams, options: ParseOptions = {}): ODataQuery {
  const code = options.errorCode ?? 'BadRequest';
  for (const key of params.keys()) {
    if (key.startsWith('$') && !SUPPORTED.has(key.toLowerCase())) {
      throw new ODataError(code, `Query option '${key}' is not supported.`);
    }
  }
  const raw: Record<string, string | undefined> = {
    filter: readOption(params, 'filter'),
    select: readOption(params, 'select'),
    expand: readOption(params, 'expand'),
    orderby: readOption(params, 'orderby'),
    top: readOption(params, 'top'),
    skip: readOption(params, 'skip'),
    count: readOption(params, 'count'),
    skiptoken: readOption(params, 'skiptoken'),
    search: readOption(params, 'search'),
  };
  return buildQuery(raw, code);
}

function buildQuery(raw: Record<string, string | undefined>, code: string): ODataQuery {
  const query: {
    -readonly [K in keyof ODataQuery]: ODataQuery[K];
  } = {};
  if (raw.filter !== undefined) {
    query.filter = parseFilterOption(raw.filter, code);
    query.filterText = raw.filter;
  }
  if (raw.select !== undefined) query.select = parseSelect(raw.select, code);
  if (raw.expand !== undefined) query.expand = parseExpand(raw.expand, code);
  if (raw.orderby !== undefined) query.orderBy = parseOrderBy(raw.orderby, code);
  if (raw.top !== undefined) query.top = parseNonNegativeInt(raw.top, '$top', code);
  if (raw.skip !== undefined) query.skip = parseNonNegativeInt(raw.skip, '$skip', code);
  if (raw.count !== undefined) {
    const value = raw.count.trim().toLowerCase();
    if (value !== 'true' && value !== 'false') {
      throw new ODataError(code, `Invalid value '${raw.count}' for query option '$count': expected true or false.`);
    }
    query.count = value === 'true';
  }
  if (raw.skiptoken !== undefined) query.skipToken = raw.skiptoken;
  if (raw.search !== undefined) query.search = raw.search;
  return query;
}

export function parseFilterOption(text: string, code = 'BadRequest'): FilterExpr {
  try {
    return parseFilter(text);
  } catch (err) {
    if (err instanceof FilterSyntaxError || err instanceof FilterEvaluationError) {
      throw new ODataError(code, `Invalid filter clause: ${err.message}`);
    }
    throw err;
  }
}

function splitOrThrow(text: string, separator: string, code: string, option: string): string[] {
  try {
    return splitTopLevel(text, separator);
  } catch (err) {
    throw new ODataError(code, `Invalid ${option}: ${(err as Error).message}`);
  }
}

function parsePath(text: string, code: string, option: string): string[] {
  const segments = text.split('/').map((segment) => segment.trim());
  if (segments.some((segment) => !PATH_SEGMENT.test(segment))) {
    throw new ODataError(code, `Syntax error in ${option}: '${text}' is not a valid property path.`);
  }
  return segments;
}

export function parseSelect(text: string, code = 'BadRequest'): string[] {
  const items = splitOrThrow(text, ',', code, '$select').filter((item) => item !== '');
  if (items.length === 0) throw new ODataError(code, 'The $select query option is empty.');
  return items.map((item) => {
    if (item === '*') return item;
    parsePath(item, code, '$select');
    return item;
  });
}

export function parseOrderBy(text: string, code = 'BadRequest'): OrderByItem[] {
  const items = splitOrThrow(text, ',', code, '$orderby').filter((item) => item !== '');
  if (items.length === 0) throw new ODataError(code, 'The $orderby query option is empty.');
  return items.map((item) => {
    const [pathText, directionText, ...extra] = item.split(/\s+/);
    if (pathText === undefined || extra.length > 0) {
      throw new ODataError(code, `Syntax error in $orderby: '${item}'.`);
    }
    const direction = (directionText ?? 'asc').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ODataError(code, `Syntax error in $orderby: '${directionText}' is neither 'asc' nor 'desc'.`);
    }
    return { path: parsePath(pathText, code, '$orderby'), direction };
  });
}

export function parseExpand(text: string, code = 'BadRequest'): ExpandItem[] {
  const items = splitOrThrow(text, ',', code, '$expand').filter((item) => item !== '');
  if (items.length === 0) throw new ODataError(code, 'The $expand query option is empty.');
  return items.map((item) => {
    const open = item.indexOf('(');
    if (open === -1) {
      parsePath(item, code, '$expand');
      return { name: item, options: {} };
    }
    if (!item.endsWith(')')) throw new ODataError(code, `Syntax error in $expand: '${item}'.`);
    const name = item.slice(0, open).trim();
    parsePath(name, code, '$expand');
    const inner = item.slice(open + 1, -1);
    const raw: Record<string, string | undefined> = {};
    for (const part of splitOrThrow(inner, ';', code, '$expand').filter((p) => p !== '')) {
      const eq = part.indexOf('=');
      if (eq === -1) throw new ODataError(code, `Syntax error in $expand: '${part}' has no '='.`);
      const key = part.slice(0, eq).trim().replace(/^\$/, '').toLowerCase();
      if (!['select', 'filter', 'orderby', 'top', 'skip', 'count', 'expand'].includes(key)) {
        throw new ODataError(code, `Query option '${part.slice(0, eq).trim()}' is not supported inside $expand.`);
      }
      raw[key] = part.slice(eq + 1);
    }
    return { name, options: buildQuery(raw, code) };
  });
}

function parseNonNegativeInt(text: string, option: string, code: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new ODataError(code, `Invalid value '${text}' for query option '${option}': expected a non-negative integer.`);
  }
  return Number(text.trim());
}
