import type { z } from 'zod';
import { GraphResponseValidationError } from './errors';

/** Where a body came from, for the error message. */
export interface AnswerContext {
  method: string;
  url: string;
  status: number;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
}

const RAW_LIMIT = 4000;

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

function fail(context: AnswerContext, issues: string[], raw: string): never {
  throw new GraphResponseValidationError({
    status: context.status,
    code: 'invalidResponse',
    message: `Microsoft Graph's answer to ${context.method} ${context.url} does not have the documented shape: ${issues
      .slice(0, 5)
      .join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
    method: context.method,
    url: context.url,
    requestId: context.requestId,
    clientRequestId: context.clientRequestId,
    date: context.date,
    rawBody: raw.slice(0, RAW_LIMIT),
    issues,
  });
}

/** Validates an already-parsed JSON value. */
export function validateValue<S extends z.ZodType>(schema: S, value: unknown, context: AnswerContext): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  fail(context, result.error.issues.map(formatIssue), JSON.stringify(value) ?? String(value));
}

/** Parses JSON text and validates it. Non-JSON text is a validation error too. */
export function validateJsonText<S extends z.ZodType>(schema: S, text: string, context: AnswerContext): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    fail(context, [`(body): not JSON (${cause instanceof Error ? cause.message : String(cause)})`], text);
  }
  return validateValue(schema, value, context);
}
