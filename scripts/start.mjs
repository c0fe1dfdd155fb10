#!/usr/bin/env node
// `npm start`: the local Microsoft 365 emulator (seeded with the demo company on first run)
// and the Vite dev server, together. Ctrl-C stops both.
//
//   CHEFSACHE_EMULATOR_PORT  emulator port (default 4365)
//   CHEFSACHE_APP_PORT       app port (default 5173)
//   CHEFSACHE_AUTH=msal      talk to a real tenant instead: no emulator is started
//                            (set CHEFSACHE_GRAPH_BASE_URL and CHEFSACHE_CLIENT_ID, see docs/deployment.md)
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const emulatorPort = Number(process.env.CHEFSACHE_EMULATOR_PORT ?? 4365);
const appPort = Number(process.env.CHEFSACHE_APP_PORT ?? 5173);
const useEmulator = (process.env.CHEFSACHE_AUTH ?? 'emulator') === 'emulator';
const children = [];

function run(name, cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${name}] stopped (${signal ?? `exit ${code}`}); stopping everything.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 60 s`)), 60_000);
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.on('exit', () => reject(new Error(`${what} exited before it was ready`)));
  });
}

const env = {};
let filesUrl;
if (useEmulator) {
  const emulatorUrl = `http://localhost:${emulatorPort}`;
  // The app's own origins may sign demo users in (/_signin); the admin API stays closed to web pages.
  const appOrigins = [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`];
  const emulator = run('emulator', bin('tsx'), [
    'emulator/bin/emulator.ts', '--port', String(emulatorPort), '--data', join(root, '.emulator-data'),
    ...appOrigins.flatMap((origin) => ['--app-origin', origin]),
  ]);
  const listening = await waitForLine(emulator, /listening on/i, 'The emulator');
  // "Emulator listening on <graph origin> and <file host origin> (SharePoint file host)"
  filesUrl = /and (\S+) \(SharePoint file host\)/.exec(listening)?.[1]?.replace('127.0.0.1', 'localhost');
  // The demo site is set up through the app's own setup as its site owner (roles by object id, SharePoint
  // permissions on Chefsache's lists). Idempotent: on every start after the first it changes nothing.
  await new Promise((resolve, reject) => {
    const setup = spawn(bin('tsx'), ['scripts/setup-demo.ts', emulatorUrl], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    setup.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Demo site setup failed (exit ${code}).`))));
  });
  // First start: the demo company gets its year of history, written through Chefsache's own services
  // (scripts/demo). The marker keeps later starts, and `npm run emulator:reset -- --empty`, as they are.
  const demoMarker = join(root, '.emulator-data', 'demo-year');
  if (!existsSync(demoMarker)) {
    console.log('Filling Muster GmbH with a year of history (first start) …');
    const code = await new Promise((resolve) => {
      spawn(bin('tsx'), ['scripts/demo/run.ts', emulatorUrl], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] }).on('exit', resolve);
    });
    if (code === 0) writeFileSync(demoMarker, 'seeded\n');
    else console.error(`The demo year could not be filled (exit ${code}); the app starts anyway, the next start tries again.`);
  }
  Object.assign(env, {
    CHEFSACHE_AUTH: 'emulator',
    CHEFSACHE_EMULATOR_URL: emulatorUrl,
    CHEFSACHE_GRAPH_BASE_URL: `${emulatorUrl}/v1.0`,
  });
}

const vite = run('app', bin('vite'), ['--port', String(appPort), '--strictPort'], { ...env, CHEFSACHE_APP_PORT: String(appPort) });
await waitForLine(vite, /Local:/, 'The app');
const app = `http://localhost:${appPort}`;
console.log('\nChefsache is running.');
console.log(`  Teams tab:          ${app}/`);
if (useEmulator) {
  console.log(`  Emulator (Graph):   http://localhost:${emulatorPort}/v1.0`);
  console.log(`  Emulator admin API: http://localhost:${emulatorPort}/_admin/health (secret in .emulator-data/admin-secret)`);
  if (filesUrl) console.log(`  SharePoint files:   ${filesUrl} (download URLs, another origin than Graph)`);
  console.log('  Demo company: Muster GmbH (local emulator, not a tenant). Reset: npm run emulator:reset');
}
console.log('Press Ctrl-C to stop.\n');
