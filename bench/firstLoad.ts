/**
 * Issue 14: the JavaScript each page loads before first paint, read from a production-like build
 * (`CHEFSACHE_AUTH=msal`, a placeholder client id) written to a temporary folder. Counted per page:
 * the entry script, its modulepreload links and their static imports (scripts/firstLoad.ts); chunks
 * behind a dynamic `import()` (sections, PDF, ZIP, teams-js, MSAL) are not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSize, firstLoadOf, kb } from '../scripts/firstLoad';

export const TEAMS_TAB_TARGET_KB = 180;

const PAGES = [
  { label: 'Teams tab', page: 'teams/index.html' },
  { label: 'task pane', page: 'outlook/taskpane.html' },
  { label: 'on-send runtime page', page: 'outlook/commands.html' },
];

export function benchFirstLoad(): string[] {
  const root = join(__dirname, '..');
  const outDir = mkdtempSync(join(tmpdir(), 'chefsache-firstload-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CHEFSACHE_AUTH: 'msal', CHEFSACHE_CLIENT_ID: '00000000-0000-0000-0000-000000000000' };
    delete env.CHEFSACHE_DEMO_BUILD;
    delete env.CHEFSACHE_GRAPH_BASE_URL;
    const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}${build.stdout}`);
    const lines: string[] = [];
    for (const { label, page } of PAGES) {
      const load = firstLoadOf(outDir, page);
      const target = label === 'Teams tab' ? ` (target <= ${TEAMS_TAB_TARGET_KB} KB)` : '';
      lines.push(`first-load JS gz: ${label}: ${kb(load.gzipBytes)}${target}`);
      lines.push(`  # ${page}: ${load.files.length} scripts, ${kb(load.rawBytes)} raw; entry + modulepreload links + their static imports, gzip -9; dynamic import() chunks not counted`);
    }
    const runtime = fileSize(outDir, 'outlook/runtime.js');
    lines.push(`runtime.js: ${kb(runtime.rawBytes)} raw, ${kb(runtime.gzipBytes)} gz`);
    lines.push('  # outlook/runtime.js, the classic script for classic Outlook on Windows (one IIFE, no imports)');
    return lines;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
