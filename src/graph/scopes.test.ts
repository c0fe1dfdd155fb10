/**
 * The consent table (docs/deployment.md) equals what the gateways request: every Graph call declares
 * its scopes through FEATURE_SCOPES (no permission name written anywhere else in src/graph), every
 * FEATURE_SCOPES entry is used by some call, and the guide lists exactly the scopes of the entries used.
 * Read from the source with the TypeScript parser, so comments and strings in docs do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { FEATURE_SCOPES, SHAREPOINT_SCOPES } from './scopes';

const root = join(__dirname, '..', '..');
const graphDir = __dirname;
const PERMISSION_NAME = /^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testSupport' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && path !== join(graphDir, 'scopes.ts') ? [path] : [];
  });
}

interface Usage {
  /** FEATURE_SCOPES entries referenced, with where. */
  features: Map<string, string[]>;
  /** SHAREPOINT_SCOPES entries referenced (SharePoint REST calls). */
  sharePoint: Set<string>;
  /** Permission-like string literals outside the table. */
  literals: string[];
}

function scan(): Usage {
  const usage: Usage = { features: new Map(), sharePoint: new Set(), literals: [] };
  for (const file of sourceFiles(graphDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && node.expression.getText(source) === 'FEATURE_SCOPES') {
        const list = usage.features.get(node.name.text) ?? [];
        list.push(where(node));
        usage.features.set(node.name.text, list);
      }
      if (ts.isPropertyAccessExpression(node) && node.expression.getText(source) === 'SHAREPOINT_SCOPES') usage.sharePoint.add(node.name.text);
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && PERMISSION_NAME.test(node.text)) {
        usage.literals.push(`${where(node)} '${node.text}'`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return usage;
}

function documentedScopes(marker = 'permissions'): string[] {
  const guide = readFileSync(join(root, 'docs', 'deployment.md'), 'utf8');
  const section = guide.split(`<!-- ${marker}:start -->`)[1]?.split(`<!-- ${marker}:end -->`)[0] ?? '';
  return [...new Set([...section.matchAll(/^\| `([A-Za-z.]+)` \|/gm)].map((m) => m[1]!))].sort();
}

describe('the permissions the gateways request', () => {
  const usage = scan();

  test('every Graph call takes its scopes from FEATURE_SCOPES, never from a permission name of its own', () => {
    expect(usage.features.size).toBeGreaterThan(5);
    expect(usage.literals).toEqual([]);
  });

  test('every FEATURE_SCOPES entry is requested by some Graph call (nothing is listed that no call asks for)', () => {
    const unused = Object.keys(FEATURE_SCOPES).filter((feature) => !usage.features.has(feature));
    expect(unused).toEqual([]);
    const unknown = [...usage.features.keys()].filter((feature) => !(feature in FEATURE_SCOPES));
    expect(unknown).toEqual([]);
  });

  test('the consent table in docs/deployment.md lists exactly what the calls request', () => {
    const requested = [...new Set([...usage.features.keys()].flatMap((feature) => [...(FEATURE_SCOPES as Record<string, readonly string[]>)[feature]!]))].sort();
    expect(documentedScopes()).toEqual(requested);
  });

  test('every SHAREPOINT_SCOPES entry is requested by a SharePoint REST call, and the guide lists exactly those', () => {
    expect([...usage.sharePoint].sort()).toEqual(Object.keys(SHAREPOINT_SCOPES).sort());
    const requested = [...new Set(Object.values(SHAREPOINT_SCOPES).flat())].sort();
    expect(documentedScopes('sharepoint-permissions')).toEqual(requested);
  });
});
