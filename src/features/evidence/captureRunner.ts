/**
 * Stores a group of captures on Graph: content first (small files 20 per `$batch` under Graph's 4 MB body
 * limit, large ones through an upload session; SHA-256 over the bytes sent and over the bytes as stored:
 * see storedContent.ts), then the list items (20 creates per `$batch`). The unique SourceKey column makes each
 * create safe to repeat: a 409 means the item exists, and it is read back (20 lookups per `$batch`).
 * The item's write id (column CaptureId) tells "my own earlier attempt got through" (created) from "captured before"
 * (existing). Each capture ends as created, existing, retry (transient failure: outbox) or failed.
 */
import { issuesInEnglish, sha256Hex, type FreshnessSettings, type PersonRef } from '../../domain';
import { GraphConflictError, type EvidenceGateway, type EvidenceLocation, type EvidenceReadResult, type EvidenceWrite, type StoredFile, type UploadProgress } from '../../graph';
import { materializeCapture } from './captureItem';
import { contentPath } from './contentPath';
import type { CaptureInput, StoredEvidence } from './evidenceStore';
import { isTransientFailure } from './failures';
import { describeStoredContent, keptAsSent, type StoredContent } from './storedContent';

export interface PreparedCapture {
  input: CaptureInput;
  /**
   * The store's random id of this write, kept across outbox retries: a repeat that finds an item with
   * its own write id counts as created, not as captured before. (Not the Outlook tag's capture id.)
   */
  writeId: string;
  capturedAt: Date;
  capturedBy: PersonRef;
}

export type CaptureOutcome =
  | { status: 'created'; item: StoredEvidence }
  | { status: 'existing'; item: StoredEvidence }
  | { status: 'retry'; error: unknown }
  | { status: 'failed'; error: unknown };

export interface CaptureRunnerContext {
  gateway: EvidenceGateway;
  location: EvidenceLocation;
  settings?: FreshnessSettings;
  /** Bytes of content stored so far (large files go up in fragments through an upload session). */
  onUploadProgress?: (progress: UploadProgress) => void;
}

export class EvidenceReadError extends Error {
  override readonly name = 'EvidenceReadError';
  constructor(readonly id: string, readonly issues: Extract<EvidenceReadResult, { ok: false }>['issues']) {
    super(`Evidence list item ${id} cannot be read: ${issuesInEnglish(issues)}`);
  }
}

const failure = (error: unknown): CaptureOutcome => (isTransientFailure(error) ? { status: 'retry', error } : { status: 'failed', error });

async function sameBytesStored(ctx: CaptureRunnerContext, path: string, sha: string): Promise<StoredFile | undefined> {
  const existing = await ctx.gateway.fileByPath(ctx.location, path);
  const bytes = await ctx.gateway.download(ctx.location, existing.itemId);
  return (await sha256Hex(bytes)) === sha ? existing : undefined;
}

async function uploadContents(ctx: CaptureRunnerContext, captures: readonly PreparedCapture[], outcomes: (CaptureOutcome | undefined)[]) {
  const uploaded = new Map<number, StoredContent>();
  const withContent = captures.flatMap((capture, index) => (capture.input.content ? [{ capture, index, content: capture.input.content }] : []));
  if (withContent.length === 0) return uploaded;
  const files = await Promise.all(
    withContent.map(async ({ capture, index, content }) => ({
      index,
      sha256: await sha256Hex(content.bytes),
      file: {
        path: contentPath(capture.input.sourceKey, capture.input.effectiveDate, content.fileName),
        bytes: content.bytes,
        contentType: content.contentType,
      },
    })),
  );
  let results;
  try {
    results = await ctx.gateway.uploadMany(ctx.location, files.map((f) => f.file), 'fail', ctx.onUploadProgress);
  } catch (error) {
    for (const f of files) outcomes[f.index] = failure(error);
    return uploaded;
  }
  const stored = async (f: (typeof files)[number], file: StoredFile) => {
    try {
      uploaded.set(f.index, await describeStoredContent(ctx.gateway, ctx.location, file, { bytes: f.file.bytes, sha256: f.sha256 }));
    } catch (error) {
      outcomes[f.index] = failure(error);
    }
  };
  const described: Promise<void>[] = [];
  for (const [position, result] of results.entries()) {
    const f = files[position]!;
    if (result.ok) {
      described.push(stored(f, result.value));
      continue;
    }
    if (!(result.error instanceof GraphConflictError)) {
      outcomes[f.index] = failure(result.error);
      continue;
    }
    // A file of that name exists: an earlier attempt of this capture, or the same source captured before.
    try {
      const same = await sameBytesStored(ctx, f.file.path, f.sha256);
      if (same) {
        uploaded.set(f.index, keptAsSent(same, { bytes: f.file.bytes, sha256: f.sha256 }));
      } else {
        const [renamed] = await ctx.gateway.uploadMany(ctx.location, [f.file], 'rename', ctx.onUploadProgress);
        if (renamed?.ok) described.push(stored(f, renamed.value));
        else outcomes[f.index] = failure(renamed?.error);
      }
    } catch (error) {
      outcomes[f.index] = failure(error);
    }
  }
  await Promise.all(described);
  return uploaded;
}

