/** AST of a parsed `$filter` expression. */

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type LiteralValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null'; value: null }
  | { type: 'dateTimeOffset'; value: string }
  | { type: 'guid'; value: string };

export type FilterExpr =
  | { kind: 'literal'; literal: LiteralValue }
  | { kind: 'path'; segments: readonly string[] }
  | { kind: 'compare'; op: ComparisonOperator; left: FilterExpr; right: FilterExpr }
  | { kind: 'in'; left: FilterExpr; list: readonly FilterExpr[] }
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'call'; name: string; args: readonly FilterExpr[] }
  | {
      kind: 'lambda';
      op: 'any' | 'all';
      collection: readonly string[];
      variable?: string;
      body?: FilterExpr;
    };

export interface OrderByItem {
  /** Property path, e.g. `['fields', 'Status']`. */
  readonly path: readonly string[];
  readonly direction: 'asc' | 'desc';
}
