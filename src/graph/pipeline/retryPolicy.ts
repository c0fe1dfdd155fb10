/** How hard the pipeline tries before giving up. Shared by plain requests and `$batch` inner retries. */
export interface RetryPolicy {
  /** Sends per request, including the first. */
  maxAttempts: number;
  /** Backoff base: the first retry waits up to this long (full jitter). */
  baseDelayMs: number;
  /** Cap for a single backoff wait. */
  maxDelayMs: number;
  /** Cap for all waits of one request together; a `Retry-After` beyond it ends the retries at once. */
  maxTotalDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 120_000,
};

/** Statuses that mean "not processed, try later" (Graph throttling guidance). */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * Exponential backoff with full jitter (AWS architecture blog): a uniform wait in
 * [0, min(maxDelay, base * 2^(retry-1))]. `retry` is 1 for the first retry.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
