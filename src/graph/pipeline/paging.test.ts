import { z } from 'zod';
import { FakeClock, FakeTokenProvider, fakeFetch, jsonResponse } from '../testSupport/fakeGraph';
import { GraphResponseValidationError } from './errors';
import { createGraphPipeline } from './pipeline';
import type { FetchLike } from './types';

const base = 'https://graph.example/v1.0';
const item = z.object({ id: z.string() });

function pipeline(fetch: FetchLike) {
  return createGraphPipeline({ baseUrl: base, tokenProvider: new FakeTokenProvider(), fetch, clock: new FakeClock() });
}

/** Serves `total` items in pages of `size`, with absolute next links like Graph. */
function pagedServer(total: number, size: number, deltaLink?: string) {
  return fakeFetch((call) => {
    const url = new URL(call.url);
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const value = Array.from({ length: Math.min(size, total - skip) }, (_, i) => ({ id: String(skip + i + 1) }));
    const next = skip + size < total ? `${base}/sites/s/lists/l/items?$skiptoken=${skip + size}` : undefined;
    return jsonResponse(200, {
      value,
      ...(next ? { '@odata.nextLink': next } : deltaLink ? { '@odata.deltaLink': deltaLink } : {}),
    });
  });
}

describe('paging', () => {
  it('all() follows @odata.nextLink to the last page and returns every item in order', async () => {
    const { fetch, calls } = pagedServer(250, 100);
    const items = await pipeline(fetch).all(
      { method: 'GET', url: '/sites/s/lists/l/items', query: { $top: 100 }, scopes: ['Sites.Read.All'] },
      item,
    );
    expect(items).toHaveLength(250);
    expect(items[0]?.id).toBe('1');
    expect(items[249]?.id).toBe('250');
    expect(calls).toHaveLength(3);
    expect(calls[0]?.url).toBe(`${base}/sites/s/lists/l/items?$top=100`);
    expect(calls[1]?.url).toBe(`${base}/sites/s/lists/l/items?$skiptoken=100`);
  });

  it('pages() yields page by page and returns the deltaLink on the last page', async () => {
    const deltaLink = `${base}/sites/s/lists/l/items/delta?token=abc`;
    const { fetch } = pagedServer(5, 2, deltaLink);
    const pages = [];
    for await (const page of pipeline(fetch).pages({ method: 'GET', url: '/sites/s/lists/l/items/delta', scopes: ['Sites.Read.All'] }, item)) {
      pages.push(page);
    }
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.deltaLink)).toEqual([undefined, undefined, deltaLink]);
  });

  it('keeps the first request’s headers (e.g. ConsistencyLevel) on follow-up pages', async () => {
    const { fetch, calls } = pagedServer(3, 2);
    await pipeline(fetch).all(
      { method: 'GET', url: '/users', headers: { ConsistencyLevel: 'eventual' }, scopes: ['User.ReadBasic.All'] },
      item,
    );
    expect(calls.map((c) => c.headers.consistencylevel)).toEqual(['eventual', 'eventual']);
  });

  it('stops with a clear error when Graph hands out the same next link twice', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(200, { value: [{ id: '1' }], '@odata.nextLink': `${base}/users?$skiptoken=same` }));
    const error = await pipeline(fetch)
      .all({ method: 'GET', url: '/users', scopes: ['User.ReadBasic.All'] }, item)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseValidationError);
    expect((error as Error).message).toContain('same @odata.nextLink twice');
  });

  it('a page with a malformed item fails naming the item’s position', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(200, { value: [{ id: '1' }, { name: 'no id' }] }));
    const error = await pipeline(fetch)
      .all({ method: 'GET', url: '/users', scopes: ['User.ReadBasic.All'] }, item)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphResponseValidationError);
    expect((error as GraphResponseValidationError).issues).toEqual(['value.1.id: Invalid input: expected string, received undefined']);
  });
});
