/**
 * Auditor alarms for evidence that was tampered with or broken after the fact (issue 11): items whose review state
 * the decision records do not back (forged acceptance, changed after acceptance, decided without role or on one's
 * own evidence), items that fail validation, and minutes whose signature no longer holds. Each names what and how to
 * fix it, in German and English; the item ids let the dashboard point at the items.
 */
import type { Alarm } from './alarms';
import { formatDay } from './format';
import type { Localized } from './text';
import { SIGNATURE_FLAG_LABELS, type SignatureFlag } from './trustedSignature';
import { domainText } from './domainText';
import { REVIEW_FLAG_LABELS, REVIEW_FLAGS, trustedReview, type ReviewFlag, type ReviewTrust } from './trustedReview';
import type { EvidenceItem } from './evidence';

export interface IntegrityInput {
  /** Readable evidence items with their ids. */
  evidence: readonly EvidenceItem[];
  /** Decision records and membership; without them the review state cannot be checked. */
  trust?: ReviewTrust;
  /** Ids of items that fail validation. */
  unreadableIds?: readonly string[];
  /** Signed minutes whose signature is flagged (features/reviews/minutesChecks.ts). */
  minutes?: readonly { occurrenceStart: string; flags: readonly SignatureFlag[] }[];
  timeZone: string;
}

const join = (parts: readonly Localized[]): Localized => ({ de: parts.map((p) => p.de).join(' '), en: parts.map((p) => p.en).join(' ') });

function reviewAlarm(evidence: readonly EvidenceItem[], trust: ReviewTrust): Alarm[] {
  const flagged = new Map<ReviewFlag, string[]>();
  for (const item of evidence) {
    if (!item.id) continue;
    for (const flag of trustedReview({ ...item, id: item.id }, trust.decisionsFor(item.id), trust.membership).flags) flagged.set(flag, [...(flagged.get(flag) ?? []), item.id]);
  }
  if (flagged.size === 0) return [];
  const itemIds = [...new Set([...flagged.values()].flat())];
  const count = itemIds.length;
  return [
    {
      id: 'evidenceReviewIrregular',
      severity: 'critical',
      message: join([
        { de: `${count} Nachweis${count === 1 ? '' : 'e'} mit unstimmiger Prüfung:`, en: `${count} evidence item${count === 1 ? '' : 's'} with an irregular review:` },
        ...REVIEW_FLAGS.filter((flag) => flagged.has(flag)).map((flag) => REVIEW_FLAG_LABELS[flag]),
      ]),
      fix: {
        de: 'Nachweise prüfen lassen (ISB oder Geschäftsführung, nicht die Person, die sie abgelegt hat) und Änderungen in der Versionshistorie des Ordners für die Prüfung klären.',
        en: 'Have the items reviewed again (ISB or top management, not the person who filed them) and clear up the changes in the binder’s version history for the audit.',
      },
      itemIds,
    },
  ];
}

export function integrityAlarms(input: IntegrityInput): Alarm[] {
  const alarms: Alarm[] = input.trust ? reviewAlarm(input.evidence, input.trust) : [];
  const unreadable = input.unreadableIds ?? [];
  if (unreadable.length > 0) {
    alarms.push({
      id: 'evidenceUnreadable',
      severity: 'critical',
      message: {
        de: `${unreadable.length} Nachweis${unreadable.length === 1 ? ' ist' : 'e sind'} unlesbar: die Felder in SharePoint wurden von Hand verändert und bestehen die Prüfung nicht.`,
        en: `${unreadable.length} evidence item${unreadable.length === 1 ? ' is' : 's are'} unreadable: their fields were edited by hand in SharePoint and fail validation.`,
      },
      fix: {
        de: 'Im Nachweisbereich unter „Unlesbare Einträge“ Grund und Rohdaten ansehen und den Eintrag aus der Versionshistorie wiederherstellen.',
        en: 'See reason and raw fields under "Unreadable entries" in the evidence panel and restore the item from its version history.',
      },
      itemIds: [...unreadable],
    });
  }
  for (const minutes of input.minutes ?? []) {
    const day = formatDay(new Date(minutes.occurrenceStart), input.timeZone);
    alarms.push({
      id: 'minutesChangedAfterSignature',
      severity: 'critical',
      message: join([
        { de: `Das unterschriebene Protokoll des Management-Reviews vom ${day.de} gilt nicht mehr:`, en: `The signed minutes of the management review of ${day.en} no longer hold:` },
        ...minutes.flags.map((flag) => ({ de: domainText(SIGNATURE_FLAG_LABELS[flag], 'de'), en: domainText(SIGNATURE_FLAG_LABELS[flag], 'en') })),
      ]),
      fix: {
        de: 'Änderung im Abschnitt „Management-Reviews“ prüfen und das Protokoll von der Geschäftsführung neu unterschreiben lassen.',
        en: 'Check the change in the "Management reviews" section and have top management sign the minutes again.',
      },
      itemIds: [],
    });
  }
  return alarms;
}
