/** POST /$batch as documented: limits, ids, dependsOn, 424, inner auth and faults. */
import { loadFixture, shapeDifferences, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
afterEach(async () => {
  await h.admin('DELETE', '/faults');
});

interface BatchItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

async function batch(requests: unknown[], token?: string) {
  const res = await h.graph('/$batch', { method: 'POST', body: { requests }, ...(token ? { token } : {}) });
  return { res, body: (await res.json()) as { responses: BatchItem[]; error?: { code: string; message: string } } };
}

describe('$batch', () => {
  it('answers each request with id, status, headers and body, like the documented example', async () => {
    const { res, body } = await batch([
      { id: '4', method: 'POST', url: '/me', body: {}, headers: { 'Content-Type': 'application/json' } },
      { id: '5', method: 'GET', url: 'users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(res.status).toBe(200);
    const fixture = loadFixture('batch.json');
    expect(shapeDifferences(body, fixture.body, false)).toEqual([]);
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['4', 405],
      ['5', 200],
    ]);
    expect(body.responses[1]?.body?.['@odata.count']).toBe(0);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const { res, body } = await batch(requests);
    expect(res.status).toBe(400);
    expect(body.error?.message).toContain('20');
    const twenty = await batch(requests.slice(0, 20));
    expect(twenty.res.status).toBe(200);
    expect(twenty.body.responses).toHaveLength(20);
  });

  it('refuses duplicate ids (case-insensitive) and unknown dependsOn', async () => {
    expect((await batch([{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }])).res.status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }])).res.status).toBe(400);
  });

  it('runs dependsOn chains in order and fails dependents of a failed request with 424', async () => {
    const { body } = await batch([
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/users/nobody@mustergmbh.onmicrosoft.com', dependsOn: ['1'] },
      { id: '1', method: 'GET', url: '/me' },
    ]);
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['3', 424],
      ['2', 404],
      ['1', 200],
    ]);
    expect((body.responses[0]?.body?.error as { code: string }).code).toBe('FailedDependency');
  });

  it('checks the outer token for every inner request', async () => {
    const token = await h.token('anna.mueller', ['User.Read']);
    const { body } = await batch(
      [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/users' },
      ],
      token,
    );
    expect(body.responses.map((r) => r.status)).toEqual([200, 403]);
    expect((body.responses[1]?.body?.error as { code: string }).code).toBe('Authorization_RequestDenied');
  });

  it('requires a valid token for the batch itself', async () => {
    const res = await h.graph('/$batch', { method: 'POST', token: null, body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    expect(res.status).toBe(401);
  });

  it('gives an inner request a 429 with Retry-After when a fault rule hits it', async () => {
    await h.admin('PUT', '/faults', { rules: [{ path: '^/users', rate429: 1, retryAfterSeconds: 7 }] });
    const { res, body } = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/users?$top=1' },
    ]);
    expect(res.status).toBe(200);
    expect(body.responses[0]?.status).toBe(200);
    expect(body.responses[1]?.status).toBe(429);
    expect(body.responses[1]?.headers['Retry-After']).toBe('7');
  });

  it('drops the whole batch connection when an inner request hits a drop fault', async () => {
    await h.admin('PUT', '/faults', { rules: [{ path: '^/organization', rateDrop: 1 }] });
    await expect(
      batch([
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/organization' },
      ]),
    ).rejects.toThrow();
  });

  it('refuses a batch inside a batch', async () => {
    const { body } = await batch([{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] }, headers: { 'Content-Type': 'application/json' } }]);
    expect(body.responses[0]?.status).toBe(400);
  });

  it('answers an inner request with a body but no Content-Type with 400', async () => {
    const { body } = await batch([{ id: '1', method: 'POST', url: '/me', body: {} }]);
    expect(body.responses[0]?.status).toBe(400);
  });

  it('counts inner requests in the stats', async () => {
    await h.admin('DELETE', '/stats');
    await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me' },
    ]);
    const stats = (await (await h.admin('GET', '/stats')).json()) as { requests: number; byRoute: Record<string, number> };
    expect(stats.byRoute['GET /me']).toBe(2);
    expect(stats.byRoute['POST /$batch']).toBe(1);
    expect(stats.requests).toBe(3);
  });
  it('answers an upload with a base64 body base64-encoded, as Graph does, JSON answers of JSON requests as JSON', async () => {
    const drive = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:/drive';
    const { res, body } = await batch([
      {
        id: '1',
        method: 'PUT',
        url: `${drive}/root:/BatchUpload/a.txt:/content`,
        headers: { 'Content-Type': 'text/plain' },
        body: Buffer.from('Audit').toString('base64'),
      },
      { id: '2', method: 'GET', url: '/me', headers: {} },
    ]);
    expect(res.status).toBe(200);
    const [upload, me] = body.responses as unknown as { id: string; status: number; body: unknown }[];
    expect(upload?.status).toBe(201);
    expect(typeof upload?.body).toBe('string');
    const item = JSON.parse(Buffer.from(upload!.body as string, 'base64').toString('utf8')) as { name: string; size: number };
    expect(item).toMatchObject({ name: 'a.txt', size: 5 });
    expect(me?.status).toBe(200);
    expect(typeof me?.body).toBe('object');
  });
});
