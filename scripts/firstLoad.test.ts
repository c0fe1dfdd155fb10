import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstLoadOf, preloadedScripts, staticImports } from './firstLoad';

/** A tiny built site: a page, its entry, a preloaded chunk, a static import chain and a lazy chunk. */
function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firstload-test-'));
  mkdirSync(join(dir, 'teams'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'teams', 'index.html'),
    `<html><head>
      <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
      <script type="module" crossorigin src="/assets/entry.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react.js">
      <link rel="stylesheet" href="/assets/style.css">
    </head></html>`,
  );
  const files: Record<string, string> = {
    // The entry imports react (also preloaded: counted once) and shell statically, a section lazily.
    'entry.js': `import{a as r}from"./react.js";import"./shell.js";const s=()=>import("./section.js");r(s);`,
    'react.js': `export const a=(f)=>f;`,
    'shell.js': `export{b}from"./tokens.js";console.log("shell")`,
    'tokens.js': `export const b=1;`,
    'section.js': `import{b}from"./tokens.js";import("./pdf.js");export default b;`,
    'pdf.js': 'x'.repeat(5000),
    'style.css': 'body{}',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), text);
  return dir;
}

describe('first-load counting (bench/firstLoad.ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fixture();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads module entry scripts and modulepreload links, not classic or external scripts or stylesheets', () => {
    const html = `<script src="/classic.js"></script><script type="module" src="./main.js"></script>
      <link rel="modulepreload" href="/assets/a.js"><link rel="preload" href="/assets/b.js"><script type="module" src="https://cdn.example/x.js"></script>`;
    expect(preloadedScripts(html)).toEqual(['./main.js', '/assets/a.js']);
  });

  it('follows static imports and re-exports, never dynamic import()', () => {
    expect(staticImports(`import{a}from"./a.js";import"./b.js";export{c}from"../c.js";import * as d from './d.js';const e=()=>import("./e.js");`)).toEqual([
      './a.js',
      './b.js',
      '../c.js',
      './d.js',
    ]);
  });

  it('counts the entry, its preloads and their static imports once each, and leaves lazy chunks out', () => {
    const load = firstLoadOf(dir, 'teams/index.html');
    expect([...load.files].sort()).toEqual(['/assets/entry.js', '/assets/react.js', '/assets/shell.js', '/assets/tokens.js']);
    const counted = ['entry.js', 'react.js', 'shell.js', 'tokens.js'].map((name) => fixtureBytes(dir, name));
    expect(load.rawBytes).toBe(counted.reduce((sum, bytes) => sum + bytes.length, 0));
    expect(load.gzipBytes).toBe(counted.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0));
  });
});

function fixtureBytes(dir: string, name: string): Buffer {
  return readFileSync(join(dir, 'assets', name));
}
