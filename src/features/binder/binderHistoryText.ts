/**
 * The binder's words for history, flags, unreadable items and the signature check, in German and
 * English, as lines for the PDF (binderPdf.ts draws them). Pure, so the wording is tested directly.
 */
import { fill, formatDay, SIGNATURE_FLAG_LABELS, type Language, type Localized } from '../../domain';
import { createTranslator } from '../../i18n';
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

export const HISTORY_TEXT = {
  flagCapture: {
    de: 'GEÄNDERT NACH DER ERFASSUNG: Version {version} am {at} von {by} ({fields})',
    en: 'CHANGED AFTER CAPTURE: version {version} on {at} by {by} ({fields})',
  },
  flagFile: {
    de: 'DATEI NACH DER ERFASSUNG ERSETZT: Version {version} am {at} von {by}',
    en: 'FILE REPLACED AFTER CAPTURE: version {version} on {at} by {by}',
  },
  flagAcceptance: {
    de: 'GEÄNDERT NACH DER ANNAHME vom {decidedAt} ({decidedBy}): {detail}',
    en: 'CHANGED AFTER ACCEPTANCE of {decidedAt} ({decidedBy}): {detail}',
  },
  acceptanceVersion: { de: 'Version {version} am {at} von {by}', en: 'version {version} on {at} by {by}' },
  acceptanceHash: { de: 'SHA-256 bei der Annahme {expected}, jetzt {actual}', en: 'SHA-256 at acceptance {expected}, now {actual}' },
  flagSignature: {
    de: 'GEÄNDERT NACH DER UNTERSCHRIFT vom {signedAt} (Unterschrift {id}): unterschrieben Version {signedVersion}, SHA-256 {signedSha256}; jetzt Version {version}, SHA-256 {sha256}',
    en: 'CHANGED AFTER SIGNATURE of {signedAt} (signature {id}): signed version {signedVersion}, SHA-256 {signedSha256}; now version {version}, SHA-256 {sha256}',
  },
  flagReview: {
    de: 'PRÜFVERMERK OHNE ENTSCHEIDUNGSNACHWEIS: der Eintrag gibt „{status}“ durch {by} am {at} an, die Entscheidungsliste belegt das nicht',
    en: 'REVIEW WITHOUT A DECISION RECORD: the item claims "{status}" by {by} on {at}; the decision list does not back it',
  },
  reviewAccepted: { de: 'angenommen', en: 'accepted' },
  reviewRejected: { de: 'abgelehnt', en: 'rejected' },
  minutesHeading: { de: 'Protokolle der Management-Reviews', en: 'Management review minutes' },
  minutesFlag: {
    de: 'UNTERSCHRIFT GILT NICHT MEHR: Protokoll vom {day}: {reasons}',
    en: 'SIGNATURE NO LONGER HOLDS: minutes of {day}: {reasons}',
  },
  minutesOk: { de: 'Alle unterschriebenen Protokolle entsprechen ihrer Unterschrift.', en: 'All signed minutes match their signature.' },
  flagAdded: {
    de: 'NICHT UNTERSCHRIEBEN: nach der Unterschrift vom {signedAt} (Unterschrift {id}) hinzugekommen',
    en: 'NOT SIGNED: added after the signature of {signedAt} (signature {id})',
  },
  history: { de: 'Versionen des Eintrags:', en: 'Item versions:' },
  itemVersion: { de: 'Version {version} – {at} – {by}: {what}', en: 'Version {version} – {at} – {by}: {what}' },
  created: { de: 'erfasst', en: 'captured' },
  reviewOnly: { de: 'Prüfung ({fields})', en: 'review ({fields})' },
  changed: { de: 'geändert: {fields}', en: 'changed: {fields}' },
  fileHistory: { de: 'Versionen der Datei:', en: 'File versions:' },
  fileVersion: { de: 'Version {version} – {at} – {by} – {size} Bytes', en: 'Version {version} – {at} – {by} – {size} bytes' },
  historyUnavailable: { de: 'Versionsverlauf nicht lesbar: {problem}', en: 'Version history unavailable: {problem}' },
  unknown: { de: 'unbekannt', en: 'unknown' },
  label: { de: 'Aufbewahrungsbezeichnung: {name}{locked}', en: 'Retention label: {name}{locked}' },
  labelLocked: { de: ' (Datensatz, gesperrt)', en: ' (record, locked)' },
  noLabel: { de: 'Aufbewahrungsbezeichnung: keine', en: 'Retention label: none' },
  unreadableHeading: { de: 'Unlesbare Einträge', en: 'Unreadable entries' },
  unreadableCount: { de: '{count} unlesbare Einträge (siehe Abschnitt „Unlesbare Einträge“)', en: '{count} unreadable entries (see section "Unreadable entries")' },
  flaggedCount: { de: '{count} Nachweise mit Änderungen nach Erfassung, Annahme oder Unterschrift', en: '{count} evidence items changed after capture, acceptance or signature' },
  unreadableItem: { de: 'Eintrag {id}', en: 'Item {id}' },
  unreadableReason: { de: 'Grund: {reason}', en: 'Reason: {reason}' },
  signatureHeading: { de: 'Unterschriften', en: 'Signatures' },
  noSignature: { de: 'Keine unterschriebenen Protokolle mit Nachweis-Digest.', en: 'No signed minutes with an evidence digest.' },
  signature: {
    de: 'Unterschrift {id} vom {signedAt} ({signedBy}): {count} Nachweise, Digest {digest}',
    en: 'Signature {id} of {signedAt} ({signedBy}): {count} evidence items, digest {digest}',
  },
  digestBroken: {
    de: 'ACHTUNG: Der Digest der letzten Unterschrift passt nicht zu ihren Einträgen.',
    en: 'WARNING: the latest signature\'s digest does not match its entries.',
  },
  removed: {
    de: 'SEIT DER UNTERSCHRIFT ENTFERNT: {ids}',
    en: 'REMOVED SINCE SIGNING: {ids}',
  },
} satisfies Record<string, Localized>;

