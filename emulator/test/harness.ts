/** In-process emulator for the emulator's own tests, plus fixture shape comparison. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_SECRET_HEADER } from '../src/http/localAccess';
import { createEmulator, type Emulator, type EmulatorOptions } from '../src/server';

export const DOMAIN = 'mustergmbh.onmicrosoft.com';
export const upn = (alias: string) => `${alias}@${DOMAIN}`;

/** The header every `/_admin` call (except /health) needs. */
export function adminHeaders(emulator: Emulator): Record<string, string> {
  return { [ADMIN_SECRET_HEADER]: emulator.adminSecret };
}

export interface Harness {
  emulator: Emulator;
  dataDir: string;
  graph(path: string, init?: { method?: string; token?: string | null; headers?: Record<string, string>; body?: unknown }): Promise<Response>;
  token(alias: string, scopes?: string[], expiresInSeconds?: number): Promise<string>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startHarness(options: { dataDir?: string; reset?: boolean; appOrigins?: string[]; host?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'emulator-test-'));
  const extra: EmulatorOptions = { ...(options.appOrigins ? { appOrigins: options.appOrigins } : {}), ...(options.host ? { host: options.host } : {}) };
  const emulator = await createEmulator({ port: 0, dataDir, reset: options.reset ?? true, ...extra });
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${emulator.url}/_admin${path}`, {
      method,
      headers: { ...adminHeaders(emulator), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const token = async (alias: string, scopes?: string[], expiresInSeconds?: number) => {
    const res = await admin('POST', '/token', { user: alias.includes('@') ? alias : upn(alias), ...(scopes ? { scopes } : {}), ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }) });
    if (!res.ok) throw new Error(`token failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  let defaultToken: string | undefined;
  const graph: Harness['graph'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token !== null) {
      defaultToken ??= await token('katrin.berger');
      headers.Authorization = `Bearer ${init.token ?? defaultToken}`;
    }
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['Content-Type'] ??= 'application/json';
    }
    return fetch(`${emulator.url}/v1.0${path}`, { method: init.method ?? 'GET', headers, body });
  };
  return {
    emulator,
    dataDir,
    graph,
    token,
    admin,
    stop: async ({ keepData = false } = {}) => {
      await emulator.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Fixture {
  source: string;
  request: string;
  status: number;
  /** True when the documented body is complete: the emulator must answer the same key set. */
  exactKeys: boolean;
  body: unknown;
}

export function loadFixture(name: string): Fixture {
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Fixture;
  if (!fixture.source) throw new Error(`Fixture ${name} names no source.`);
  return fixture;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Differences between a response body and a documented example: keys (all of the fixture's,
 * and no others when exact), JSON value types (null in either is accepted: Graph properties
 * are nullable), `@odata.*` annotations (present in both), recursively; arrays compare their
 * first elements. Returns a list of problems (empty = same shape).
 */
export function shapeDifferences(actual: unknown, expected: unknown, exact: boolean, path = '$'): string[] {
  if (expected === null || actual === null) return [];
  if (kind(actual) !== kind(expected)) return [`${path}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length === 0 || actual.length === 0) return [];
    return shapeDifferences(actual[0], expected[0], exact, `${path}[0]`);
  }
  if (kind(expected) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(e)) {
    if (!(key in a)) problems.push(`${path}.${key}: missing`);
    else problems.push(...shapeDifferences(a[key], e[key], exact, `${path}.${key}`));
  }
  if (exact) for (const key of Object.keys(a)) if (!(key in e)) problems.push(`${path}.${key}: not in the documented response`);
  return problems;
}

/** The @odata.context fragment after `$metadata#`. */
export function contextFragment(context: unknown): string {
  return String(context).split('$metadata#')[1] ?? '';
}
