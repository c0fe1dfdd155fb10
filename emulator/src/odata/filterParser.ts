/**
 * Recursive-descent parser for `$filter`.
 *
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | compare
 *   compare := primary (('eq'|'ne'|'gt'|'ge'|'lt'|'le') primary | 'in' '(' primary (',' primary)* ')')?
 *   primary := '(' or ')' | literal | func '(' args ')' | path ('/' ('any'|'all') '(' [var ':' or] ')')?
 */
import type { ComparisonOperator, FilterExpr, LiteralValue } from './ast';
import { LexError, tokenize, type Token } from './lexer';

export const FILTER_FUNCTIONS = new Set([
  'startswith',
  'endswith',
  'contains',
  'tolower',
  'toupper',
  'length',
  'trim',
]);

const COMPARISON: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

export class FilterSyntaxError extends Error {}

export function parseFilter(input: string): FilterExpr {
  let tokens: Token[];
  try {
    tokens = tokenize(input);
  } catch (err) {
    if (err instanceof LexError) throw new FilterSyntaxError(err.message);
    throw err;
  }
  if (tokens.length === 0) throw new FilterSyntaxError('The $filter expression is empty.');
  const parser = new Parser(tokens);
  const expr = parser.parseOr();
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new FilterSyntaxError('Syntax error: the expression ends unexpectedly.');
    this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'ident' && token.value.toLowerCase() === word;
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'punct' && token.value === value;
  }

  private expectPunct(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) {
      throw new FilterSyntaxError(`Syntax error: expected '${value}' at position ${token.pos}.`);
    }
  }

  expectEnd(): void {
    const token = this.peek();
    if (token) {
      throw new FilterSyntaxError(
        `Syntax error at position ${token.pos}: unexpected '${describe(token)}'.`,
      );
    }
  }

  parseOr(): FilterExpr {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpr {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'logical', op: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterExpr {
    if (this.isKeyword('not')) {
      this.next();
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterExpr {
    const left = this.parsePrimary();
    const token = this.peek();
    if (token?.kind === 'ident' && COMPARISON.has(token.value.toLowerCase())) {
      this.next();
      const op = token.value.toLowerCase() as ComparisonOperator;
      return { kind: 'compare', op, left, right: this.parsePrimary() };
    }
    if (this.isKeyword('in')) {
      this.next();
      this.expectPunct('(');
      const list: FilterExpr[] = [this.parsePrimary()];
      while (this.isPunct(',')) {
        this.next();
        list.push(this.parsePrimary());
      }
      this.expectPunct(')');
      return { kind: 'in', left, list };
    }
    return left;
  }

  private parsePrimary(): FilterExpr {
    const token = this.next();
    switch (token.kind) {
      case 'punct': {
        if (token.value !== '(') {
          throw new FilterSyntaxError(`Syntax error at position ${token.pos}: unexpected '${token.value}'.`);
        }
        const inner = this.parseOr();
        this.expectPunct(')');
        return inner;
      }
      case 'string':
        return literal({ type: 'string', value: token.value });
      case 'number':
        return literal({ type: 'number', value: token.value });
      case 'dateTime':
        return literal({ type: 'dateTimeOffset', value: token.value });
      case 'guid':
        return literal({ type: 'guid', value: token.value });
      case 'ident':
        return this.parseIdentifier(token);
    }
  }

  private parseIdentifier(token: Extract<Token, { kind: 'ident' }>): FilterExpr {
    const lower = token.value.toLowerCase();
    if (lower === 'true' || lower === 'false') return literal({ type: 'boolean', value: lower === 'true' });
    if (lower === 'null') return literal({ type: 'null', value: null });
    if (this.isPunct('(')) {
      if (!FILTER_FUNCTIONS.has(lower)) {
        throw new FilterSyntaxError(`An unknown function with name '${token.value}' was found.`);
      }
      this.next();
      const args: FilterExpr[] = [];
      if (!this.isPunct(')')) {
        args.push(this.parseOr());
        while (this.isPunct(',')) {
          this.next();
          args.push(this.parseOr());
        }
      }
      this.expectPunct(')');
      return { kind: 'call', name: lower, args };
    }
    const segments = [token.value];
    while (this.isPunct('/')) {
      this.next();
      const segment = this.next();
      if (segment.kind !== 'ident') {
        throw new FilterSyntaxError(`Syntax error at position ${segment.pos}: expected a property name after '/'.`);
      }
      const op = segment.value.toLowerCase();
      if ((op === 'any' || op === 'all') && this.isPunct('(')) {
        return this.parseLambda(op, segments);
      }
      segments.push(segment.value);
    }
    return { kind: 'path', segments };
  }

  private parseLambda(op: 'any' | 'all', collection: readonly string[]): FilterExpr {
    this.expectPunct('(');
    if (this.isPunct(')')) {
      this.next();
      if (op === 'all') throw new FilterSyntaxError("The 'all' operator needs a lambda expression.");
      return { kind: 'lambda', op, collection };
    }
    const variable = this.next();
    if (variable.kind !== 'ident') {
      throw new FilterSyntaxError(`Syntax error at position ${variable.pos}: expected a lambda variable.`);
    }
    this.expectPunct(':');
    const body = this.parseOr();
    this.expectPunct(')');
    return { kind: 'lambda', op, collection, variable: variable.value, body };
  }
}

function literal(value: LiteralValue): FilterExpr {
  return { kind: 'literal', literal: value };
}

function describe(token: Token): string {
  return token.kind === 'string' ? `'${token.value}'` : String(token.value);
}
