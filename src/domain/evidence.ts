/**
 * An evidence item: what happened (type, effective date), where it came from (source, source key),
 * who captured it, and its review. Validated with zod at every boundary; messages in de and en.
 */
import { z } from 'zod';
import { ClauseIdSchema } from './clauses';
import { evidenceIssueMessage, isEvidenceMessageKey, type EvidenceMessageKey } from './evidenceMessages';
import { EvidenceTypeIdSchema, evidenceTypeById } from './evidenceTypes';
import { PersonRefSchema } from './people';
import { SOURCE_KEY_MAX_LENGTH, sourceKeyKind, type SourceKeyKind } from './sourceKeys';
import { SOURCE_MODULES, type EvidenceSource } from './sources/registry';
import { domainText } from './domainText';
import type { DomainMessageKey, Message } from './text';

/** Where an item came from (`outlook`, `teamsMeeting`, `upload` …): the origins of the registered sources. */
export const EVIDENCE_SOURCES = SOURCE_MODULES.flatMap((source) => Object.keys(source.origins)) as [EvidenceSource, ...EvidenceSource[]];

export type { EvidenceSource } from './sources/registry';

/** Which source-key builder (sourceKeys.ts) each source uses. */
export const SOURCE_KEY_KIND_BY_SOURCE = Object.fromEntries(
  SOURCE_MODULES.flatMap((source) => Object.entries(source.origins)),
) as Record<EvidenceSource, SourceKeyKind>;

/** Text key of each source's label (`sources.<module>.origins.<source>`). */
export const EVIDENCE_SOURCE_LABELS = Object.fromEntries(
  SOURCE_MODULES.flatMap((module) => Object.keys(module.origins).map((source) => [source, `sources.${module.id}.origins.${source}`])),
) as Record<EvidenceSource, DomainMessageKey>;

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, DomainMessageKey> = {
  pending: 'evidenceItem.reviewStatus.pending',
  accepted: 'evidenceItem.reviewStatus.accepted',
  rejected: 'evidenceItem.reviewStatus.rejected',
};

const isoDateTime = z.iso.datetime({ offset: true, error: 'evidence.date.invalid' });

export const EvidenceItemSchema = z
  .object({
    /** Store id (e.g. the SharePoint list item id); absent before the item is saved. */
    id: z.string().min(1).optional(),
    title: z
      .string({ error: 'evidence.title.required' })
      .trim()
      .min(1, { error: 'evidence.title.required' })
      .max(255, { error: 'evidence.title.tooLong' }),
    type: EvidenceTypeIdSchema,
    clauses: z
      .array(ClauseIdSchema, { error: 'evidence.clauses.required' })
      .min(1, { error: 'evidence.clauses.required' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'evidence.clauses.duplicate' }),
    source: z.enum(EVIDENCE_SOURCES, { error: 'evidence.source.unknown' }),
    sourceKey: z
      .string({ error: 'evidence.sourceKey.invalid' })
      .min(1, { error: 'evidence.sourceKey.invalid' })
      .max(SOURCE_KEY_MAX_LENGTH, { error: 'evidence.sourceKey.invalid' }),
    /** When it happened: the signature, the mail's sending, the meeting. */
    effectiveDate: isoDateTime,
    capturedAt: isoDateTime,
    capturedBy: PersonRefSchema,
    summary: z.string().max(4000, { error: 'evidence.summary.tooLong' }).default(''),
    contentUrl: z.url({ protocol: /^https$/, error: 'evidence.contentUrl.invalid' }).optional(),
    contentSha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { error: 'evidence.contentSha256.invalid' })
      .transform((hex) => hex.toLowerCase())
      .optional(),
    /**
     * SHA-256 of the bytes the app sent. `contentSha256` is over the bytes as stored: SharePoint
     * writes document properties into Office files, PDFs and HTML it stores (property promotion).
     */
    contentSentSha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { error: 'evidence.contentSha256.invalid' })
      .transform((hex) => hex.toLowerCase())
      .optional(),
    /** Size in bytes and SharePoint's quickXorHash (base64) of the stored content. */
    contentSize: z.number().int().min(0).optional(),
    contentQuickXorHash: z.string().regex(/^[A-Za-z0-9+/]{27}=$/).optional(),
    reviewStatus: z.enum(REVIEW_STATUSES, { error: 'evidence.reviewStatus.unknown' }).default('pending'),
    reviewer: PersonRefSchema.optional(),
    reviewedAt: isoDateTime.optional(),
    reviewComment: z.string().trim().max(2000).optional(),
    /** Stored result of the freshness rule; null = current until revoked. */
    expiresAt: isoDateTime.nullable().optional(),
    /** Who signed (policy, minutes, budget approval). */
    signedBy: PersonRefSchema.optional(),
    /** Who wrote or presented it (mail sender, post author, presenter). */
    author: PersonRefSchema.optional(),
    /** Who took part (review attendees). */
    participants: z.array(PersonRefSchema).optional(),
    /** The person appointed (ISB appointment). */
    appointee: PersonRefSchema.optional(),
    /** End of an appointment that is current until revoked. */
    revokedAt: isoDateTime.optional(),
    /** When a booked review takes place (may lie in the future). */
    scheduledFor: isoDateTime.optional(),
    /** Fiscal year a budget covers, named by the calendar year in which it starts. */
    fiscalYear: z.number({ error: 'evidence.fiscalYear.invalid' }).int().min(1900).max(2999).optional(),
    /** Ids of items this one refers to (a progress report → its objectives). */
    relatesTo: z.array(z.string().min(1)).optional(),
  })
  .superRefine((item, ctx) => {
    const kind = SOURCE_KEY_KIND_BY_SOURCE[item.source];
    if (sourceKeyKind(item.sourceKey) !== kind) {
      ctx.addIssue({ code: 'custom', path: ['sourceKey'], message: 'evidence.sourceKey.mismatch', params: { source: item.source } });
    }
    if (Date.parse(item.effectiveDate) > Date.parse(item.capturedAt)) {
      ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'evidence.effectiveDate.afterCapture' });
    }
    if (item.reviewStatus !== 'pending') {
      if (!item.reviewer || !item.reviewedAt) {
        ctx.addIssue({ code: 'custom', path: [item.reviewer ? 'reviewedAt' : 'reviewer'], message: 'evidence.review.reviewerRequired' });
      } else if (Date.parse(item.reviewedAt) < Date.parse(item.capturedAt)) {
        ctx.addIssue({ code: 'custom', path: ['reviewedAt'], message: 'evidence.review.beforeCapture' });
      }
    }
    if (item.reviewStatus === 'rejected' && !item.reviewComment) {
      ctx.addIssue({ code: 'custom', path: ['reviewComment'], message: 'evidence.reviewComment.required' });
    }
    for (const field of evidenceTypeById(item.type).requires) {
      if (item[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `evidence.${field}.required` });
      }
    }
    if (item.revokedAt && Date.parse(item.revokedAt) < Date.parse(item.effectiveDate)) {
      ctx.addIssue({ code: 'custom', path: ['revokedAt'], message: 'evidence.revokedAt.beforeEffective' });
    }
  });

