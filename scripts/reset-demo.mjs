#!/usr/bin/env node
// `npm run emulator:reset [-- --empty]`: puts the demo company back to its demo year (scripts/demo), or with
// --empty to the empty, set-up company.
// If the emulator is running (npm start), it is reset through its admin API with the admin secret it
// wrote to .emulator-data/admin-secret (or EMULATOR_ADMIN_SECRET), set up and filled again; otherwise its data
// folder is removed and the next start seeds it again (with its year, unless --empty).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const port = Number(process.env.CHEFSACHE_EMULATOR_PORT ?? 4365);
const dataDir = join(new URL('..', import.meta.url).pathname, '.emulator-data');
const secretFile = join(dataDir, 'admin-secret');
// Read by npm start: "seeded" or "empty" means do not fill the demo year on start.
const demoMarker = join(dataDir, 'demo-year');
const empty = process.argv.slice(2).includes('--empty');
const secret = process.env.EMULATOR_ADMIN_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');
try {
  const res = await fetch(`http://127.0.0.1:${port}/_admin/reset`, { method: 'POST', headers: { 'x-emulator-admin-secret': secret } });
  if (!res.ok) throw new Error(`reset answered ${res.status}: ${await res.text()}`);
  console.log(`Demo company reset in the running emulator on port ${port}.`);
  // Set the demo site up again through the app's own setup (roles by object id, SharePoint permissions).
  const root = new URL('..', import.meta.url).pathname;
  const setup = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/setup-demo.ts', `http://127.0.0.1:${port}`], { cwd: root, stdio: 'inherit', env: { ...process.env, EMULATOR_ADMIN_SECRET: secret } });
  if (setup.status !== 0) throw new Error(`reset answered ok, but the demo site setup failed (exit ${setup.status})`);
  if (empty) {
    writeFileSync(demoMarker, 'empty\n');
    console.log('The company is empty (set up, no evidence yet).');
  } else {
    const demo = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/demo/run.ts', `http://127.0.0.1:${port}`], { cwd: root, stdio: 'inherit', env: { ...process.env, EMULATOR_ADMIN_SECRET: secret } });
    if (demo.status !== 0) throw new Error(`reset answered ok, but the demo year could not be filled (exit ${demo.status})`);
    writeFileSync(demoMarker, 'seeded\n');
  }
} catch (err) {
  if (err instanceof Error && err.message.startsWith('reset answered')) {
    console.error(err.message);
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (empty) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(demoMarker, 'empty\n');
  }
  console.log(`No emulator running on port ${port}: removed ${dataDir}; the next npm start seeds the demo company${empty ? ' (empty, without its year)' : ' with its year'}.`);
}
