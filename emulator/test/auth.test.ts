/** Token validation (401) and delegated scope checks (403), with Graph's error bodies. */
import { loadFixture, shapeDifferences, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
  const fixture = loadFixture('error.json');
  expect(shapeDifferences(body, fixture.body, true)).toEqual([]);
  return body.error;
}

describe('401 InvalidAuthenticationToken', () => {
  it('without a token: "Access token is empty."', async () => {
    const res = await h.graph('/me', { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const error = await errorOf(res);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.message).toBe('Access token is empty.');
  });

  it('with a token that is not a JWT: IDX14100', async () => {
    const res = await h.graph('/me', { token: 'not-a-jwt' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/^IDX14100: JWT is not well formed/);
  });

  it('with an expired token', async () => {
    const res = await h.graph('/me', { token: await h.token('katrin.berger', undefined, -60) });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toBe('Lifetime validation failed, the token is expired.');
  });

  it('with a token whose signature does not match', async () => {
    const [header, payload] = (await h.token('katrin.berger')).split('.');
    // Same claims, but claims of another user pasted in: the signature no longer matches.
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims.upn = 'mallory@mustergmbh.onmicrosoft.com';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${'A'.repeat(43)}`;
    const res = await h.graph('/me', { token: forged });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('InvalidAuthenticationToken');
  });

  it('echoes the client-request-id and sends request-id headers', async () => {
    const res = await h.graph('/me', { token: null, headers: { 'client-request-id': 'abc-123' } });
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    const requestId = res.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const error = await errorOf(res);
    expect(error.innerError['client-request-id']).toBe('abc-123');
    expect(error.innerError['request-id']).toBe(requestId);
    expect(error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });
});

describe('403 for missing delegated scopes', () => {
  it('lets User.Read read /me but not /users', async () => {
    const token = await h.token('anna.mueller', ['User.Read']);
    expect((await h.graph('/me', { token })).status).toBe(200);
    const res = await h.graph('/users', { token });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('Authorization_RequestDenied');
    expect(error.message).toBe('Insufficient privileges to complete the operation.');
  });

  it('accepts any scope of the permission table (User.Read.All for /users)', async () => {
    const token = await h.token('anna.mueller', ['User.Read.All']);
    expect((await h.graph('/users?$top=1', { token })).status).toBe(200);
  });

  it('checks scopes case-insensitively, as Entra ID does', async () => {
    const token = await h.token('anna.mueller', ['user.readbasic.all']);
    expect((await h.graph('/users?$top=1', { token })).status).toBe(200);
  });

  it('a token without scopes gets 403, not 401', async () => {
    const token = await h.token('anna.mueller', []);
    expect((await h.graph('/me', { token })).status).toBe(403);
  });
});

describe('admin token endpoint', () => {
  it('issues a Bearer token with the requested scopes and lifetime', async () => {
    const res = await h.admin('POST', '/token', { user: 'jonas.weber@mustergmbh.onmicrosoft.com', scopes: ['User.Read', 'Sites.Read.All'], expiresInSeconds: 600 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token_type: string; access_token: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'User.Read Sites.Read.All' });
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ upn: 'jonas.weber@mustergmbh.onmicrosoft.com', name: 'Jonas Weber', aud: 'https://graph.microsoft.com', scp: 'User.Read Sites.Read.All' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);
  });

  it('refuses unknown users and malformed requests', async () => {
    expect((await h.admin('POST', '/token', { user: 'nobody@mustergmbh.onmicrosoft.com' })).status).toBe(404);
    const bad = await h.admin('POST', '/token', { user: 'katrin.berger@mustergmbh.onmicrosoft.com', scopes: 'User.Read' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('scopes');
  });
});
