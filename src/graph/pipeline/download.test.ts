import { FakeClock, FakeTokenProvider, graphErrorResponse, sequenceFetch } from '../testSupport/fakeGraph';
import { GraphInvalidRequestError } from './errors';
import { createGraphPipeline } from './pipeline';
import type { FetchLike } from './types';

const base = 'https://graph.example/v1.0';
const sharePointUrl = 'https://mustergmbh.sharepoint.com/sites/ISMS/_layouts/15/download.aspx?UniqueId=f1&tempauth=abc';

function pipeline(fetch: FetchLike, tokens = new FakeTokenProvider()) {
  return { tokens, pipeline: createGraphPipeline({ baseUrl: base, tokenProvider: tokens, fetch, clock: new FakeClock(), random: () => 0 }) };
}

describe('download (pre-authenticated URLs on another origin)', () => {
  it('GETs the SharePoint URL with no header at all: no token, no client-request-id, so no CORS preflight', async () => {
    const { fetch, calls } = sequenceFetch([new Response(new Uint8Array([7, 8]), { status: 200 })]);
    const { pipeline: p, tokens } = pipeline(fetch);
    const response = await p.download(sharePointUrl);
    expect(response.body).toEqual(new Uint8Array([7, 8]));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: sharePointUrl, method: 'GET', headers: {} });
    expect(tokens.requests).toEqual([]);
  });

  it('still refuses to send a Graph request (with its token) to that origin', async () => {
    const { fetch, calls } = sequenceFetch([]);
    const { pipeline: p, tokens } = pipeline(fetch);
    await expect(p.send({ method: 'GET', url: sharePointUrl, scopes: ['Sites.Read.All'] })).rejects.toBeInstanceOf(GraphInvalidRequestError);
    expect(calls).toHaveLength(0);
    expect(tokens.requests).toEqual([]);
  });

  it('retries a throttled download and turns a refusal into a typed error naming the URL', async () => {
    const { fetch, calls } = sequenceFetch([
      new Response('', { status: 503, headers: { 'Retry-After': '1' } }),
      new Response(new Uint8Array([1]), { status: 200 }),
      graphErrorResponse(401, 'unauthenticated', 'The download URL has expired. Request the item again for a new URL.'),
    ]);
    const { pipeline: p } = pipeline(fetch);
    expect((await p.download(sharePointUrl)).body).toEqual(new Uint8Array([1]));
    expect(calls).toHaveLength(2);
    await expect(p.download(sharePointUrl)).rejects.toMatchObject({ kind: 'unauthorized', status: 401, url: sharePointUrl });
    expect(calls[2]?.headers).toEqual({});
  });

  it('refuses anything but an absolute http(s) URL before sending', async () => {
    const { fetch, calls } = sequenceFetch([]);
    const { pipeline: p } = pipeline(fetch);
    await expect(p.download('/drives/d1/items/f1/content')).rejects.toMatchObject({ kind: 'invalidRequest', code: 'notPreAuthenticated' });
    expect(calls).toHaveLength(0);
  });
});
