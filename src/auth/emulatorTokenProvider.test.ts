import { fakeFetch, jsonResponse } from '../graph/testSupport/fakeGraph';
import { createEmulatorTokenProvider, EmulatorSignInError } from './emulatorTokenProvider';

const emulatorUrl = 'http://localhost:4365';

function tokenServer() {
  let issued = 0;
  return fakeFetch((call) => {
    const { scopes } = call.json() as { scopes?: string[] };
    issued += 1;
    return jsonResponse(200, { token_type: 'Bearer', access_token: `jwt-${issued}`, expires_in: 3600, scope: (scopes ?? []).join(' ') });
  });
}

describe('emulator token provider', () => {
  it('signs the demo user in at the sign-in route /_signin/token with the requested scopes, without any admin secret', async () => {
    const { fetch, calls } = tokenServer();
    const provider = createEmulatorTokenProvider({ emulatorUrl: `${emulatorUrl}/`, user: 'katrin.berger@mustergmbh.onmicrosoft.com', fetch });
    await expect(provider.getToken(['User.Read'])).resolves.toBe('jwt-1');
    expect(calls[0]?.url).toBe(`${emulatorUrl}/_signin/token`);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.headers).not.toHaveProperty('x-emulator-admin-secret');
    expect(calls[0]?.json()).toEqual({ user: 'katrin.berger@mustergmbh.onmicrosoft.com', scopes: ['User.Read'] });
  });

  it('uses the admin API with the admin secret when a Node tool holds it', async () => {
    const { fetch, calls } = tokenServer();
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch, adminSecret: 's3cret-s3cret-s3cret' });
    await provider.getToken(['User.Read']);
    expect(calls[0]?.url).toBe(`${emulatorUrl}/_admin/token`);
    expect(calls[0]?.headers['x-emulator-admin-secret']).toBe('s3cret-s3cret-s3cret');
  });

  it('reuses the token for the same scope set (in any order) and signs in again for another set', async () => {
    const { fetch, calls } = tokenServer();
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch });
    const a = await provider.getToken(['Sites.Read.All', 'User.Read']);
    const b = await provider.getToken(['User.Read', 'Sites.Read.All']);
    const c = await provider.getToken(['Sites.ReadWrite.All']);
    expect([a, b, c]).toEqual(['jwt-1', 'jwt-1', 'jwt-2']);
    expect(calls).toHaveLength(2);
  });

  it('renews shortly before expiry, not after it', async () => {
    const { fetch, calls } = tokenServer();
    let now = 0;
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch, now: () => now, refreshMarginMs: 60_000 });
    await provider.getToken(['User.Read']);
    now = 3_539_000; // 61 s before expiry: still cached
    await expect(provider.getToken(['User.Read'])).resolves.toBe('jwt-1');
    now = 3_541_000; // 59 s before expiry: renewed
    await expect(provider.getToken(['User.Read'])).resolves.toBe('jwt-2');
    expect(calls).toHaveLength(2);
  });

  it('forceRefresh always signs in again', async () => {
    const { fetch } = tokenServer();
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch });
    await provider.getToken(['User.Read']);
    await expect(provider.getToken(['User.Read'], { forceRefresh: true })).resolves.toBe('jwt-2');
    await expect(provider.getToken(['User.Read'])).resolves.toBe('jwt-2');
  });

  it('shares one sign-in between concurrent requests for the same scopes', async () => {
    const { fetch, calls } = tokenServer();
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch });
    const tokens = await Promise.all([provider.getToken(['User.Read']), provider.getToken(['User.Read'])]);
    expect(tokens).toEqual(['jwt-1', 'jwt-1']);
    expect(calls).toHaveLength(1);
  });

  it('reports an unknown user with the emulator’s message', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(404, { error: { code: 'Request_ResourceNotFound', message: "No demo user 'nobody'. GET /_admin/users lists them." } }),
    );
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'nobody', fetch });
    const error = (await provider.getToken(['User.Read']).catch((e: unknown) => e)) as EmulatorSignInError;
    expect(error).toBeInstanceOf(EmulatorSignInError);
    expect(error.status).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
    expect(error.message).toContain("No demo user 'nobody'");
  });

  it('rejects a malformed answer naming the missing field', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(200, { token_type: 'Bearer', expires_in: 3600, scope: '' }));
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch });
    await expect(provider.getToken(['User.Read'])).rejects.toThrow(/unexpected answer \(access_token: /);
  });

  it('says the emulator is not reachable when nothing answers', async () => {
    const { fetch } = fakeFetch(() => new TypeError('fetch failed'));
    const provider = createEmulatorTokenProvider({ emulatorUrl, user: 'jonas.weber', fetch });
    await expect(provider.getToken(['User.Read'])).rejects.toThrow('the emulator is not reachable (fetch failed). Is it running?');
  });
});
