/**
 * Starts the Vite dev server once for all browser tests (no build): `node_modules/.bin/vite`
 * directly, so the PID we keep is the server's own, on a free port, with the app's emulator set to
 * an address where nothing listens (each test file starts its own emulator and passes `?emulator=`).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { APP_PID_ENV, APP_URL_ENV, NO_EMULATOR_URL } from './support/appServer';

const root = join(__dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port.'))));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHEFSACHE_AUTH: 'emulator',
    CHEFSACHE_EMULATOR_URL: NO_EMULATOR_URL,
    CHEFSACHE_APP_PORT: String(port),
    NO_COLOR: '1',
  };
  delete env.CHEFSACHE_GRAPH_BASE_URL;
  delete env.CHEFSACHE_CLIENT_ID;
  delete env.CHEFSACHE_SITE_URL;

  const vite = spawn(join(root, 'node_modules', '.bin', 'vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      vite.kill('SIGTERM');
      reject(new Error(`The Vite dev server did not start within ${STARTUP_TIMEOUT_MS / 1000} s. Output:\n${output.join('\n')}`));
    }, STARTUP_TIMEOUT_MS);
    for (const stream of [vite.stdout, vite.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (/Local:\s+http/.test(line)) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      });
    }
    vite.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start node_modules/.bin/vite: ${error.message}`));
    });
    vite.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The Vite dev server exited (${signal ?? `code ${code}`}) before it was ready. Output:\n${output.join('\n')}`));
    });
  });
  // Keep draining the output so the server never blocks on a full pipe, without keeping Jest alive.
  for (const stream of [vite.stdout, vite.stderr]) {
    stream.resume();
    (stream as unknown as { unref?: () => void }).unref?.();
  }
  vite.unref();

  process.env[APP_URL_ENV] = url;
  process.env[APP_PID_ENV] = String(vite.pid);
}
