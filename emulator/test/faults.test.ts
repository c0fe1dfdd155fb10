/** Fault injection through the admin API: 429/503/500, latency, dropped sockets, times, seed. */
import { request } from 'node:http';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
afterEach(async () => {
  await h.admin('DELETE', '/faults');
});

const setFaults = async (body: unknown) => {
  const res = await h.admin('PUT', '/faults', body);
  expect(res.status).toBe(200);
};

describe('faults', () => {
  it('are off by default', async () => {
    expect(await (await h.admin('GET', '/faults')).json()).toEqual({ rules: [] });
    expect((await h.graph('/me')).status).toBe(200);
  });

  it('answer 429 with Retry-After and Graph error body, only for the next N matches', async () => {
    await setFaults({ rules: [{ path: '^/me$', rate429: 1, retryAfterSeconds: 3, times: 2 }] });
    const first = await h.graph('/me');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect((await h.graph('/users?$top=1')).status).toBe(200);
    expect((await h.graph('/me')).status).toBe(429);
    expect((await h.graph('/me')).status).toBe(200);
    const state = (await (await h.admin('GET', '/faults')).json()) as { rules: { remaining: number }[] };
    expect(state.rules[0]?.remaining).toBe(0);
  });

  it('answer 503 and 500 when configured, per method', async () => {
    await setFaults({ rules: [{ method: 'GET', path: '^/organization', rate503: 1 }] });
    expect((await h.graph('/organization')).status).toBe(503);
    await setFaults({ rules: [{ rate500: 1 }] });
    const res = await h.graph('/me');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('generalException');
  });

  it('add latency', async () => {
    await setFaults({ rules: [{ path: '^/me$', latencyMs: 300 }] });
    const started = Date.now();
    expect((await h.graph('/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drop the connection', async () => {
    await setFaults({ rules: [{ rateDrop: 1 }] });
    const token = await h.token('katrin.berger');
    const outcome = await new Promise<string>((resolve) => {
      const req = request(`${h.emulator.url}/v1.0/me`, { headers: { Authorization: `Bearer ${token}` } }, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end();
    });
    expect(outcome).toBe('ECONNRESET');
  });

  it('with a seed give the same outcomes on every run', async () => {
    const run = async () => {
      await setFaults({ rules: [{ path: '^/me$', rate429: 0.5 }], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await h.graph('/me')).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });

  it('refuse invalid rules with 400', async () => {
    expect((await h.admin('PUT', '/faults', { rules: [{ rate429: 2 }] })).status).toBe(400);
    expect((await h.admin('PUT', '/faults', { rules: [{ path: '([' }] })).status).toBe(400);
    expect((await h.admin('PUT', '/faults', { rules: [{ rate429: 0.6, rate503: 0.6 }] })).status).toBe(400);
    expect((await h.admin('PUT', '/faults', { rules: [{ rate42: 1 }] })).status).toBe(400);
  });

  it('do not touch the admin API', async () => {
    await setFaults({ rules: [{ rate500: 1 }] });
    expect((await h.admin('GET', '/health')).status).toBe(200);
  });
});
