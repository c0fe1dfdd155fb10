/** Which failures are worth retrying later (outbox) and which need a person (bad input, no rights). */
import { GraphError } from '../../graph';
import { EvidenceValidationError, ReviewNotAllowedError } from '../../domain';
import { EvidenceProvisioningError, StoredContentMismatchError } from './errors';

const RETRYABLE_KINDS = new Set(['network', 'throttled', 'serviceUnavailable', 'server', 'unauthorized', 'invalidResponse']);

/** True when trying again later may succeed without anyone changing anything. */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof EvidenceValidationError || error instanceof EvidenceProvisioningError || error instanceof ReviewNotAllowedError) return false;
  // The library changed a file behind the upload's back: needs a person, not a retry.
  if (error instanceof StoredContentMismatchError) return false;
  // Refused arguments (page size, dates) do not heal by waiting.
  if (error instanceof RangeError) return false;
  if (error instanceof GraphError) return RETRYABLE_KINDS.has(error.kind) || (error.kind === 'other' && error.status >= 500);
  // Sign-in that cannot happen silently right now, fetch failures outside the pipeline, storage hiccups.
  return true;
}

/** One line that keeps what matters (kind, status, request id). */
export function describeFailure(error: unknown): string {
  if (error instanceof GraphError) return error.describe();
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
