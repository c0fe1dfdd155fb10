/**
 * The layer rules of README "Architecture", as functions from one scanned file to its violations.
 * boundaries.test.ts runs them over the tree; rules.test.ts shows each one failing on a fixture.
 */
import { builtinModules } from 'node:module';
import { packageOf, resolveRelative, type Found, type Scanned } from './scan';

export type RuleName = 'domain-imports' | 'graph-types' | 'odata' | 'emulator-imports-app' | 'app-imports-emulator';

export interface Violation extends Found {
  rule: RuleName;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isBuiltin = (module: string) => module.startsWith('node:') || builtinModules.includes(module);
const inside = (file: string, dir: string) => file.startsWith(`${dir}/`);

/**
 * src/domain is pure: it imports zod, date-fns and its own files (its JSON locales too), nothing else.
 * Its tests may also import Node built-ins (zonedTime.test.ts starts Node in another time zone).
 */
export function domainImports(file: string, scanned: Scanned): Violation[] {
  if (!inside(file, 'src/domain')) return [];
  return scanned.imports
    .filter((i) => {
      const target = resolveRelative(file, i.module);
      if (inside(target, 'src/domain') || target === 'zod' || target === 'date-fns' || target.startsWith('date-fns/')) return false;
      return !(isTest(file) && isBuiltin(i.module));
    })
    .map((i) => ({ ...i, rule: 'domain-imports' as const }));
}

/**
 * Graph's types and its SDK stay in src/graph, and so does every OData string. The rule covers the app:
 * src/ (tests included) and scripts/ (the CLI goes through src/graph). test/ and bench/ talk to Graph as
 * an outside client on purpose (integration tests call the emulator directly; the bench measures the SDK)
 * and are not covered.
 */
export function graphOnlyInGraph(file: string, scanned: Scanned): Violation[] {
  if (!(inside(file, 'src') || inside(file, 'scripts')) || inside(file, 'src/graph')) return [];
  const types = scanned.imports
    .filter((i) => /^@microsoft\/microsoft-graph-(types|client)(\/|$)/.test(i.module))
    .map((i) => ({ ...i, rule: 'graph-types' as const }));
  return [...types, ...scanned.odata.map((o) => ({ ...o, rule: 'odata' as const }))];
}

/**
 * The emulator and the app share no code. The emulator imports nothing outside emulator/. Nothing outside
 * emulator/ imports its modules, also not tests and scripts: they start it as a process
 * (`tsx emulator/bin/emulator.ts`, test/support/emulator.ts, scripts/start.mjs) and talk to it over HTTP.
 */
export function emulatorSeparate(file: string, scanned: Scanned): Violation[] {
  const inEmulator = inside(file, 'emulator');
  return scanned.imports.flatMap((i): Violation[] => {
    if (packageOf(i.module) !== undefined || isBuiltin(i.module)) return [];
    const target = resolveRelative(file, i.module);
    if (inEmulator && !inside(target, 'emulator')) return [{ ...i, rule: 'emulator-imports-app' }];
    if (!inEmulator && inside(target, 'emulator')) return [{ ...i, rule: 'app-imports-emulator' }];
    return [];
  });
}

export const RULES = [domainImports, graphOnlyInGraph, emulatorSeparate];

/**
 * A violation known when the rule was written, to be removed by the slice named. Shrink-only: `count` is
 * how many the file has today; more fails (a new violation), fewer fails too (lower the count or drop the
 * entry, so the list only ever shrinks).
 */
export interface Allowance {
  file: string;
  rule: RuleName;
  count: number;
  removedBy: string;
}

/** Compares the violations found with the allow-list; returns every problem as one line (file:line …). */
export function judge(violations: Violation[], allowed: readonly Allowance[]): string[] {
  const problems: string[] = [];
  const key = (file: string, rule: string) => `${file} ${rule}`;
  const byKey = new Map<string, Violation[]>();
  for (const v of violations) byKey.set(key(v.file, v.rule), [...(byKey.get(key(v.file, v.rule)) ?? []), v]);
  for (const a of allowed) {
    const found = byKey.get(key(a.file, a.rule)) ?? [];
    byKey.delete(key(a.file, a.rule));
    if (found.length > a.count) {
      problems.push(...found.map((v) => `${v.file}:${v.line} [${v.rule}] ${v.text} (allowed ${a.count} in this file, found ${found.length})`));
    } else if (found.length < a.count) {
      problems.push(`${a.file} [${a.rule}] allow-list says ${a.count}, found ${found.length}: shrink the entry (or drop it at 0)`);
    }
  }
  for (const list of byKey.values()) problems.push(...list.map((v) => `${v.file}:${v.line} [${v.rule}] ${v.text}`));
  return problems;
}

/** `emulator/src/routes/<name>/…` → `<name>`. */
export function emulatorModuleOf(file: string): string | undefined {
  const m = /^emulator\/src\/routes\/([^/]+)\//.exec(file);
  return m ? m[1] : undefined;
}

/**
 * The emulator's route modules depend on each other one way only (emulator/README.md "Modules"): an
 * import from module a into module b is wrong when b, directly or through others, imports a again.
 * Every import on such a cycle is reported.
 */
export function moduleCycles(files: { file: string; scanned: Scanned }[]): string[] {
  const edges = new Map<string, Map<string, Found[]>>();
  for (const { file, scanned } of files) {
    const from = emulatorModuleOf(file);
    if (!from) continue;
    for (const i of scanned.imports) {
      const to = emulatorModuleOf(`${resolveRelative(file, i.module)}/`);
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, Found[]>();
      targets.set(to, [...(targets.get(to) ?? []), i]);
      edges.set(from, targets);
    }
  }
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === goal) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(edges.get(at)?.keys() ?? []));
    }
    return false;
  };
  const problems: string[] = [];
  for (const [from, targets] of edges) {
    for (const [to, places] of targets) {
      if (reaches(to, from)) problems.push(...places.map((p) => `${p.file}:${p.line} ${from} → ${to} (${to} imports ${from} back)`));
    }
  }
  return problems.sort();
}
