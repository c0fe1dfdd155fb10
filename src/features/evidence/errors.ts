/**
 * Errors of the evidence store. Each carries what the UI needs to explain it (`userMessage`: a typed
 * key of the `store` namespace with its values) and keeps the underlying cause.
 */
import { evidenceStoreLostAlarm, message, type Alarm, type Message } from '../../domain';
import { createTranslator, translateMessage, type AppMessage } from '../../i18n';
import type { CaptureResult, ReviewConflict, ReviewDecision, StoredEvidence } from './evidenceStore';

/** A review lost a race: the item changed since it was read. Carries the current version. */
export class ReviewConflictError extends Error {
  override readonly name = 'ReviewConflictError';
  readonly conflict: ReviewConflict;
  readonly userMessage: AppMessage;
  constructor(mine: ReviewDecision, current: StoredEvidence, options?: { cause?: unknown }) {
    super(
      `Review of evidence ${current.id} ("${current.title}") was not saved: the item changed meanwhile ` +
        `(current status ${current.reviewStatus}, etag ${current.etag}).`,
      options,
    );
    this.conflict = { mine, current };
    this.userMessage = { key: 'store.errors.reviewConflict', values: { title: current.title, status: current.reviewStatus } };
  }
}

/** No evidence item with this id (deleted, or never existed). */
export class EvidenceNotFoundError extends Error {
  override readonly name = 'EvidenceNotFoundError';
  readonly userMessage: AppMessage;
  constructor(readonly id: string, options?: { cause?: unknown }) {
    super(`Evidence item ${id} does not exist (deleted or never stored).`, options);
    this.userMessage = { key: 'store.errors.notFound', values: { id } };
  }
}

/**
 * The list or library this browser used answers 404 (deleted or moved). Never set up again: carries
 * the critical alarm that tells how to restore it from the site's recycle bin.
 */
export class EvidenceStoreLostError extends Error {
  override readonly name = 'EvidenceStoreLostError';
  readonly alarm: Alarm;
  readonly userMessage: Message;
  constructor(readonly siteUrl: string, options?: { cause?: unknown }) {
    const alarm = evidenceStoreLostAlarm(siteUrl);
    const userMessage = message('alarms.withFix', { message: alarm.message, fix: alarm.fix });
    super(createTranslator('en')(userMessage.key, userMessage.values), options);
    this.alarm = alarm;
    this.userMessage = userMessage;
  }
}

/** Provisioning (creating the list, the library or columns) was refused: names what is needed. */
export class EvidenceProvisioningError extends Error {
  override readonly name = 'EvidenceProvisioningError';
  readonly userMessage: AppMessage;
  constructor(
    readonly reason: 'forbidden' | 'siteNotFound' | 'noSite' | 'otherTeam' | 'failed',
    readonly siteUrl: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    const userMessage: AppMessage = { key: `store.errors.provisioning.${reason}`, values: { site: siteUrl } };
    super(`${translateMessage(createTranslator('en'), userMessage)} ${detail}`.trim(), options);
    this.userMessage = userMessage;
  }
}

/**
 * Some captures of a captureMany could not be stored and retrying would not help (invalid input, no
 * rights). `results` holds the outcome of every capture in order: what was stored, or its error.
 */
export class EvidenceCaptureError extends Error {
  override readonly name = 'EvidenceCaptureError';
  readonly userMessage: AppMessage;
  constructor(
    readonly results: readonly ({ ok: true; result: CaptureResult } | { ok: false; sourceKey: string; error: unknown })[],
  ) {
    const failed = results.filter((r): r is { ok: false; sourceKey: string; error: unknown } => !r.ok);
    super(
      `${failed.length} of ${results.length} captures could not be stored: ` +
        failed.map((f) => `${f.sourceKey}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join(' | '),
      { cause: failed[0]?.error },
    );
    this.userMessage = { key: 'store.errors.captureFailed', values: { failed: failed.length, total: results.length } };
  }
}

/**
 * The stored file did not match what SharePoint's upload answer reported for it (size or
 * quickXorHash): the bytes changed between upload and read-back, so no hash is recorded for them.
 */
export class StoredContentMismatchError extends Error {
  override readonly name = 'StoredContentMismatchError';
  readonly userMessage: AppMessage;
  constructor(readonly fileName: string, detail: string) {
    super(`The stored file "${fileName}" changed right after its upload: ${detail}`);
    this.userMessage = { key: 'store.errors.storedContentChanged', values: { fileName } };
  }
}