const pad = (n: number) => String(n).padStart(2, '0');

/** Day and time (HH:MM) in the company's time zone. */
export function dateTime(iso: string, timeZone: string, lang: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? pad(instant.getUTCHours());
  const minute = parts.find((p) => p.type === 'minute')?.value ?? pad(instant.getUTCMinutes());
  return `${formatDay(instant, timeZone)[lang]} ${hour}:${minute}`;
}

export function flagLine(flag: HistoryFlag, lang: Language, timeZone: string): string {
  const at = (iso: string | undefined) => (iso ? dateTime(iso, timeZone, lang) : HISTORY_TEXT.unknown[lang]);
  const who = (name: string | undefined) => name ?? HISTORY_TEXT.unknown[lang];
  switch (flag.kind) {
    case 'itemChangedAfterCapture':
      return fill(HISTORY_TEXT.flagCapture, { version: flag.version, at: at(flag.at), by: who(flag.by), fields: flag.fields.join(', ') })[lang];
    case 'fileChangedAfterCapture':
      return fill(HISTORY_TEXT.flagFile, { version: flag.version, at: at(flag.at), by: who(flag.by) })[lang];
    case 'changedAfterAcceptance': {
      const details = [
        flag.version ? fill(HISTORY_TEXT.acceptanceVersion, { version: flag.version, at: at(flag.at), by: who(flag.by) })[lang] : undefined,
        flag.expectedSha256 ? fill(HISTORY_TEXT.acceptanceHash, { expected: flag.expectedSha256, actual: flag.actualSha256 ?? '' })[lang] : undefined,
      ].filter((d): d is string => d !== undefined);
      return fill(HISTORY_TEXT.flagAcceptance, { decidedAt: at(flag.decidedAt), decidedBy: who(flag.decidedBy), detail: details.join('; ') })[lang];
    }
    case 'changedAfterSignature':
      return fill(HISTORY_TEXT.flagSignature, {
        signedAt: at(flag.signedAt),
        id: flag.signatureId,
        signedVersion: flag.signedVersion,
        signedSha256: flag.signedSha256 || '–',
        version: flag.version ?? HISTORY_TEXT.unknown[lang],
        sha256: flag.sha256 ?? '–',
      })[lang];
    case 'addedAfterSignature':
      return fill(HISTORY_TEXT.flagAdded, { signedAt: at(flag.signedAt), id: flag.signatureId })[lang];
    case 'reviewWithoutDecision':
      return fill(HISTORY_TEXT.flagReview, {
        status: (flag.status === 'accepted' ? HISTORY_TEXT.reviewAccepted : HISTORY_TEXT.reviewRejected)[lang],
        by: who(flag.reviewer),
        at: at(flag.reviewedAt),
      })[lang];
  }
}

