import type { Clock } from './clock';
import { errorFromAnswer, fetchHeader } from './errorFactory';
import { GraphNetworkError } from './errors';
import { parseRetryAfter } from './retryAfter';
import { backoffDelay, retryableStatuses, type RetryPolicy } from './retryPolicy';
import { type Behavior, type HttpMethod, isIdempotentMethod, type PreparedRequest, responseText } from './types';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Network failures are retried only when repeating cannot duplicate an effect. */
function networkRetryAllowed(request: PreparedRequest): boolean {
  return isIdempotentMethod(request.method as HttpMethod) || request.idempotencyKey !== undefined;
}

/**
 * Retries 429/503/504 answers (any method: Graph did not process them) and network failures (only
 * idempotent methods or requests with an idempotency key). Waits what `Retry-After` says, else
 * exponential backoff with full jitter; bounded by `maxAttempts` and `maxTotalDelayMs`. When it gives up
 * it throws the typed error of the last answer, saying so and after how many attempts.
 */
export function retryBehavior(policy: RetryPolicy, clock: Clock, random: () => number): Behavior {
  return (next) => async (request) => {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      let waitMs: number;
      let stop: (reason: string) => never;
      try {
        const response = await next(request);
        if (!retryableStatuses.has(response.status)) return response;
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
        waitMs = retryAfterMs ?? backoffDelay(policy, attempt, random);
        stop = (reason) => {
          throw errorFromAnswer({
            status: response.status,
            header: fetchHeader(response.headers),
            body: responseText(response),
            method: request.method,
            url: request.url,
            clientRequestId: request.clientRequestId,
            scopes: request.scopes,
            attempts: attempt,
            nowMs: clock.now(),
            messagePrefix: `Gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${reason}; Graph's last answer was ${response.status}.`,
          });
        };
      } catch (error) {
        if (!(error instanceof GraphNetworkError)) throw error;
        const failure = error;
        stop = (reason) => {
          throw new GraphNetworkError({
            status: 0,
            code: failure.code,
            message: `Gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${reason}. ${failure.message}`,
            method: request.method,
            url: request.url,
            clientRequestId: request.clientRequestId,
            attempts: attempt,
            cause: failure.cause,
          });
        };
        if (!networkRetryAllowed(request)) {
          stop(`a ${request.method} without an idempotency key is not repeated after a network failure, because it may have taken effect`);
        }
        waitMs = backoffDelay(policy, attempt, random);
      }
      if (attempt >= policy.maxAttempts) {
        stop(`the limit of ${policy.maxAttempts} attempts is reached (waited ${seconds(waitedMs)} in total)`);
      }
      if (waitedMs + waitMs > policy.maxTotalDelayMs) {
        stop(
          `the next wait of ${seconds(waitMs)} would exceed the retry budget of ${seconds(policy.maxTotalDelayMs)} (already waited ${seconds(waitedMs)})`,
        );
      }
      await clock.sleep(waitMs, request.signal);
      waitedMs += waitMs;
    }
  };
}
