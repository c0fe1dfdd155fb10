import type { z } from 'zod';
import type { BatchOutcome } from '../models';
import { type BatchRequest, type BatchSuccess, GraphError, type GraphPipeline } from '../pipeline';
import { validateValue } from '../pipeline/validate';

/** A request for `$batch` plus how to map its successful answer. Built by gateways, run by `runBatch`. */
export interface BatchOperation<T> {
  request: BatchRequest;
  parse(result: BatchSuccess): T;
}

/** An operation whose answer is validated with `schema` and mapped with `map`. */
export function batchOperation<S extends z.ZodType, T>(request: BatchRequest, schema: S, map: (value: z.output<S>) => T): BatchOperation<T> {
  return {
    request,
    parse: (result) =>
      map(
        validateValue(schema, result.body, {
          method: request.method,
          url: request.url,
          status: result.status,
          requestId: Object.entries(result.headers).find(([k]) => k.toLowerCase() === 'request-id')?.[1],
        }),
      ),
  };
}

/** An operation whose answer has no body worth reading (204 on DELETE). */
export function voidOperation(request: BatchRequest): BatchOperation<void> {
  return { request, parse: () => undefined };
}

/**
 * Runs operations through the pipeline's `$batch` (20 per batch, failed inner requests retried) and
 * returns one outcome per operation in the same order: the mapped value or that request's typed error.
 * Operations must not set `id`/`dependsOn` unless they mean it; ids default to positions.
 */
export async function runBatch<T>(pipeline: GraphPipeline, operations: readonly BatchOperation<T>[]): Promise<BatchOutcome<T>[]> {
  const results = await pipeline.batch(operations.map((op) => op.request));
  return results.map((result, index): BatchOutcome<T> => {
    if (!result.ok) return { ok: false, error: result.error };
    try {
      return { ok: true, value: operations[index]!.parse(result) };
    } catch (error) {
      if (error instanceof GraphError) return { ok: false, error };
      throw error;
    }
  });
}
