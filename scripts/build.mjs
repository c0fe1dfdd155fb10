#!/usr/bin/env node
// `npm run build [-- --demo]`: the production build (vite build, see vite.config.ts).
// A build for the local emulator (CHEFSACHE_AUTH=emulator, the default) is refused unless --demo is
// given; `npm run package` never ships such a build (scripts/vite-build-target.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
let args;
try {
  args = parseArgs({ options: { demo: { type: 'boolean', default: false } }, strict: true }).values;
} catch (error) {
  console.error(`${error.message}\nUsage: npm run build [-- --demo]`);
  process.exit(2);
}
const env = { ...process.env };
if (args.demo) env.CHEFSACHE_DEMO_BUILD = '1';
else delete env.CHEFSACHE_DEMO_BUILD;
const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
