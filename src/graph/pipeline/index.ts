/**
 * The Graph request pipeline: the only code in Chefsache that talks HTTP to Microsoft Graph.
 *
 * Each request is prepared once (URL, body, a uuid `client-request-id` kept on every retry), then runs
 * through behaviours composed like pnpjs behaviours (pipeline.ts), outermost first:
 *   retry (429/503/504, network failures of
 *   repeatable requests; Retry-After or full-jitter backoff; bounded attempts and total wait) → auth
 *   (Bearer for the declared scopes; one forced refresh on 401) → transport (fetch, body read fully).
 * Around them: typed errors from Graph's error body (errors.ts), zod validation of every answer
 * (validate.ts), paging over @odata.nextLink / deltaLink (paging.ts) and JSON batching (batch.ts).
 *
 * Decision on `@microsoft/microsoft-graph-client` (3.0.7): not used at runtime (read its lib/src to decide).
 * - Its RetryHandler sleeps with a real `setTimeout`, has no bound on the total wait and no hook for an
 *   injected clock, so "the fake clock sees the exact wait" could not be tested; its jitter is added on
 *   top of the exponential delay rather than full jitter; it never retries network failures.
 * - Its GraphErrorHandler yields one GraphError class (code, requestId, date, body as a string) with no
 *   validation and no 401/403/409/410/412 distinction; we would re-parse its body for every typed error.
 * - Its BatchRequestContent holds at most 20 requests and accepts only parallel, serial or
 *   same-dependency shapes; it neither splits larger sets, keeps arbitrary dependency groups together,
 *   nor retries failed inner requests, so everything batch.ts does would remain ours.
 * - Its `Client` adds a fluent request builder and middleware chain we would bypass anyway.
 * The pipeline is deliberately independent of it; `@microsoft/microsoft-graph-types` is used for the
 * resource types inside src/graph only.
 */
export { createGraphPipeline, type GraphPipeline, type GraphPipelineOptions } from './pipeline';
export type { BatchFailure, BatchRequest, BatchResult, BatchSuccess } from './batch';
export { BATCH_BODY_BUDGET, MAX_BATCH_BODY_BYTES, MAX_BATCH_SIZE, planBatchChunks } from './batchPlan';
export { type Clock, systemClock } from './clock';
export * from './errors';
export { parseRetryAfter } from './retryAfter';
export { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
export type { FetchLike, GraphRequest, GraphRequestBody, HttpMethod, QueryValue, RawResponse } from './types';
export { responseText } from './types';
export { collectionSchema } from './paging';
export { encodePath, segment } from './url';