/** Flags (bold), retention label, then the versions of item and file (grey). */
export function historyLines(entry: BinderEntry, lang: Language, timeZone: string): PdfLine[] {
  const history = entry.history;
  if (!history) return [];
  const t = (text: Localized) => text[lang];
  const at = (iso: string) => dateTime(iso, timeZone, lang);
  const who = (name: string | undefined) => name ?? t(HISTORY_TEXT.unknown);
  const lines: PdfLine[] = history.flags.map((flag) => ({ text: flagLine(flag, lang, timeZone), bold: true, size: 9 }));
  if (entry.item.contentItemId || history.retentionLabel) {
    lines.push({
      text: history.retentionLabel
        ? fill(HISTORY_TEXT.label, { name: history.retentionLabel.name, locked: history.retentionLabel.isRecordLocked ? t(HISTORY_TEXT.labelLocked) : '' })[lang]
        : t(HISTORY_TEXT.noLabel),
      size: 9,
    });
  }
  if (history.problem) lines.push({ text: fill(HISTORY_TEXT.historyUnavailable, { problem: history.problem })[lang], size: 8, bold: true });
  if (history.itemVersions.length > 0) {
    lines.push({ text: t(HISTORY_TEXT.history), size: 8, grey: true });
    history.itemVersions.forEach((step, index) => {
      const first = index === history.itemVersions.length - 1;
      const what = first
        ? t(HISTORY_TEXT.created)
        : step.reviewOnly
          ? fill(HISTORY_TEXT.reviewOnly, { fields: step.changed.join(', ') })[lang]
          : fill(HISTORY_TEXT.changed, { fields: step.changed.join(', ') })[lang];
      lines.push({ text: fill(HISTORY_TEXT.itemVersion, { version: step.version, at: at(step.at), by: who(step.by), what })[lang], size: 8, grey: true });
    });
  }
  if (history.fileVersions.length > 0) {
    lines.push({ text: t(HISTORY_TEXT.fileHistory), size: 8, grey: true });
    for (const step of history.fileVersions) {
      lines.push({ text: fill(HISTORY_TEXT.fileVersion, { version: step.version, at: at(step.at), by: who(step.by), size: step.size ?? '?' })[lang], size: 8, grey: true });
    }
  }
  return lines;
}

export function unreadableLines(entry: UnreadableEvidence, lang: Language, rawLines: (fields: Record<string, unknown>) => string[]): PdfLine[] {
  return [
    { text: fill(HISTORY_TEXT.unreadableItem, { id: entry.id })[lang], bold: true, size: 10 },
    { text: fill(HISTORY_TEXT.unreadableReason, { reason: entry.reason[lang] })[lang], size: 9 },
    ...rawLines(entry.fields).map((text) => ({ text, size: 8, grey: true })),
  ];
}

export function signatureLines(check: SignatureCheck | undefined, lang: Language, timeZone: string): PdfLine[] {
  if (!check) return [{ text: HISTORY_TEXT.noSignature[lang], size: 9, grey: true }];
  const { signature } = check;
  const lines: PdfLine[] = [
    {
      text: fill(HISTORY_TEXT.signature, {
        id: signature.id,
        signedAt: dateTime(signature.signedAt, timeZone, lang),
        signedBy: signature.signedBy ?? HISTORY_TEXT.unknown[lang],
        count: signature.evidenceCount,
        digest: signature.evidenceDigest,
      })[lang],
      size: 9,
    },
  ];
  if (!check.digestOk) lines.push({ text: HISTORY_TEXT.digestBroken[lang], bold: true, size: 9 });
  if (check.removedIds.length > 0) lines.push({ text: fill(HISTORY_TEXT.removed, { ids: check.removedIds.join(', ') })[lang], bold: true, size: 9 });
  return lines;
}

/** Signed minutes whose signature no longer holds (bold), or that all hold. */
export function minutesLines(minutes: readonly MinutesIntegrity[], lang: Language, timeZone: string): PdfLine[] {
  if (minutes.length === 0) return [{ text: HISTORY_TEXT.minutesOk[lang], size: 9, grey: true }];
  return minutes.map((m) => ({
    text: fill(HISTORY_TEXT.minutesFlag, { day: formatDay(new Date(m.occurrenceStart), timeZone)[lang], reasons: m.flags.map((f) => createTranslator(lang)(SIGNATURE_FLAG_LABELS[f].key)).join(' ') })[lang],
    bold: true,
    size: 9,
  }));
}
