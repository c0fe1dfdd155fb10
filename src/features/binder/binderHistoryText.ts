/**
 * The binder's words for history, flags, unreadable items and the signature check, as lines for the
 * PDF (binderPdf.ts draws them), from the `binder.history.*` keys (src/i18n/locales/features/binder.*.json).
 * Pure, so the wording is tested directly.
 */
import { formatDayIn, SIGNATURE_FLAG_LABELS, type Language } from '../../domain';
import { createTranslator } from '../../i18n/translate';
import type { UnreadableEvidence } from '../evidence/evidenceStore';
import type { MinutesIntegrity } from '../reviews/minutesChecks';
import type { BinderEntry } from './binderEntries';
import type { SignatureCheck } from './binderTrust';
import type { HistoryFlag } from './itemHistory';

export interface PdfLine {
  text: string;
  bold?: boolean;
  grey?: boolean;
  size?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day and time (HH:MM) in the company's time zone. */
export function dateTime(iso: string, timeZone: string, lang: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? pad(instant.getUTCHours());
  const minute = parts.find((p) => p.type === 'minute')?.value ?? pad(instant.getUTCMinutes());
  return `${formatDayIn(instant, timeZone, lang)} ${hour}:${minute}`;
}

export function flagLine(flag: HistoryFlag, lang: Language, timeZone: string): string {
  const t = createTranslator(lang);
  const at = (iso: string | undefined) => (iso ? dateTime(iso, timeZone, lang) : t('binder.history.unknown'));
  const who = (name: string | undefined) => name ?? t('binder.history.unknown');
  switch (flag.kind) {
    case 'itemChangedAfterCapture':
      return t('binder.history.flagCapture', { version: flag.version, at: at(flag.at), by: who(flag.by), fields: flag.fields.join(', ') });
    case 'fileChangedAfterCapture':
      return t('binder.history.flagFile', { version: flag.version, at: at(flag.at), by: who(flag.by) });
    case 'changedAfterAcceptance': {
      const details = [
        flag.version ? t('binder.history.acceptanceVersion', { version: flag.version, at: at(flag.at), by: who(flag.by) }) : undefined,
        flag.expectedSha256 ? t('binder.history.acceptanceHash', { expected: flag.expectedSha256, actual: flag.actualSha256 ?? '' }) : undefined,
      ].filter((d): d is string => d !== undefined);
      return t('binder.history.flagAcceptance', { decidedAt: at(flag.decidedAt), decidedBy: who(flag.decidedBy), detail: details.join('; ') });
    }
    case 'changedAfterSignature':
      return t('binder.history.flagSignature', {
        signedAt: at(flag.signedAt),
        id: flag.signatureId,
        signedVersion: flag.signedVersion,
        signedSha256: flag.signedSha256 || '–',
        version: flag.version ?? t('binder.history.unknown'),
        sha256: flag.sha256 ?? '–',
      });
    case 'addedAfterSignature':
      return t('binder.history.flagAdded', { signedAt: at(flag.signedAt), id: flag.signatureId });
    case 'reviewWithoutDecision':
      return t('binder.history.flagReview', {
        status: t(flag.status === 'accepted' ? 'binder.history.reviewAccepted' : 'binder.history.reviewRejected'),
        by: who(flag.reviewer),
        at: at(flag.reviewedAt),
      });
  }
}

/** Flags (bold), retention label, then the versions of item and file (grey). */
export function historyLines(entry: BinderEntry, lang: Language, timeZone: string): PdfLine[] {
  const history = entry.history;
  if (!history) return [];
  const t = createTranslator(lang);
  const at = (iso: string) => dateTime(iso, timeZone, lang);
  const who = (name: string | undefined) => name ?? t('binder.history.unknown');
  const lines: PdfLine[] = history.flags.map((flag) => ({ text: flagLine(flag, lang, timeZone), bold: true, size: 9 }));
  if (entry.item.contentItemId || history.retentionLabel) {
    lines.push({
      text: history.retentionLabel
        ? t('binder.history.label', { name: history.retentionLabel.name, locked: history.retentionLabel.isRecordLocked ? t('binder.history.labelLocked') : '' })
        : t('binder.history.noLabel'),
      size: 9,
    });
  }
  if (history.problem) lines.push({ text: t('binder.history.historyUnavailable', { problem: history.problem }), size: 8, bold: true });
  if (history.itemVersions.length > 0) {
    lines.push({ text: t('binder.history.history'), size: 8, grey: true });
    history.itemVersions.forEach((step, index) => {
      const first = index === history.itemVersions.length - 1;
      const fields = step.changed.join(', ');
      const what = first ? t('binder.history.created') : t(step.reviewOnly ? 'binder.history.reviewOnly' : 'binder.history.changed', { fields });
      lines.push({ text: t('binder.history.itemVersion', { version: step.version, at: at(step.at), by: who(step.by), what }), size: 8, grey: true });
    });
  }
  if (history.fileVersions.length > 0) {
    lines.push({ text: t('binder.history.fileHistory'), size: 8, grey: true });
    for (const step of history.fileVersions) {
      lines.push({ text: t('binder.history.fileVersion', { version: step.version, at: at(step.at), by: who(step.by), size: step.size ?? '?' }), size: 8, grey: true });
    }
  }
  return lines;
}

export function unreadableLines(entry: UnreadableEvidence, lang: Language, rawLines: (fields: Record<string, unknown>) => string[]): PdfLine[] {
  const t = createTranslator(lang);
  return [
    { text: t('binder.history.unreadableItem', { id: entry.id }), bold: true, size: 10 },
    { text: t('binder.history.unreadableReason', { reason: entry.reason }), size: 9 },
    ...rawLines(entry.fields).map((text) => ({ text, size: 8, grey: true })),
  ];
}

export function signatureLines(check: SignatureCheck | undefined, lang: Language, timeZone: string): PdfLine[] {
  const t = createTranslator(lang);
  if (!check) return [{ text: t('binder.history.noSignature'), size: 9, grey: true }];
  const { signature } = check;
  const lines: PdfLine[] = [
    {
      text: t('binder.history.signature', {
        id: signature.id,
        signedAt: dateTime(signature.signedAt, timeZone, lang),
        signedBy: signature.signedBy ?? t('binder.history.unknown'),
        count: signature.evidenceCount,
        digest: signature.evidenceDigest,
      }),
      size: 9,
    },
  ];
  if (!check.digestOk) lines.push({ text: t('binder.history.digestBroken'), bold: true, size: 9 });
  if (check.removedIds.length > 0) lines.push({ text: t('binder.history.removed', { ids: check.removedIds.join(', ') }), bold: true, size: 9 });
  return lines;
}

/** Signed minutes whose signature no longer holds (bold), or that all hold. */
export function minutesLines(minutes: readonly MinutesIntegrity[], lang: Language, timeZone: string): PdfLine[] {
  const t = createTranslator(lang);
  if (minutes.length === 0) return [{ text: t('binder.history.minutesOk'), size: 9, grey: true }];
  return minutes.map((m) => ({
    text: t('binder.history.minutesFlag', { day: formatDayIn(new Date(m.occurrenceStart), timeZone, lang), reasons: m.flags.map((f) => t(SIGNATURE_FLAG_LABELS[f].key)).join(' ') }),
    bold: true,
    size: 9,
  }));
}
