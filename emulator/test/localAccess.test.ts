/**
 * The emulator is local-only and its admin API is closed to web pages: a Host allow-list against
 * DNS rebinding, a per-start admin secret for /_admin, no CORS on /_admin, and a sign-in route
 * (/_signin) that answers only the app origins given at start.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { ADMIN_SECRET_HEADER, checkHost } from '../src/http/localAccess';
import { adminHeaders, startHarness, type Harness } from './harness';

const APP = 'http://localhost:5173';
const HOSTILE = 'http://evil.example';

/** A raw request with any Host header (fetch sets Host itself). */
function rawGet(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ appOrigins: [APP] });
});
afterAll(() => h.stop());

describe('Host allow-list (DNS rebinding)', () => {
  it('answers localhost, 127.0.0.1 and [::1], and refuses any other name', async () => {
    const port = h.emulator.port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await rawGet(h.emulator.url, '/_admin/health', host)).status).toBe(200);
    }
    for (const path of ['/_admin/health', '/v1.0/me', '/_signin/users']) {
      const refused = await rawGet(h.emulator.url, path, `rebind.evil.example:${port}`);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'HostNotAllowed' } });
    }
  });

  it('allows the --host interface and IP addresses only when bound beyond loopback', () => {
    expect(checkHost('192.168.1.20:4365', '127.0.0.1')?.status).toBe(403);
    expect(checkHost('192.168.1.20:4365', '0.0.0.0')).toBeNull();
    expect(checkHost('devbox:4365', 'devbox')).toBeNull();
    expect(checkHost('rebind.evil.example:4365', '0.0.0.0')?.status).toBe(403);
    expect(checkHost(undefined, '127.0.0.1')?.status).toBe(400);
  });
});

describe('admin secret', () => {
  it('refuses /_admin without the per-start secret or with a wrong one; health stays open', async () => {
    const body = JSON.stringify({ user: 'katrin.berger@mustergmbh.onmicrosoft.com' });
    const none = await fetch(`${h.emulator.url}/_admin/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'AdminSecretRequired' } });
    const wrong = await fetch(`${h.emulator.url}/_admin/reset`, { method: 'POST', headers: { [ADMIN_SECRET_HEADER]: 'x'.repeat(48) } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${h.emulator.url}/_admin/token`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...adminHeaders(h.emulator) }, body });
    expect(right.status).toBe(200);
    expect((await fetch(`${h.emulator.url}/_admin/health`)).status).toBe(200);
  });

  it('writes the secret to <dataDir>/admin-secret readable by the owner only, and removes it on close', async () => {
    const other = await startHarness();
    const file = join(other.dataDir, 'admin-secret');
    expect(readFileSync(file, 'utf8')).toBe(other.emulator.adminSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(other.emulator.adminSecret).not.toBe(h.emulator.adminSecret);
    await other.stop({ keepData: true });
    expect(existsSync(file)).toBe(false);
    rmSync(other.dataDir, { recursive: true, force: true });
  });
});

describe('CORS', () => {
  it('never grants a web origin access to /_admin', async () => {
    const preflight = await fetch(`${h.emulator.url}/_admin/token`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const users = await fetch(`${h.emulator.url}/_admin/users`, { headers: { Origin: APP, ...adminHeaders(h.emulator) } });
    expect(users.status).toBe(200);
    expect(users.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps Graph (/v1.0) open to any origin, as Graph is', async () => {
    const me = await h.graph('/me', { headers: { Origin: HOSTILE } });
    expect(me.headers.get('access-control-allow-origin')).toBe(HOSTILE);
  });
});

describe('sign-in for the app origins (/_signin)', () => {
  const token = (origin?: string) =>
    fetch(`${h.emulator.url}/_signin/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
      body: JSON.stringify({ user: 'katrin.berger@mustergmbh.onmicrosoft.com', scopes: ['User.Read'] }),
    });

  it('lists the demo users and signs them in for an app origin given at start', async () => {
    const users = await fetch(`${h.emulator.url}/_signin/users`, { headers: { Origin: APP } });
    expect(users.headers.get('access-control-allow-origin')).toBe(APP);
    expect(((await users.json()) as unknown[]).length).toBe(25);
    const answer = await token(APP);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    const { access_token } = (await answer.json()) as { access_token: string };
    expect((await h.graph('/me', { token: access_token })).status).toBe(200);
  });

  it('refuses any other origin and requests without one, with no CORS grant', async () => {
    const hostile = await token(HOSTILE);
    expect(hostile.status).toBe(403);
    expect(hostile.headers.get('access-control-allow-origin')).toBeNull();
    expect(await hostile.json()).toMatchObject({ error: { code: 'OriginNotAllowed' } });
    expect((await token()).status).toBe(403);
    const preflight = await fetch(`${h.emulator.url}/_signin/token`, {
      method: 'OPTIONS',
      headers: { Origin: HOSTILE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const appPreflight = await fetch(`${h.emulator.url}/_signin/token`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(appPreflight.headers.get('access-control-allow-origin')).toBe(APP);
  });
});
