import { z } from 'zod';
import { FakeClock, FakeTokenProvider, graphErrorResponse, jsonResponse, sequenceFetch } from '../testSupport/fakeGraph';
import type { TokenProvider } from '../tokenProvider';
import { GraphAuthError } from './errors';
import { createGraphPipeline } from './pipeline';
import type { FetchLike } from './types';

const base = 'https://graph.example/v1.0';
const schema = z.object({ id: z.string() });

function pipeline(fetch: FetchLike, tokenProvider: TokenProvider) {
  return createGraphPipeline({ baseUrl: base, tokenProvider, fetch, clock: new FakeClock(), random: () => 0 });
}

describe('auth', () => {
  it('sends a bearer token obtained for exactly the scopes the call declares', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch, calls } = sequenceFetch([jsonResponse(200, { id: 's' })]);
    await pipeline(fetch, tokens).json({ method: 'GET', url: '/sites/root', scopes: ['Sites.Read.All'] }, schema);
    expect(tokens.requests).toEqual([{ scopes: ['Sites.Read.All'], forceRefresh: false }]);
    expect(calls[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('on a 401 refreshes the token exactly once and resends with the new token', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
      jsonResponse(200, { id: 'u1' }),
    ]);
    await expect(pipeline(fetch, tokens).json({ method: 'GET', url: '/me', scopes: ['User.Read'] }, schema)).resolves.toEqual({
      id: 'u1',
    });
    expect(tokens.requests).toEqual([
      { scopes: ['User.Read'], forceRefresh: false },
      { scopes: ['User.Read'], forceRefresh: true },
    ]);
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('after a second 401 stops with a GraphAuthError that keeps Graph’s code, message and request-id', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(401, 'InvalidAuthenticationToken', 'Access token validation failure.', { requestId: 'a1' }),
      graphErrorResponse(401, 'InvalidAuthenticationToken', 'Access token validation failure.', { requestId: 'a2' }),
    ]);
    const error = await pipeline(fetch, tokens)
      .json({ method: 'GET', url: '/me', scopes: ['User.Read'] }, schema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAuthError);
    const e = error as GraphAuthError;
    expect(e.kind).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.code).toBe('InvalidAuthenticationToken');
    expect(e.requestId).toBe('a2');
    expect(e.message).toContain('also after a fresh sign-in');
    expect(e.message).toContain('Access token validation failure.');
    expect(calls).toHaveLength(2);
    expect(tokens.requests.filter((r) => r.forceRefresh)).toHaveLength(1);
  });

  it('turns a token provider failure into a GraphAuthError naming the scopes, without calling Graph', async () => {
    const failing: TokenProvider = {
      getToken: async () => {
        throw new Error('user cancelled the sign-in');
      },
    };
    const { fetch, calls } = sequenceFetch([]);
    const error = (await pipeline(fetch, failing)
      .json({ method: 'GET', url: '/me', scopes: ['User.Read'] }, schema)
      .catch((e: unknown) => e)) as GraphAuthError;
    expect(error).toBeInstanceOf(GraphAuthError);
    expect(error.code).toBe('tokenUnavailable');
    expect(error.message).toContain('User.Read');
    expect(error.message).toContain('user cancelled the sign-in');
    expect(calls).toHaveLength(0);
  });

  it('never sends the token to another origin, even when a next link points there', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch, calls } = sequenceFetch([
      jsonResponse(200, { value: [{ id: '1' }], '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x' }),
    ]);
    const error = await pipeline(fetch, tokens)
      .all({ method: 'GET', url: '/users', scopes: ['User.ReadBasic.All'] }, schema)
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('Refusing to send a Graph token to https://evil.example');
    expect(calls).toHaveLength(1);
  });

  it('sends a pre-authenticated upload URL on another host without a token and without asking for one', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch, calls } = sequenceFetch([jsonResponse(202, { nextExpectedRanges: ['3-'] })]);
    const uploadUrl = 'https://mustergmbh.sharepoint.com/_api/v2.0/drives/d/items/p/uploadSession?guid=1&tempauth=x';
    const response = await pipeline(fetch, tokens).send({
      method: 'PUT',
      url: uploadUrl,
      preAuthenticated: true,
      headers: { 'Content-Range': 'bytes 0-2/6' },
      body: { bytes: new Uint8Array([1, 2, 3]), contentType: 'application/octet-stream' },
      scopes: [],
    });
    expect(response.status).toBe(202);
    expect(calls[0]?.url).toBe(uploadUrl);
    expect(calls[0]?.headers.authorization).toBeUndefined();
    expect(calls[0]?.headers['content-range']).toBe('bytes 0-2/6');
    expect(tokens.requests).toEqual([]);
  });
});