export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;
export type EvidenceItemInput = z.input<typeof EvidenceItemSchema>;

export interface EvidenceValidationContext {
  /** The current time (injected clock). */
  now: Date;
  /** How far in the future dates may lie (clock skew); default 5 minutes. */
  futureToleranceMinutes?: number;
}

/** The item schema plus the checks that need the clock: no effective or capture date in the future. */
export function evidenceItemSchema(context: EvidenceValidationContext) {
  const latest = context.now.getTime() + (context.futureToleranceMinutes ?? 5) * 60_000;
  return EvidenceItemSchema.superRefine((item, ctx) => {
    if (Date.parse(item.effectiveDate) > latest) {
      ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'evidence.effectiveDate.inFuture', params: { date: item.effectiveDate } });
    }
    if (Date.parse(item.capturedAt) > latest) {
      ctx.addIssue({ code: 'custom', path: ['capturedAt'], message: 'evidence.capturedAt.inFuture', params: { date: item.capturedAt } });
    }
  });
}

export interface EvidenceIssue {
  /** Dotted path of the field, e.g. "capturedBy.displayName"; "" for the item itself. */
  path: string;
  /** Message key (evidenceMessages.ts) or "invalid" for a structural error. */
  key: EvidenceMessageKey | 'invalid';
  /** The text (keys `validation.*`), with its values. */
  message: Message;
}

export function describeIssues(error: z.ZodError): EvidenceIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (isEvidenceMessageKey(issue.message)) {
      const params = (issue as { params?: Record<string, string | number> }).params;
      return { path, key: issue.message, message: evidenceIssueMessage(issue.message, params) };
    }
    const detail = issue.message;
    return {
      path,
      key: 'invalid' as const,
      message: path === '' ? evidenceIssueMessage('issue.invalid', { detail }) : evidenceIssueMessage('issue.invalidAt', { path, detail }),
    };
  });
}

/** The issues as one English line (for `Error.message`; the UI translates `message`). */
export function issuesInEnglish(issues: readonly EvidenceIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${domainText(i.message)}` : domainText(i.message))).join(' ');
}

export class EvidenceValidationError extends Error {
  override readonly name = 'EvidenceValidationError';
  constructor(readonly issues: EvidenceIssue[]) {
    super(`Invalid evidence item: ${issuesInEnglish(issues)}`);
  }
}

export type EvidenceParseResult =
  | { success: true; item: EvidenceItem }
  | { success: false; issues: EvidenceIssue[] };

export function safeParseEvidenceItem(input: unknown, context: EvidenceValidationContext): EvidenceParseResult {
  const result = evidenceItemSchema(context).safeParse(input);
  return result.success ? { success: true, item: result.data } : { success: false, issues: describeIssues(result.error) };
}

/** Validates an item; throws EvidenceValidationError listing every problem. */
export function parseEvidenceItem(input: unknown, context: EvidenceValidationContext): EvidenceItem {
  const result = safeParseEvidenceItem(input, context);
  if (!result.success) throw new EvidenceValidationError(result.issues);
  return result.item;
}
