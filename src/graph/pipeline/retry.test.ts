import { z } from 'zod';
import {
  FakeClock,
  FakeTokenProvider,
  fakeFetch,
  graphErrorResponse,
  jsonResponse,
  sequenceFetch,
} from '../testSupport/fakeGraph';
import { GraphNetworkError, GraphServiceUnavailableError, GraphThrottledError } from './errors';
import { createGraphPipeline, type GraphPipelineOptions } from './pipeline';
import type { FetchLike } from './types';

const base = 'https://graph.example/v1.0';
const me = { method: 'GET' as const, url: '/me', scopes: ['User.Read'] };
const meSchema = z.object({ id: z.string() });

function pipelineWith(fetch: FetchLike, clock: FakeClock, extra: Partial<GraphPipelineOptions> = {}) {
  return createGraphPipeline({
    baseUrl: base,
    tokenProvider: new FakeTokenProvider(),
    fetch,
    clock,
    random: () => 1,
    ...extra,
  });
}

describe('retry', () => {
  it('waits exactly the seconds Retry-After asks for after a 429, then returns the answer', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(429, 'TooManyRequests', 'Slow down', { headers: { 'Retry-After': '7' } }),
      jsonResponse(200, { id: 'u1' }),
    ]);
    const user = await pipelineWith(fetch, clock).json(me, meSchema);
    expect(user.id).toBe('u1');
    expect(clock.sleeps).toEqual([7000]);
    expect(calls).toHaveLength(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const clock = new FakeClock(Date.parse('2026-11-27T01:00:00Z'));
    const { fetch } = sequenceFetch([
      graphErrorResponse(503, 'serviceNotAvailable', 'Busy', { headers: { 'Retry-After': 'Fri, 27 Nov 2026 01:00:12 GMT' } }),
      jsonResponse(200, { id: 'u1' }),
    ]);
    await pipelineWith(fetch, clock).json(me, meSchema);
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('retries 503 with growing backoff, then gives up saying after how many attempts, with the last status, code and request-id', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = fakeFetch((_call, index) =>
      graphErrorResponse(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', { requestId: `r-${index + 1}` }),
    );
    const error = await pipelineWith(fetch, clock).json(me, meSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphServiceUnavailableError);
    const e = error as GraphServiceUnavailableError;
    expect(calls).toHaveLength(5);
    // random() = 1 → the full ceiling each time: 500, 1000, 2000, 4000 ms.
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(e.attempts).toBe(5);
    expect(e.status).toBe(503);
    expect(e.code).toBe('serviceNotAvailable');
    expect(e.requestId).toBe('r-5');
    expect(e.message).toMatch(/^Gave up after 5 attempts/);
    expect(e.message).toContain('The service is temporarily unavailable.');
  });

  it('uses full jitter: the wait is a random share of the exponential ceiling', async () => {
    const clock = new FakeClock();
    const { fetch } = sequenceFetch([
      graphErrorResponse(504, 'gatewayTimeout', 'Timeout'),
      graphErrorResponse(504, 'gatewayTimeout', 'Timeout'),
      jsonResponse(200, { id: 'u1' }),
    ]);
    await pipelineWith(fetch, clock, { random: () => 0.25 }).json(me, meSchema);
    expect(clock.sleeps).toEqual([125, 250]);
  });

  it('gives up at once when Retry-After exceeds the total wait budget, and reports the wait Graph asked for', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(429, 'TooManyRequests', 'Throttled', { headers: { 'Retry-After': '3600' } }),
    ]);
    const error = (await pipelineWith(fetch, clock).json(me, meSchema).catch((e: unknown) => e)) as GraphThrottledError;
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain('would exceed the retry budget');
  });

  it('retries a network failure of a GET', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([new TypeError('fetch failed'), jsonResponse(200, { id: 'u1' })]);
    await expect(pipelineWith(fetch, clock).json(me, meSchema)).resolves.toEqual({ id: 'u1' });
    expect(calls).toHaveLength(2);
  });

  it('does not repeat a POST after a network failure, because it may have taken effect', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([new TypeError('fetch failed'), jsonResponse(201, { id: 'x' })]);
    const error = await pipelineWith(fetch, clock)
      .send({ method: 'POST', url: '/sites/s/lists/l/items', body: { json: { fields: {} } }, scopes: ['Sites.ReadWrite.All'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphNetworkError);
    expect((error as GraphNetworkError).message).toContain('not repeated after a network failure');
    expect((error as GraphNetworkError).message).toContain('fetch failed');
    expect(calls).toHaveLength(1);
  });

  it('repeats a POST after a network failure when the caller marks it safe with an idempotency key', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([new TypeError('fetch failed'), jsonResponse(201, { id: 'x' })]);
    const response = await pipelineWith(fetch, clock).send({
      method: 'POST',
      url: '/sites/s/lists/l/items',
      body: { json: { fields: { Key: 'k1' } } },
      scopes: ['Sites.ReadWrite.All'],
      idempotencyKey: 'k1',
    });
    expect(response.status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it('retries a 429 on a POST (Graph did not process it)', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(429, 'TooManyRequests', 'Throttled', { headers: { 'Retry-After': '1' } }),
      jsonResponse(201, { id: 'x' }),
    ]);
    await pipelineWith(fetch, clock).send({ method: 'POST', url: '/x', body: { json: {} }, scopes: ['S'] });
    expect(calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('sends the same client-request-id (a uuid) on every retry and a new one for the next request', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = sequenceFetch([
      graphErrorResponse(503, 'serviceNotAvailable', 'Busy'),
      jsonResponse(200, { id: 'u1' }),
      jsonResponse(200, { id: 'u1' }),
    ]);
    const pipeline = createGraphPipeline({ baseUrl: base, tokenProvider: new FakeTokenProvider(), fetch, clock, random: () => 0 });
    await pipeline.json(me, meSchema);
    await pipeline.json(me, meSchema);
    const ids = calls.map((c) => c.headers['client-request-id']);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
