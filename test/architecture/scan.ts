/**
 * Reads a source file with the TypeScript compiler and lists what the boundary rules look at:
 * every module it names (import, export … from, import(), require(), import x = require()) and every
 * OData system query option its string literals or templates build. No regexes over source text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = join(__dirname, '..', '..');

/** A place in a file, as `file:line` (path relative to the repository, with `/`). */
export interface Found {
  file: string;
  line: number;
  text: string;
}

export const where = (f: Found) => `${f.file}:${f.line} ${f.text}`;

/** Every .ts/.tsx/.mts/.cts/.js/.mjs file below `dir` (relative to the repository), node_modules left out. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(ROOT, dir));
  return out.map((p) => relative(ROOT, p).split(sep).join('/')).sort();
}

function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

const lineOf = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

function moduleNameOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
    return node.moduleSpecifier;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const e = node.moduleReference.expression;
    return ts.isStringLiteralLike(e) ? e : undefined;
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
    const required = ts.isIdentifier(callee) && callee.text === 'require';
    const arg = node.arguments[0];
    if ((dynamic || required) && arg && ts.isStringLiteralLike(arg)) return arg;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
    return node.argument.literal;
  }
  return undefined;
}

function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportTypeNode(node)) return true;
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  if (ts.isImportEqualsDeclaration(node)) return node.isTypeOnly;
  if (!ts.isImportDeclaration(node) || !node.importClause) return false;
  const clause = node.importClause;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The OData system query options Graph reads (Microsoft Learn, "Use query parameters to customize responses"). */
export const ODATA_OPTIONS = ['$filter', '$select', '$expand', '$top', '$orderby', '$skip', '$skiptoken', '$count', '$search', '$format', '$deltatoken'];

/**
 * What a literal (a string, a template, or one text part of a template) builds OData with:
 * - a system query option as a query parameter name: after the start, `?`, `&`, `;` or `(` (a nested
 *   `$expand=x($select=y)`), followed by `=` or the end of the literal (`'$filter'` as a key or a `params.set` name);
 * - a filter comparison: a property path, then `eq|ne|gt|ge|lt|le`, then a literal value (`'`, a number,
 *   true, false, null) or the end of the text part (a template's value follows): `fields/Kind eq 'minutes'`;
 *   in a template's later text parts the path may be the value before it: `${column} eq ${value}`;
 * - a list item's column path `fields/<Column>` (or `fields/` before a template value): SharePoint column
 *   names in `$filter`/`$orderby`/`$select` (Microsoft Learn, "List items": `fields/<name>`).
 * A `$filter` in prose (a comment or a sentence) is no literal; a URL path `…/fields` is no column path.
 */
export function odataIn(text: string, afterTemplateValue = false): string | undefined {
  for (const option of ODATA_OPTIONS) {
    let at = text.indexOf(option);
    while (at !== -1) {
      const before = at === 0 ? '' : text[at - 1]!;
      const after = text.slice(at + option.length);
      if ('?&;('.includes(before) && (after === '' || after.startsWith('='))) return option;
      at = text.indexOf(option, at + 1);
    }
  }
  const path = afterTemplateValue ? '(?:[A-Za-z_][\\w/]*)?' : '[A-Za-z_][\\w/]*';
  const comparison = new RegExp(`(?:^|[\\s(])${path}\\s+(eq|ne|gt|ge|lt|le)\\s+(?:'|-?\\d|true\\b|false\\b|null\\b|$)`).exec(text);
  if (comparison) return `filter '${comparison[0].trim()}'`;
  const column = /(?:^|[\s(,='])fields\/(?:[A-Za-z_]\w*|$)/.exec(text);
  if (column) return `column path '${column[0].replace(/^[\s(,=']/, '')}'`;
  return undefined;
}

export interface Scanned {
  /** `typeOnly`: erased at run time (`import type`, `export type … from`, `import('x').T` in a type). */
  imports: (Found & { module: string; typeOnly: boolean })[];
  odata: Found[];
}

export function scanText(file: string, text: string): Scanned {
  const source = parse(file, text);
  const imports: Scanned['imports'] = [];
  const odata: Found[] = [];
  const visit = (node: ts.Node) => {
    const name = moduleNameOf(node);
    if (name) imports.push({ file, line: lineOf(source, name), module: name.text, typeOnly: isTypeOnly(node), text: `imports '${name.text}'` });
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
        ? node.text
        : undefined;
    // A module name is not a query string.
    if (literal !== undefined && node !== name) {
      const found = odataIn(literal, ts.isTemplateMiddle(node) || ts.isTemplateTail(node));
      if (found) odata.push({ file, line: lineOf(source, node), text: `builds OData: ${found}` });
    }
    // `{ $filter: … }`: a query option as a property name.
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name) && ODATA_OPTIONS.includes(node.name.text)) {
      odata.push({ file, line: lineOf(source, node), text: `builds OData: ${node.name.text} as a property name` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, odata };
}

const cache = new Map<string, Scanned>();
export function scanFile(file: string): Scanned {
  let scanned = cache.get(file);
  if (!scanned) {
    scanned = scanText(file, readFileSync(join(ROOT, file), 'utf8'));
    cache.set(file, scanned);
  }
  return scanned;
}

/** `'./x'` from `src/a/b.ts` → `src/a/x`; a bare name stays as it is. */
export function resolveRelative(file: string, module: string): string {
  if (!module.startsWith('.')) return module;
  const parts = file.split('/').slice(0, -1);
  for (const part of module.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The package a bare module name belongs to: `@scope/pkg/x` → `@scope/pkg`, `pkg/x` → `pkg`; `node:` built-ins → undefined. */
export function packageOf(module: string): string | undefined {
  if (module.startsWith('.') || module.startsWith('/') || module.startsWith('node:')) return undefined;
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
