/** Evaluates a parsed `$filter` against one JSON resource. */
import type { FilterExpr } from './ast';
import { compareValues, getPath, type Json } from './values';

type Scope = ReadonlyMap<string, Json>;

export class FilterEvaluationError extends Error {}

export function matchesFilter(expr: FilterExpr, resource: Json): boolean {
  return evaluate(expr, resource, new Map()) === true;
}

function evaluate(expr: FilterExpr, resource: Json, scope: Scope): Json {
  switch (expr.kind) {
    case 'literal':
      return expr.literal.value;
    case 'path':
      return resolvePath(expr.segments, resource, scope);
    case 'logical': {
      const left = evaluate(expr.left, resource, scope) === true;
      if (expr.op === 'and') return left && evaluate(expr.right, resource, scope) === true;
      return left || evaluate(expr.right, resource, scope) === true;
    }
    case 'not':
      return evaluate(expr.operand, resource, scope) !== true;
    case 'compare': {
      const dateHint = isDateLiteral(expr.left) || isDateLiteral(expr.right);
      const left = evaluate(expr.left, resource, scope);
      const right = evaluate(expr.right, resource, scope);
      return compare(expr.op, left, right, dateHint);
    }
    case 'in': {
      const left = evaluate(expr.left, resource, scope);
      return expr.list.some((item) => compare('eq', left, evaluate(item, resource, scope), false));
    }
    case 'call':
      return callFunction(expr.name, expr.args.map((arg) => evaluate(arg, resource, scope)));
    case 'lambda': {
      const collection = resolvePath(expr.collection, resource, scope);
      if (!Array.isArray(collection)) return expr.op === 'all';
      if (!expr.body || !expr.variable) return collection.length > 0;
      const { body, variable } = expr;
      const test = (element: Json): boolean =>
        evaluate(body, resource, new Map([...scope, [variable, element]])) === true;
      return expr.op === 'any' ? collection.some(test) : collection.every(test);
    }
  }
}

function resolvePath(segments: readonly string[], resource: Json, scope: Scope): Json {
  const [head, ...rest] = segments;
  if (head !== undefined && scope.has(head)) return getPath(scope.get(head), rest);
  return getPath(resource, segments);
}

function isDateLiteral(expr: FilterExpr): boolean {
  return expr.kind === 'literal' && expr.literal.type === 'dateTimeOffset';
}

function compare(op: string, left: Json, right: Json, dateHint: boolean): boolean {
  const leftNull = left === null || left === undefined;
  const rightNull = right === null || right === undefined;
  if (op === 'eq' || op === 'ne') {
    let equal: boolean;
    if (leftNull || rightNull) equal = leftNull && rightNull;
    else equal = compareValues(left, right, dateHint) === 0;
    return op === 'eq' ? equal : !equal;
  }
  const order = compareValues(left, right, dateHint);
  if (order === undefined) return false;
  switch (op) {
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    default:
      return order <= 0;
  }
}

function asText(value: Json): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toLowerCase();
  return undefined;
}

function callFunction(name: string, args: readonly Json[]): Json {
  const expectArgs = (count: number): void => {
    if (args.length !== count) {
      throw new FilterEvaluationError(`The function '${name}' expects ${count} argument(s), got ${args.length}.`);
    }
  };
  switch (name) {
    case 'startswith':
    case 'endswith':
    case 'contains': {
      expectArgs(2);
      const [haystack, needle] = args.map(asText);
      if (haystack === undefined || needle === undefined) return false;
      if (name === 'startswith') return haystack.startsWith(needle);
      if (name === 'endswith') return haystack.endsWith(needle);
      return haystack.includes(needle);
    }
    case 'tolower':
    case 'toupper':
    case 'trim': {
      expectArgs(1);
      const [value] = args;
      if (typeof value !== 'string') return null;
      return name === 'tolower' ? value.toLowerCase() : name === 'toupper' ? value.toUpperCase() : value.trim();
    }
    case 'length': {
      expectArgs(1);
      const [value] = args;
      return typeof value === 'string' || Array.isArray(value) ? value.length : null;
    }
    default:
      throw new FilterEvaluationError(`An unknown function with name '${name}' was found.`);
  }
}

/** Every property path the expression reads (lambda variables resolved to their collection). */
export function referencedPaths(expr: FilterExpr): string[][] {
  const out: string[][] = [];
  const walk = (node: FilterExpr, vars: ReadonlyMap<string, readonly string[]>): void => {
    switch (node.kind) {
      case 'path': {
        const [head, ...rest] = node.segments;
        const base = head !== undefined ? vars.get(head) : undefined;
        out.push(base ? [...base, ...rest] : [...node.segments]);
        return;
      }
      case 'literal':
        return;
      case 'compare':
      case 'logical':
        walk(node.left, vars);
        walk(node.right, vars);
        return;
      case 'in':
        walk(node.left, vars);
        node.list.forEach((item) => walk(item, vars));
        return;
      case 'not':
        walk(node.operand, vars);
        return;
      case 'call':
        node.args.forEach((arg) => walk(arg, vars));
        return;
      case 'lambda': {
        const [head, ...rest] = node.collection;
        const base = head !== undefined ? vars.get(head) : undefined;
        const collection = base ? [...base, ...rest] : [...node.collection];
        out.push(collection);
        if (node.body && node.variable) walk(node.body, new Map([...vars, [node.variable, collection]]));
        return;
      }
    }
  };
  walk(expr, new Map());
  return out;
}

/** Names of the functions the expression calls (routes reject those Graph does not support there). */
export function calledFunctions(expr: FilterExpr): Set<string> {
  const out = new Set<string>();
  const walk = (node: FilterExpr): void => {
    switch (node.kind) {
      case 'call':
        out.add(node.name);
        node.args.forEach(walk);
        return;
      case 'compare':
      case 'logical':
        walk(node.left);
        walk(node.right);
        return;
      case 'in':
        walk(node.left);
        node.list.forEach(walk);
        return;
      case 'not':
        walk(node.operand);
        return;
      case 'lambda':
        if (node.body) walk(node.body);
        return;
      default:
        return;
    }
  };
  walk(expr);
  return out;
}
