import { z } from 'zod';
import { FakeClock, FakeTokenProvider, graphErrorResponse, jsonResponse, sequenceFetch } from '../testSupport/fakeGraph';
import {
  GraphBadRequestError,
  GraphConflictError,
  GraphError,
  GraphForbiddenError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphResponseValidationError,
  GraphResyncRequiredError,
  GraphServerError,
} from './errors';
import { createGraphPipeline } from './pipeline';

const base = 'https://graph.example/v1.0';

function pipelineAnswering(...answers: Response[]) {
  const fake = sequenceFetch(answers);
  const pipeline = createGraphPipeline({
    baseUrl: base,
    tokenProvider: new FakeTokenProvider(),
    fetch: fake.fetch,
    clock: new FakeClock(),
    random: () => 0,
    newRequestId: () => '11111111-2222-4333-8444-555555555555',
  });
  return { pipeline, calls: fake.calls };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  return error;
}

describe('typed errors', () => {
  it('parses Graph’s error body into status, code, message, request-id, client-request-id and date', async () => {
    const { pipeline } = pipelineAnswering(
      graphErrorResponse(404, 'itemNotFound', 'The resource could not be found.', { requestId: 'rq-9', date: '2026-11-27T01:02:03' }),
    );
    const error = await failure(pipeline.send({ method: 'GET', url: '/sites/x', scopes: ['Sites.Read.All'] }));
    expect(error).toBeInstanceOf(GraphNotFoundError);
    expect(error).toMatchObject({
      kind: 'notFound',
      status: 404,
      code: 'itemNotFound',
      message: 'The resource could not be found.',
      requestId: 'rq-9',
      clientRequestId: 'echo',
      date: '2026-11-27T01:02:03',
      method: 'GET',
      url: `${base}/sites/x`,
    });
    expect(error.describe()).toContain('request-id rq-9');
  });

  it('names the missing permission of a 403 when Graph names it, and the scopes the call asked for', async () => {
    const { pipeline } = pipelineAnswering(
      graphErrorResponse(
        403,
        'accessDenied',
        "Missing scope permissions on the request. API requires one of 'Sites.Manage.All, Sites.FullControl.All'. Scopes on the request 'Sites.Read.All'",
      ),
    );
    const error = await failure(
      pipeline.send({ method: 'POST', url: '/sites/s/lists', body: { json: {} }, scopes: ['Sites.Manage.All'] }),
    );
    expect(error).toBeInstanceOf(GraphForbiddenError);
    expect((error as GraphForbiddenError).requiredPermissions).toEqual(['Sites.Manage.All', 'Sites.FullControl.All']);
    expect((error as GraphForbiddenError).requestedScopes).toEqual(['Sites.Manage.All']);
  });

  it('a 412 carries the URL to re-read and the stale ETag that was sent', async () => {
    const { pipeline } = pipelineAnswering(graphErrorResponse(412, 'preconditionFailed', 'The resource has changed.'));
    const error = await failure(
      pipeline.send({
        method: 'PATCH',
        url: '/sites/s/lists/l/items/7/fields',
        query: { $select: 'Title' },
        headers: { 'If-Match': '"abc,3"' },
        body: { json: { Title: 'x' } },
        scopes: ['Sites.ReadWrite.All'],
      }),
    );
    expect(error).toBeInstanceOf(GraphPreconditionFailedError);
    expect((error as GraphPreconditionFailedError).resourceUrl).toBe(`${base}/sites/s/lists/l/items/7/fields`);
    expect((error as GraphPreconditionFailedError).sentETag).toBe('"abc,3"');
  });

  it('a 410 is a resync-required error with Graph’s Location for the new round', async () => {
    const { pipeline } = pipelineAnswering(
      graphErrorResponse(410, 'resyncRequired', 'The delta token is no longer valid.', {
        headers: { Location: `${base}/sites/s/lists/l/items/delta` },
      }),
    );
    const error = await failure(pipeline.send({ method: 'GET', url: '/sites/s/lists/l/items/delta', scopes: ['Sites.Read.All'] }));
    expect(error).toBeInstanceOf(GraphResyncRequiredError);
    expect((error as GraphResyncRequiredError).location).toBe(`${base}/sites/s/lists/l/items/delta`);
  });

  it.each([
    [400, GraphBadRequestError, 'badRequest'],
    [409, GraphConflictError, 'conflict'],
    [500, GraphServerError, 'server'],
  ] as const)('maps %d to %p', async (status, type, kind) => {
    const { pipeline } = pipelineAnswering(graphErrorResponse(status, 'someCode', 'Something.'));
    const error = await failure(pipeline.send({ method: 'POST', url: '/x', body: { json: {} }, scopes: ['S'] }));
    expect(error).toBeInstanceOf(type);
    expect(error.kind).toBe(kind);
  });

  it('keeps a non-Graph error body (e.g. a proxy’s HTML page) and says no Graph error body came', async () => {
    const { pipeline } = pipelineAnswering(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'request-id': 'p1' } }));
    const error = await failure(pipeline.send({ method: 'GET', url: '/me', scopes: ['User.Read'] }));
    expect(error).toBeInstanceOf(GraphServerError);
    expect(error.code).toBe('http502');
    expect(error.message).toContain('without a Graph error body');
    expect(error.rawBody).toBe('<html>Bad gateway</html>');
    expect(error.requestId).toBe('p1');
    expect(error.clientRequestId).toBe('11111111-2222-4333-8444-555555555555');
  });
});

describe('answer validation', () => {
  it('a malformed answer becomes a GraphResponseValidationError naming the wrong field and keeping the body', async () => {
    const { pipeline } = pipelineAnswering(jsonResponse(200, { id: 42, displayName: 'Katrin' }, { 'request-id': 'v1' }));
    const error = await failure(
      pipeline.json({ method: 'GET', url: '/me', scopes: ['User.Read'] }, z.object({ id: z.string(), displayName: z.string() })),
    );
    expect(error).toBeInstanceOf(GraphResponseValidationError);
    expect(error.kind).toBe('invalidResponse');
    expect(error.message).toContain('GET https://graph.example/v1.0/me');
    expect(error.message).toContain('id: Invalid input: expected string, received number');
    expect((error as GraphResponseValidationError).issues).toHaveLength(1);
    expect(error.requestId).toBe('v1');
    expect(error.rawBody).toBe('{"id":42,"displayName":"Katrin"}');
  });

  it('an answer that is not JSON at all is a validation error too', async () => {
    const { pipeline } = pipelineAnswering(new Response('OK', { status: 200 }));
    const error = await failure(pipeline.json({ method: 'GET', url: '/me', scopes: ['User.Read'] }, z.object({ id: z.string() })));
    expect(error).toBeInstanceOf(GraphResponseValidationError);
    expect(error.message).toContain('not JSON');
  });
});
