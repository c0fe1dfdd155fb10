/** Validation messages for evidence items, by key. Schemas carry the key; callers show the text. */
import type { Localized } from './text';

export const EVIDENCE_MESSAGES = {
  'evidence.title.required': { de: 'Bitte einen Titel angeben.', en: 'Please enter a title.' },
  'evidence.title.tooLong': { de: 'Der Titel darf höchstens 255 Zeichen haben.', en: 'The title may have at most 255 characters.' },
  'evidence.type.unknown': { de: 'Unbekannte Nachweisart.', en: 'Unknown evidence type.' },
  'evidence.clauses.unknown': { de: 'Unbekannte ISO-27001-Anforderung.', en: 'Unknown ISO 27001 clause.' },
  'evidence.clauses.required': {
    de: 'Bitte mindestens eine ISO-27001-Anforderung zuordnen.',
    en: 'Please assign at least one ISO 27001 clause.',
  },
  'evidence.clauses.duplicate': { de: 'Eine Anforderung ist doppelt zugeordnet.', en: 'A clause is assigned twice.' },
  'evidence.source.unknown': { de: 'Unbekannte Quelle.', en: 'Unknown source.' },
  'evidence.sourceKey.invalid': {
    de: 'Der Quellschlüssel fehlt oder ist länger als 255 Zeichen.',
    en: 'The source key is missing or longer than 255 characters.',
  },
  'evidence.sourceKey.mismatch': {
    de: 'Der Quellschlüssel passt nicht zur Quelle „{source}“.',
    en: 'The source key does not fit the source "{source}".',
  },
  'evidence.date.invalid': {
    de: 'Ungültiges Datum: erwartet wird Datum und Uhrzeit mit Zeitzone (ISO 8601).',
    en: 'Invalid date: expected a date and time with time zone (ISO 8601).',
  },
  'evidence.effectiveDate.inFuture': {
    de: 'Das Datum des Nachweises liegt in der Zukunft ({date}).',
    en: 'The evidence date lies in the future ({date}).',
  },
  'evidence.effectiveDate.afterCapture': {
    de: 'Der Nachweis kann nicht erfasst worden sein, bevor er entstand.',
    en: 'The evidence cannot have been captured before it happened.',
  },
  'evidence.capturedAt.inFuture': {
    de: 'Der Erfassungszeitpunkt liegt in der Zukunft ({date}).',
    en: 'The capture time lies in the future ({date}).',
  },
  'evidence.summary.tooLong': {
    de: 'Die Zusammenfassung darf höchstens 4000 Zeichen haben.',
    en: 'The summary may have at most 4000 characters.',
  },
  'evidence.contentUrl.invalid': {
    de: 'Der Link zum Inhalt muss eine https-Adresse sein.',
    en: 'The link to the content must be an https address.',
  },
  'evidence.contentSha256.invalid': {
    de: 'Die Prüfsumme muss ein SHA-256-Wert aus 64 Hexadezimalzeichen sein.',
    en: 'The checksum must be a SHA-256 value of 64 hexadecimal characters.',
  },
  'evidence.reviewStatus.unknown': {
    de: 'Unbekannter Prüfstatus (erlaubt: offen, angenommen, abgelehnt).',
    en: 'Unknown review status (allowed: pending, accepted, rejected).',
  },
  'evidence.review.reviewerRequired': {
    de: 'Ein geprüfter Nachweis braucht die prüfende Person und den Prüfzeitpunkt.',
    en: 'A reviewed item needs its reviewer and the time of review.',
  },
  'evidence.review.beforeCapture': {
    de: 'Der Nachweis kann nicht vor seiner Erfassung geprüft worden sein.',
    en: 'The item cannot have been reviewed before it was captured.',
  },
  'evidence.reviewComment.required': {
    de: 'Bitte begründen, warum der Nachweis abgelehnt wird.',
    en: 'Please explain why the item is rejected.',
  },
  'evidence.signedBy.required': {
    de: 'Bitte angeben, wer die Leitlinie unterschrieben hat.',
    en: 'Please state who signed the policy.',
  },
  'evidence.appointee.required': {
    de: 'Bitte angeben, wer zum/zur Informationssicherheitsbeauftragten ernannt wurde.',
    en: 'Please state who was appointed information security officer.',
  },
  'evidence.scheduledFor.required': {
    de: 'Bitte den Termin des Management-Reviews angeben.',
    en: 'Please give the date of the management review.',
  },
  'evidence.author.required': {
    de: 'Bitte angeben, wer die Nachricht verfasst hat.',
    en: 'Please state who wrote the message.',
  },
  'evidence.revokedAt.beforeEffective': {
    de: 'Der Widerruf kann nicht vor der Ernennung liegen.',
    en: 'The revocation cannot lie before the appointment.',
  },
  'evidence.fiscalYear.invalid': {
    de: 'Das Geschäftsjahr muss eine Jahreszahl zwischen 1900 und 2999 sein.',
    en: 'The fiscal year must be a year between 1900 and 2999.',
  },
  'person.displayName.required': { de: 'Der Name der Person fehlt.', en: "The person's name is missing." },
  'person.identity.required': {
    de: 'Die Person braucht eine Verzeichnis-ID oder einen Anmeldenamen.',
    en: 'The person needs a directory id or a sign-in name.',
  },
} satisfies Record<string, Localized>;

export type EvidenceMessageKey = keyof typeof EVIDENCE_MESSAGES;

export function isEvidenceMessageKey(key: string): key is EvidenceMessageKey {
  return Object.hasOwn(EVIDENCE_MESSAGES, key);
}
