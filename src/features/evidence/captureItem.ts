/**
 * Turns a capture input into the evidence item to store: fills captured-at/-by, a pending review,
 * the expiry from the freshness rule, and the content's link, hashes and size; validates the result.
 * Shared by every EvidenceStore implementation so they store exactly the same item.
 */
import {
  DEFAULT_FRESHNESS_SETTINGS,
  evidenceIssueMessage,
  EvidenceValidationError,
  expiresAtIso,
  parseEvidenceItem,
  type EvidenceItem,
  type FreshnessSettings,
  type PersonRef,
} from '../../domain';
import type { CaptureInput } from './evidenceStore';

export interface CaptureContext {
  now: Date;
  capturedBy: PersonRef;
  settings?: FreshnessSettings;
  /** Link, SHA-256, size and quickXorHash of the stored content, and SHA-256 of the bytes sent, when there is content. */
  contentUrl?: string;
  contentSha256?: string;
  contentSentSha256?: string;
  contentSize?: number;
  contentQuickXorHash?: string;
}

/** Validated item (throws EvidenceValidationError listing every problem). */
export function materializeCapture(input: CaptureInput, context: CaptureContext): EvidenceItem {
  const { content: _content, ...fields } = input;
  const candidate = {
    ...fields,
    id: undefined,
    capturedAt: context.now.toISOString(),
    capturedBy: context.capturedBy,
    contentUrl: context.contentUrl,
    contentSha256: context.contentSha256,
    contentSentSha256: context.contentSentSha256,
    contentSize: context.contentSize,
    contentQuickXorHash: context.contentQuickXorHash,
    reviewStatus: 'pending' as const,
    reviewer: undefined,
    reviewedAt: undefined,
    reviewComment: undefined,
    expiresAt: expiresAtIso(fields, context.settings ?? DEFAULT_FRESHNESS_SETTINGS),
  };
  const item = parseEvidenceItem(candidate, { now: context.now });
  return withoutUndefined(item);
}

/** Checks an input before anything is written (same rules as the stored item). */
export function validateCaptureInput(input: CaptureInput, context: Pick<CaptureContext, 'now' | 'capturedBy'>): void {
  materializeCapture(input, {
    ...context,
    ...(input.content ? { contentUrl: 'https://validation.invalid/content', contentSha256: '0'.repeat(64) } : {}),
  });
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks every input; throws one EvidenceValidationError with all problems. With more than one input,
 * each issue's path starts with the input's position and its message names the input's title.
 */
export function validateAll(inputs: readonly CaptureInput[], context: Pick<CaptureContext, 'now' | 'capturedBy'>): void {
  if (inputs.length === 1) return validateCaptureInput(inputs[0]!, context);
  const issues: EvidenceValidationError['issues'] = [];
  inputs.forEach((input, index) => {
    try {
      validateCaptureInput(input, context);
    } catch (error) {
      if (!(error instanceof EvidenceValidationError)) throw error;
      const name = typeof input.title === 'string' && input.title.trim() ? input.title : input.sourceKey;
      for (const issue of error.issues) {
        issues.push({
          ...issue,
          path: issue.path ? `${index}.${issue.path}` : String(index),
          message: evidenceIssueMessage('issue.about', { subject: name, message: issue.message }),
        });
      }
    }
  });
  if (issues.length > 0) throw new EvidenceValidationError(issues);
}
