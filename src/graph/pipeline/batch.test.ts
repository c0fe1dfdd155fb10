import { FakeClock, FakeTokenProvider, fakeFetch, jsonResponse, type RecordedCall } from '../testSupport/fakeGraph';
import type { BatchRequest } from './batch';
import { MAX_BATCH_BODY_BYTES } from './batchPlan';
import { GraphConflictError, GraphInvalidRequestError, GraphThrottledError } from './errors';
import { createGraphPipeline } from './pipeline';
import type { FetchLike } from './types';

const base = 'https://graph.example/v1.0';

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  dependsOn?: string[];
  headers?: Record<string, string>;
}
type InnerAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

function batchIds(call: RecordedCall): string[] {
  return (call.json() as { requests: InnerRequest[] }).requests.map((r) => r.id);
}

/** A $batch endpoint whose inner answers come from `answer(request, sendCount)`. */
function batchServer(answer: (request: InnerRequest, sendCount: number) => InnerAnswer) {
  const sends = new Map<string, number>();
  return fakeFetch((call) => {
    expect(call.url).toBe(`${base}/$batch`);
    expect(call.method).toBe('POST');
    const { requests } = call.json() as { requests: InnerRequest[] };
    const responses = requests.map((request) => {
      const count = (sends.get(request.id) ?? 0) + 1;
      sends.set(request.id, count);
      return { id: request.id, ...answer(request, count) };
    });
    // Graph may answer in any order.
    return jsonResponse(200, { responses: responses.reverse() });
  });
}

function pipeline(fetch: FetchLike, clock = new FakeClock()) {
  return createGraphPipeline({ baseUrl: base, tokenProvider: new FakeTokenProvider(), fetch, clock, random: () => 1 });
}

function creates(count: number): BatchRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    method: 'POST' as const,
    url: '/sites/s/lists/l/items',
    body: { json: { fields: { Title: `Item ${i + 1}` } } },
    scopes: ['Sites.ReadWrite.All'],
  }));
}

