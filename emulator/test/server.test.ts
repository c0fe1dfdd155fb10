/** Server behaviour around the routes: CORS, unknown paths, 405, 413, bad JSON, admin API, reset, restart. */
import { startHarness, type Harness } from './harness';

describe('HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('answers CORS preflight for any origin and exposes Graph headers', async () => {
    const res = await fetch(`${h.emulator.url}/v1.0/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,consistencylevel' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,consistencylevel');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const get = await h.graph('/me', { headers: { Origin: 'https://teams.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://teams.example');
    expect(get.headers.get('access-control-expose-headers')).toEqual(expect.stringContaining('Retry-After'));
    expect(get.headers.get('access-control-expose-headers')).toEqual(expect.stringContaining('request-id'));
  });

  it('answers an unknown segment with 400 like Graph, and a wrong method with 405', async () => {
    const unknown = await h.graph('/meetings');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("Resource not found for the segment 'meetings'.");
    const wrong = await h.graph('/users', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('Request_BadRequest');
  });

  it('answers invalid JSON with 400 and an oversized body with 413', async () => {
    const bad = await h.graph('/$batch', { method: 'POST', body: '{"requests": [' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('Unable to read JSON request payload');
    const big = await h.graph('/$batch', { method: 'POST', body: JSON.stringify({ requests: [], pad: 'x'.repeat(4 * 1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
  });

  it('counts requests per route in stats until they are reset', async () => {
    await h.admin('DELETE', '/stats');
    await h.graph('/me');
    await h.graph('/users/katrin.berger@mustergmbh.onmicrosoft.com');
    await h.graph('/users/jonas.weber@mustergmbh.onmicrosoft.com');
    const stats = (await (await h.admin('GET', '/stats')).json()) as { requests: number; byRoute: Record<string, number> };
    expect(stats).toEqual({ requests: 3, byRoute: { 'GET /me': 1, 'GET /users/{id}': 2 }, ru: { total: 0, byRoute: {} } });
    await h.admin('DELETE', '/stats');
    expect(await (await h.admin('GET', '/stats')).json()).toEqual({ requests: 0, byRoute: {}, ru: { total: 0, byRoute: {} } });
  });

  it('lists demo users for the sign-in picker', async () => {
    const users = (await (await h.admin('GET', '/users')).json()) as { displayName: string; userPrincipalName: string; jobTitle: string }[];
    expect(users).toHaveLength(25);
    expect(users[0]).toEqual({ id: expect.any(String), displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@mustergmbh.onmicrosoft.com', jobTitle: 'Geschäftsführerin' });
  });

  it('answers unknown paths outside /v1.0 with 404', async () => {
    expect((await fetch(`${h.emulator.url}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${h.emulator.url}/beta/me`)).status).toBe(400);
  });
});

describe('persistence and reset', () => {
  it('keeps data and tokens across a restart and restores the seed on reset', async () => {
    const first = await startHarness();
    const token = await first.token('katrin.berger');
    const users = first.emulator.store.collection<{ displayName: string }>('directory.users');
    const katrin = users.find((u) => u.displayName === 'Katrin Berger');
    users.update(katrin?.id as string, (u) => ({ ...u, displayName: 'Katrin Berger-Neu' }));
    await first.stop({ keepData: true });

    const second = await startHarness({ dataDir: first.dataDir, reset: false });
    try {
      const me = await second.graph('/me', { token });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { displayName: string }).displayName).toBe('Katrin Berger-Neu');

      expect((await second.admin('POST', '/reset')).status).toBe(200);
      const again = (await (await second.graph('/me', { token })).json()) as { displayName: string };
      expect(again.displayName).toBe('Katrin Berger');
    } finally {
      await second.stop();
    }
  });

  it('starts from the seed again with reset: true', async () => {
    const first = await startHarness();
    first.emulator.store.collection('directory.users').delete(first.emulator.store.collection<{ id: string }>('directory.users').list()[0]?.id as string);
    await first.stop({ keepData: true });
    const second = await startHarness({ dataDir: first.dataDir, reset: true });
    try {
      expect((await (await second.admin('GET', '/users')).json()) as unknown[]).toHaveLength(25);
    } finally {
      await second.stop();
    }
  });
});
