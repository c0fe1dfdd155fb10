/**
 * What a built page loads before first paint (bench/firstLoad.ts, issue 14): its module entry
 * scripts and `modulepreload` links in the built HTML, plus every chunk those import statically
 * (`import … from "./x.js"`, `import "./x.js"`), followed transitively. Dynamic `import()` chunks load
 * later (a section, signing, a binder export) and are not counted. Sizes are gzip level 9, as Vite reports them.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Scripts the HTML loads up front: `<script type="module" src>` and `<link rel="modulepreload" href>`, as site paths. */
export function preloadedScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isModule = /^<script/i.test(tag) && attr('type') === 'module' && attr('src');
    const isPreload = /^<link/i.test(tag) && attr('rel')?.toLowerCase() === 'modulepreload' && attr('href');
    const url = isModule ? attr('src') : isPreload ? attr('href') : undefined;
    if (url && !/^[a-z]+:\/\//i.test(url) && !url.startsWith('//')) found.push(url);
  }
  return found;
}

/** Relative specifiers a chunk imports statically (never `import(...)`). */
export function staticImports(code: string): string[] {
  const specifiers = new Set<string>();
  // `import{a}from"./x.js"`, `import * as b from "./x.js"`, `import"./x.js"`, `export{c}from"./x.js"`.
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{$][^"'`()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.add(match[1]!);
  return [...specifiers];
}

export interface FirstLoad {
  /** Site paths (`/assets/x.js`) of every script counted, entry first. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** The first-load JavaScript of one built page (`page` relative to `outDir`, e.g. `teams/index.html`). */
export function firstLoadOf(outDir: string, page: string): FirstLoad {
  const html = readFileSync(join(outDir, page), 'utf8');
  const pageDir = posix.dirname(`/${page}`);
  const toSitePath = (url: string, from: string) => posix.normalize(url.startsWith('/') ? url : posix.join(from, url));
  const queue = preloadedScripts(html).map((url) => toSitePath(url, pageDir));
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = readFileSync(join(outDir, path));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
    for (const specifier of staticImports(bytes.toString('utf8'))) queue.push(toSitePath(specifier, posix.dirname(path)));
  }
  return { files: [...seen], rawBytes, gzipBytes };
}

/** Raw and gzip size of one built file (the classic Outlook runtime script). */
export function fileSize(outDir: string, path: string): { rawBytes: number; gzipBytes: number } {
  const bytes = readFileSync(join(outDir, path));
  return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
