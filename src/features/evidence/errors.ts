/**
 * Errors of the evidence store. Each carries what the UI needs to explain it (de + en) and keeps
 * the underlying cause.
 */
import { evidenceStoreLostAlarm, message, type Alarm, type Localized, type Message } from '../../domain';
import { createTranslator } from '../../i18n';
import type { CaptureResult, ReviewConflict, ReviewDecision, StoredEvidence } from './evidenceStore';

/** A review lost a race: the item changed since it was read. Carries the current version. */
export class ReviewConflictError extends Error {
  override readonly name = 'ReviewConflictError';
  readonly conflict: ReviewConflict;
  readonly userMessage: Localized;
  constructor(mine: ReviewDecision, current: StoredEvidence, options?: { cause?: unknown }) {
    super(
      `Review of evidence ${current.id} ("${current.title}") was not saved: the item changed meanwhile ` +
        `(current status ${current.reviewStatus}, etag ${current.etag}).`,
      options,
    );
    this.conflict = { mine, current };
    this.userMessage = {
      de: `„${current.title}“ wurde inzwischen geändert (Status jetzt: ${current.reviewStatus}). Bitte die aktuelle Fassung ansehen und erneut entscheiden.`,
      en: `"${current.title}" was changed meanwhile (status now: ${current.reviewStatus}). Please look at the current version and decide again.`,
    };
  }
}

/** No evidence item with this id (deleted, or never existed). */
export class EvidenceNotFoundError extends Error {
  override readonly name = 'EvidenceNotFoundError';
  readonly userMessage: Localized;
  constructor(readonly id: string, options?: { cause?: unknown }) {
    super(`Evidence item ${id} does not exist (deleted or never stored).`, options);
    this.userMessage = {
      de: `Der Nachweis ${id} existiert nicht (mehr).`,
      en: `Evidence item ${id} does not exist (any more).`,
    };
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
  readonly userMessage: Localized;
  constructor(
    readonly reason: 'forbidden' | 'siteNotFound' | 'noSite' | 'otherTeam' | 'failed',
    readonly siteUrl: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${describe(reason, siteUrl).en} ${detail}`.trim(), options);
    this.userMessage = describe(reason, siteUrl);
  }
}

function describe(reason: EvidenceProvisioningError['reason'], siteUrl: string): Localized {
  switch (reason) {
    case 'forbidden':
      return {
        de:
          `Chefsache darf in ${siteUrl} keine Liste anlegen. Nötig sind Besitzerrechte an der Website ` +
          `(oder die Berechtigung Sites.Manage.All). Bitte eine Person mit diesen Rechten Chefsache einmal öffnen lassen.`,
        en:
          `Chefsache may not create lists in ${siteUrl}. This needs site owner rights ` +
          `(or the Sites.Manage.All permission). Please ask someone with these rights to open Chefsache once.`,
      };
    case 'siteNotFound':
      return {
        de: `Die SharePoint-Website ${siteUrl} wurde nicht gefunden oder ist nicht zugänglich.`,
        en: `The SharePoint site ${siteUrl} was not found or is not accessible.`,
      };
    case 'noSite':
      return {
        de: 'Chefsache kennt keine SharePoint-Website für die Nachweise: CHEFSACHE_SITE_URL ist nicht gesetzt (siehe Bereitstellungsanleitung).',
        en: 'Chefsache knows no SharePoint site for the evidence: CHEFSACHE_SITE_URL is not set (see the deployment guide).',
      };
    case 'otherTeam':
      return {
        de: `Chefsache führt seine Nachweise nur in ${siteUrl} und legt in diesem Team nichts an. Bitte den Tab im Team dieser Website öffnen.`,
        en: `Chefsache keeps its evidence only in ${siteUrl} and creates nothing in this team. Please open the tab in the team of that site.`,
      };
    case 'failed':
      return {
        de: `Die Nachweisliste in ${siteUrl} konnte nicht eingerichtet werden.`,
        en: `The evidence list in ${siteUrl} could not be set up.`,
      };
  }
}

/**
 * Some captures of a captureMany could not be stored and retrying would not help (invalid input, no
 * rights). `results` holds the outcome of every capture in order: what was stored, or its error.
 */
export class EvidenceCaptureError extends Error {
  override readonly name = 'EvidenceCaptureError';
  readonly userMessage: Localized;
  constructor(
    readonly results: readonly ({ ok: true; result: CaptureResult } | { ok: false; sourceKey: string; error: unknown })[],
  ) {
    const failed = results.filter((r): r is { ok: false; sourceKey: string; error: unknown } => !r.ok);
    super(
      `${failed.length} of ${results.length} captures could not be stored: ` +
        failed.map((f) => `${f.sourceKey}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join(' | '),
      { cause: failed[0]?.error },
    );
    this.userMessage = {
      de: `${failed.length} von ${results.length} Nachweisen konnten nicht gespeichert werden.`,
      en: `${failed.length} of ${results.length} evidence items could not be stored.`,
    };
  }
}

/**
 * The stored file did not match what SharePoint's upload answer reported for it (size or
 * quickXorHash): the bytes changed between upload and read-back, so no hash is recorded for them.
 */
export class StoredContentMismatchError extends Error {
  override readonly name = 'StoredContentMismatchError';
  readonly userMessage: Localized;
  constructor(readonly fileName: string, detail: string) {
    super(`The stored file "${fileName}" changed right after its upload: ${detail}`);
    this.userMessage = {
      de: `Die gespeicherte Datei „${fileName}“ wurde direkt nach dem Hochladen verändert; der Nachweis wurde nicht angelegt. Bitte prüfen, wer die Dokumentbibliothek bearbeitet, und erneut erfassen.`,
      en: `The stored file "${fileName}" was changed right after its upload; the evidence was not saved. Please check who edits the document library, and capture it again.`,
    };
  }
}
