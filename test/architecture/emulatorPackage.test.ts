/**
 * emulator/ is a package of its own (emulator/package.json): every package its code imports is declared
 * there, at the root's version. The root installs them (no workspaces, one lockfile), so `npm ci` at the
 * root is unchanged; the manifest says what the emulator needs if it is ever taken out.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageOf, ROOT, scanFile, sourceFiles } from './scan';

interface Manifest {
  name?: string;
  private?: boolean;
  type?: string;
  main?: string;
  workspaces?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Manifest;
const root = read('package.json');
const emulator = read('emulator/package.json');
const runtime = emulator.dependencies ?? {};
const dev = emulator.devDependencies ?? {};

/** Bare package names a folder imports, with the first place each is imported (type-only imports apart). */
function bareImports(dir: string, typeOnly: boolean): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(dir)) {
    for (const i of scanFile(file).imports) {
      const name = packageOf(i.module);
      if (!name || builtinModules.includes(name) || i.typeOnly !== typeOnly || found.has(name)) continue;
      found.set(name, `${file}:${i.line}`);
    }
  }
  return found;
}

const undeclared = (imports: Map<string, string>, declared: Record<string, string>) =>
  [...imports].filter(([name]) => declared[name] === undefined).map(([name, where]) => `${name} (${where})`);

describe('emulator/package.json', () => {
  it('is a private CommonJS package (as tsx runs it today: modules.ts uses __dirname) with its entry', () => {
    expect(emulator).toMatchObject({ name: 'm365-emulator', private: true, type: 'commonjs', main: 'src/server.ts' });
    expect(root.workspaces).toBeUndefined();
  });

  it('declares every package the emulator and its CLI import at run time as a dependency', () => {
    const used = new Map([...bareImports('emulator/src', false), ...bareImports('emulator/bin', false)]);
    expect(used.size).toBeGreaterThan(0);
    expect(undeclared(used, runtime)).toEqual([]);
  });

  it('declares the packages imported only for types, and those its tests import', () => {
    const types = new Map([...bareImports('emulator/src', true), ...bareImports('emulator/bin', true)]);
    const tests = new Map([...bareImports('emulator/test', false), ...bareImports('emulator/test', true)]);
    expect(undeclared(types, { ...runtime, ...dev })).toEqual([]);
    expect(undeclared(tests, { ...runtime, ...dev })).toEqual([]);
  });

  it("pins each package at the root's version", () => {
    const rootVersions = { ...root.dependencies, ...root.devDependencies };
    const differing = Object.entries({ ...runtime, ...dev })
      .filter(([name, version]) => rootVersions[name] !== version)
      .map(([name, version]) => `${name}: emulator ${version}, root ${rootVersions[name] ?? 'missing'}`);
    expect(differing).toEqual([]);
  });
});