describe('$batch', () => {
  it('sends 45 requests as 3 batches and retries only the throttled inner requests in a 4th, honouring their Retry-After', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = batchServer((request, sendCount): InnerAnswer => {
      if ((request.id === '3' || request.id === '27') && sendCount === 1) {
        return { status: 429, headers: { 'Retry-After': request.id === '3' ? '2' : '5' }, body: { error: { code: 'TooManyRequests', message: 'Throttled' } } };
      }
      return { status: 201, headers: { 'Content-Type': 'application/json' }, body: { id: `item-${request.id}`, title: (request.body as { fields: { Title: string } }).fields.Title } };
    });
    const results = await pipeline(fetch, clock).batch(creates(45));

    expect(calls.map(batchIds).map((ids) => ids.length)).toEqual([20, 20, 5, 2]);
    expect(batchIds(calls[3]!)).toEqual(['3', '27']);
    expect(clock.sleeps).toEqual([5000]);
    expect(results).toHaveLength(45);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
    expect(results[2]).toMatchObject({ ok: true, status: 201, attempts: 2, body: { id: 'item-3', title: 'Item 3' } });
    expect(results[3]).toMatchObject({ attempts: 1 });
    // Inner requests are relative to the version root, with JSON content type.
    const first = (calls[0]!.json() as { requests: InnerRequest[] }).requests[0]!;
    expect(first).toEqual({
      id: '1',
      method: 'POST',
      url: '/sites/s/lists/l/items',
      headers: { 'Content-Type': 'application/json' },
      body: { fields: { Title: 'Item 1' } },
    });
  });

  it('returns per-request errors in the caller’s order without failing the others', async () => {
    const { fetch } = batchServer((request) =>
      request.id === 'b'
        ? { status: 409, body: { error: { code: 'nameAlreadyExists', message: 'Unique value exists.', innerError: { 'request-id': 'in-1' } } } }
        : { status: 200, body: { id: request.id } },
    );
    const results = await pipeline(fetch).batch([
      { id: 'a', method: 'GET', url: '/me', scopes: ['User.Read'] },
      { id: 'b', method: 'POST', url: '/x', body: { json: {} }, scopes: ['S'] },
      { id: 'c', method: 'GET', url: '/organization', scopes: ['User.Read'] },
    ]);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const failed = results[1]!;
    if (failed.ok) throw new Error('expected a failure');
    expect(failed.error).toBeInstanceOf(GraphConflictError);
    expect(failed.error.requestId).toBe('in-1');
    expect(failed.error.url).toBe(`${base}/x`);
  });

  it('gives up on an inner request that stays throttled after the attempt limit, keeping the others', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = batchServer((request) =>
      request.id === '2' ? { status: 429, body: { error: { code: 'TooManyRequests', message: 'Throttled' } } } : { status: 201, body: {} },
    );
    const results = await pipeline(fetch, clock).batch(creates(3));
    expect(calls).toHaveLength(5);
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000]);
    const throttled = results[1]!;
    if (throttled.ok) throw new Error('expected a failure');
    expect(throttled.error).toBeInstanceOf(GraphThrottledError);
    expect(throttled.error.attempts).toBe(5);
    expect(throttled.error.message).toMatch(/^Gave up after 5 attempts in \$batch/);
    expect(results[0]?.ok && results[2]?.ok).toBe(true);
  });

  it('keeps a dependsOn chain inside one batch and re-sends a 424 dependent together with its throttled dependency', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = batchServer((request, sendCount) => {
      if (request.id === 'parent' && sendCount === 1) return { status: 503, headers: { 'Retry-After': '1' } };
      if (request.id === 'child' && sendCount === 1) return { status: 424, body: { error: { code: 'FailedDependency', message: 'Failed dependency' } } };
      return { status: 200, body: { id: request.id } };
    });
    const requests: BatchRequest[] = [
      ...creates(19),
      { id: 'parent', method: 'POST', url: '/a', body: { json: {} }, scopes: ['S'] },
      { id: 'child', method: 'POST', url: '/b', body: { json: {} }, scopes: ['S'], dependsOn: ['parent'] },
    ];
    const results = await pipeline(fetch, clock).batch(requests);
    // 19 + a chain of 2 does not fit in 20: the chain moves to the second batch as a whole.
    expect(calls.map(batchIds)[0]).toHaveLength(19);
    expect(batchIds(calls[1]!)).toEqual(['parent', 'child']);
    const secondBatch = (calls[1]!.json() as { requests: InnerRequest[] }).requests;
    expect(secondBatch[1]?.dependsOn).toEqual(['parent']);
    expect(batchIds(calls[2]!)).toEqual(['parent', 'child']);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.find((r) => r.id === 'child')?.attempts).toBe(1);
  });

  it('requests one token with the union of the inner requests’ scopes', async () => {
    const tokens = new FakeTokenProvider();
    const { fetch } = batchServer(() => ({ status: 200, body: {} }));
    await createGraphPipeline({ baseUrl: base, tokenProvider: tokens, fetch, clock: new FakeClock() }).batch([
      { method: 'GET', url: '/me', scopes: ['User.Read'] },
      { method: 'GET', url: '/sites/root', scopes: ['Sites.Read.All'] },
      { method: 'GET', url: '/organization', scopes: ['User.Read'] },
    ]);
    expect(tokens.requests).toEqual([{ scopes: ['Sites.Read.All', 'User.Read'], forceRefresh: false }]);
  });

  it('refuses a plan with an unknown dependency before sending anything', async () => {
    const { fetch, calls } = batchServer(() => ({ status: 200 }));
    const error = await pipeline(fetch)
      .batch([{ id: 'x', method: 'GET', url: '/me', scopes: ['User.Read'], dependsOn: ['missing'] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphInvalidRequestError);
    expect((error as Error).message).toBe('Batch request "x" depends on "missing", which is not in the batch.');
    expect(calls).toHaveLength(0);
  });
  it('decodes a base64 JSON body, as Graph answers an upload (base64 request body) inside $batch', async () => {
    const item = { id: 'file-1', name: 'a.pdf', size: 3, description: 'Prüfung' };
    const encoded = Buffer.from(JSON.stringify(item), 'utf8').toString('base64');
    const { fetch } = batchServer((request) =>
      request.id === '1'
        ? { status: 201, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: encoded }
        : { status: 409, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify({ error: { code: 'nameAlreadyExists', message: 'exists' } })).toString('base64') },
    );
    const upload = (path: string): BatchRequest => ({
      method: 'PUT',
      url: `/drives/d/root:/${path}:/content`,
      headers: { 'Content-Type': 'application/pdf' },
      body: { json: 'YWJj' },
      scopes: ['Sites.ReadWrite.All'],
    });
    const results = await pipeline(fetch).batch([upload('a.pdf'), upload('b.pdf')]);
    expect(results[0]).toMatchObject({ ok: true, status: 201, body: item });
    const failed = results[1]!;
    if (failed.ok) throw new Error('expected a failure');
    expect(failed.error).toBeInstanceOf(GraphConflictError);
    expect(failed.error.code).toBe('nameAlreadyExists');
  });

  it('keeps every $batch body under Graph\'s 4 MB request limit: base64 uploads are split by size, not only by count', async () => {
    const { fetch, calls } = batchServer(() => ({ status: 201, headers: { 'Content-Type': 'application/json' }, body: { id: 'f' } }));
    const oneMiB = 'A'.repeat(1024 * 1024);
    const uploads: BatchRequest[] = Array.from({ length: 7 }, (_, i) => ({
      method: 'PUT',
      url: `/drives/d/root:/f${i}.pdf:/content`,
      headers: { 'Content-Type': 'application/pdf' },
      body: { json: oneMiB },
      scopes: ['Sites.ReadWrite.All'],
    }));
    const results = await pipeline(fetch).batch(uploads);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(calls.map(batchIds)).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
    for (const call of calls) expect(new TextEncoder().encode(call.body as string).length).toBeLessThanOrEqual(MAX_BATCH_BODY_BYTES);
  });

  it('refuses a request that alone exceeds the $batch body budget before sending anything', async () => {
    const { fetch, calls } = batchServer(() => ({ status: 201 }));
    const error = await pipeline(fetch)
      .batch([{ method: 'PUT', url: '/drives/d/root:/gross.pdf:/content', headers: { 'Content-Type': 'application/pdf' }, body: { json: 'A'.repeat(MAX_BATCH_BODY_BYTES) }, scopes: ['Sites.ReadWrite.All'] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphInvalidRequestError);
    expect((error as Error).message).toMatch(/upload session/);
    expect(calls).toHaveLength(0);
  });
});