/** Runs captures (at most a few dozen; callers chunk). One outcome per capture, in order. */
export async function runCaptures(ctx: CaptureRunnerContext, captures: readonly PreparedCapture[]): Promise<CaptureOutcome[]> {
  const outcomes: (CaptureOutcome | undefined)[] = captures.map(() => undefined);
  const uploaded = await uploadContents(ctx, captures, outcomes);

  const creates: (EvidenceWrite & { index: number })[] = [];
  for (const [index, capture] of captures.entries()) {
    if (outcomes[index]) continue;
    const stored = uploaded.get(index);
    try {
      const item = materializeCapture(capture.input, {
        now: capture.capturedAt,
        capturedBy: capture.capturedBy,
        settings: ctx.settings,
        contentUrl: stored?.file.webUrl,
        contentSha256: stored?.sha256,
        contentSentSha256: stored?.sentSha256,
        contentSize: stored?.size,
        contentQuickXorHash: stored?.quickXorHash,
      });
      creates.push({ index, item, writeId: capture.writeId, ...(stored ? { contentItemId: stored.file.itemId } : {}) });
    } catch (error) {
      outcomes[index] = { status: 'failed', error };
    }
  }

  const readBack: number[] = [];
  if (creates.length > 0) {
    try {
      const results = await ctx.gateway.createMany(ctx.location, creates);
      for (const [position, result] of results.entries()) {
        const { index } = creates[position]!;
        if (result.ok) {
          outcomes[index] = result.value.ok
            ? { status: 'created', item: result.value.record }
            : { status: 'failed', error: new EvidenceReadError(result.value.id, result.value.issues) };
        } else if (result.error instanceof GraphConflictError) {
          readBack.push(index);
        } else {
          outcomes[index] = failure(result.error);
        }
      }
    } catch (error) {
      for (const { index } of creates) outcomes[index] = failure(error);
    }
  }

  if (readBack.length > 0) {
    try {
      const found = await ctx.gateway.findBySourceKeys(ctx.location, readBack.map((i) => captures[i]!.input.sourceKey));
      for (const index of readBack) {
        const capture = captures[index]!;
        const existing = found.get(capture.input.sourceKey);
        if (!existing) {
          outcomes[index] = { status: 'retry', error: new Error(`SharePoint reported source key "${capture.input.sourceKey}" as taken, but no item has it (deleted meanwhile?).`) };
        } else if (!existing.ok) {
          outcomes[index] = { status: 'failed', error: new EvidenceReadError(existing.id, existing.issues) };
        } else {
          outcomes[index] = existing.writeId === capture.writeId ? { status: 'created', item: existing.record } : { status: 'existing', item: existing.record };
        }
      }
    } catch (error) {
      for (const index of readBack) outcomes[index] = failure(error);
    }
  }

  return outcomes.map((outcome) => outcome ?? { status: 'retry', error: new Error('Capture was not attempted.') });
}
