/**
 * Starts a fresh emulator process for integration and browser tests:
 *   node_modules/.bin/tsx emulator/bin/emulator.ts --port 0 --data <tmpdir> --reset
 * waits for "Emulator listening on <url> and <filesUrl> (SharePoint file host)", and returns helpers
 * around the admin API.
 *
 *   const emu = await startEmulator();
 *   const token = await emu.token('katrin.berger');            // alias, UPN or object id
 *   await fetch(`${emu.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
 *   await emu.stop();
 *
 * Admin calls carry the per-start admin secret (header x-emulator-admin-secret), which this module
 * hands to the emulator in EMULATOR_ADMIN_SECRET. `appOrigins` are the web origins allowed to sign
 * in through `/_signin` (the browser tests pass the app's origin).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const DEMO_DOMAIN = 'mustergmbh.onmicrosoft.com';

export interface FaultRule {
  /** Regex on the path (and query) after /v1.0. */
  path?: string;
  method?: string;
  latencyMs?: number;
  rate429?: number;
  retryAfterSeconds?: number;
  rate503?: number;
  rate500?: number;
  /** Share of matching requests whose socket is destroyed. */
  rateDrop?: number;
  /** Apply to the next N matching requests only. */
  times?: number;
}

export interface EmulatorStats {
  requests: number;
  byRoute: Record<string, number>;
  /** SharePoint resource units (emulator/src/ru.ts): total and per route, inner $batch requests and the file host included. */
  ru: { total: number; byRoute: Record<string, number> };
}

export interface TokenOptions {
  /** Negative: an already expired token. */
  expiresInSeconds?: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** `${url}/v1.0` */
  graphUrl: string;
  /** The emulated SharePoint file host (another port, so another origin): download URLs point here. */
  filesUrl: string;
  /** The admin secret: give it to `createEmulatorTokenProvider({ adminSecret })` in Node. */
  adminSecret: string;
  /** Access token for a demo user: alias ("katrin.berger"), UPN or object id. Default scopes: all the app uses. */
  token(user: string, scopes?: string[], options?: TokenOptions): Promise<string>;
  /** Replaces the fault rules; `seed` makes the random draws reproducible. */
  setFaults(rules: FaultRule[], seed?: number): Promise<void>;
  clearFaults(): Promise<void>;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<void>;
  /**
   * Wipes all data and seeds the demo company again (also clears faults and stats); set up again when started
   * with `setUp`, unless `{ setUp: false }`.
   */
  reset(options?: { setUp?: boolean }): Promise<void>;
  /** Calls any admin endpoint, e.g. admin('POST', '/drive/tamper', {...}). Throws on non-2xx. */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Stops the process and deletes its data directory. */
  stop(): Promise<void>;
}

export interface StartEmulatorOptions {
  /**
   * Runs after start and after every reset() (unless `reset({ setUp: false })`): test/support/setUpEmulator.ts
   * sets the demo site up there through the app's own setup. Kept as a hook so that this file (also used by the
   * emulator's own tests) imports no app code.
   */
  setUp?: (emulator: { url: string; graphUrl: string; adminSecret: string }) => Promise<void>;
  /** Default: a new temp dir, deleted on stop(). */
  dataDir?: string;
  /** Default 60 s (first start compiles TypeScript). */
  startTimeoutMs?: number;
  /** Web origins allowed to sign in through `/_signin` (`--app-origin`). Default none. */
  appOrigins?: string[];
}

export const ADMIN_SECRET_HEADER = 'x-emulator-admin-secret';

const ROOT = resolve(__dirname, '..', '..');

function waitForListening(child: ChildProcess, timeoutMs: number, output: string[]): Promise<{ url: string; filesUrl: string }> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The emulator did not start within ${timeoutMs} ms. Output:\n${output.join('\n')}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      output.push(line);
      const match = /^Emulator listening on (\S+) and (\S+) \(SharePoint file host\)/.exec(line);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], filesUrl: match[2] });
      }
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => output.push(line));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited before it was ready (${signal ?? `exit ${code}`}). Output:\n${output.join('\n')}`));
    });
  });
}

async function adminCall<T>(url: string, secret: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/_admin${path}`, {
    method,
    headers: { [ADMIN_SECRET_HEADER]: secret, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Emulator admin ${method} ${path} failed with ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chefsache-emulator-'));
  const adminSecret = randomBytes(24).toString('hex');
  const origins = (options.appOrigins ?? []).flatMap((origin) => ['--app-origin', origin]);
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['emulator/bin/emulator.ts', '--port', '0', '--files-port', '0', '--data', dataDir, '--reset', ...origins], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NODE_ENV: 'test', EMULATOR_ADMIN_SECRET: adminSecret },
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000).unref());
      if ((await Promise.race([exited.then(() => 'exited' as const), timeout])) === 'timeout' && child.pid !== undefined) {
        // tsx runs the emulator in a child process: end the whole group we started.
        process.kill(-child.pid, 'SIGKILL');
        await exited;
      }
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  let url: string;
  let filesUrl: string;
  try {
    ({ url, filesUrl } = await waitForListening(child, options.startTimeoutMs ?? 60_000, output));
  } catch (error) {
    await stop();
    throw error;
  }

  const admin = <T>(method: string, path: string, body?: unknown) => adminCall<T>(url, adminSecret, method, path, body);
  const setUp = async () => {
    if (options.setUp) await options.setUp({ url, graphUrl: `${url}/v1.0`, adminSecret });
  };
  try {
    await setUp();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    graphUrl: `${url}/v1.0`,
    filesUrl,
    adminSecret,
    token: async (user, scopes, tokenOptions = {}) => {
      const who = user.includes('@') || /^[0-9a-f-]{36}$/i.test(user) ? user : `${user}@${DEMO_DOMAIN}`;
      const body: Record<string, unknown> = { user: who };
      if (scopes) body.scopes = scopes;
      if (tokenOptions.expiresInSeconds !== undefined) body.expiresInSeconds = tokenOptions.expiresInSeconds;
      const answer = await admin<{ access_token: string }>('POST', '/token', body);
      return answer.access_token;
    },
    setFaults: async (rules, seed) => {
      await admin('PUT', '/faults', seed === undefined ? { rules } : { rules, seed });
    },
    clearFaults: async () => {
      await admin('DELETE', '/faults');
    },
    stats: () => admin<EmulatorStats>('GET', '/stats'),
    resetStats: async () => {
      await admin('DELETE', '/stats');
    },
    reset: async (resetOptions = {}) => {
      await admin('POST', '/reset');
      if (resetOptions.setUp !== false) await setUp();
    },
    admin,
    stop,
  };
}
