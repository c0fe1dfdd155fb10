/** The binder PDF's texts in German and English (the PDF is built outside React, so no i18n hook). */
import type { Localized } from '../../domain';

export const BINDER_TEXT = {
  title: { de: 'Auditordner', en: 'Auditor binder' },
  subtitle: {
    de: 'Nachweise zur Führung und Verpflichtung der Leitung (ISO/IEC 27001:2022 5.1, 9.3, A.5.4)',
    en: 'Evidence of leadership and commitment by top management (ISO/IEC 27001:2022 5.1, 9.3, A.5.4)',
  },
  company: { de: 'Unternehmen: {company}', en: 'Company: {company}' },
  range: { de: 'Zeitraum: {from} bis {to}', en: 'Period: {from} to {to}' },
  created: { de: 'Erstellt: {date}', en: 'Created: {date}' },
  count: { de: '{count} Nachweise', en: '{count} evidence items' },
  howToVerify: {
    de: 'Jede Datei ist mit ihrem SHA-256-Hash in manifest.json aufgeführt. Prüfen: npm run verify-binder -- <zip>',
    en: 'Every file is listed with its SHA-256 hash in manifest.json. Verify: npm run verify-binder -- <zip>',
  },
  byChecklist: { de: 'Nach Checkliste', en: 'By checklist item' },
  byClause: { de: 'Nach ISO-Abschnitt', en: 'By ISO clause' },
  none: { de: 'Keine Nachweise in diesem Zeitraum.', en: 'No evidence in this period.' },
  when: { de: 'Wirksam am', en: 'Effective' },
  type: { de: 'Art', en: 'Type' },
  review: { de: 'Prüfung', en: 'Review' },
  acceptedBy: { de: 'angenommen von {name} am {date}', en: 'accepted by {name} on {date}' },
  rejectedBy: { de: 'abgelehnt von {name} am {date}', en: 'rejected by {name} on {date}' },
  pending: { de: 'wartet auf Prüfung', en: 'waiting for review' },
  file: { de: 'Datei', en: 'File' },
  noFile: { de: 'keine Datei', en: 'no file' },
  hash: { de: 'SHA-256', en: 'SHA-256' },
  hashMismatch: {
    de: 'ACHTUNG: Inhalt stimmt nicht mit dem bei der Erfassung gespeicherten Hash überein ({expected}).',
    en: 'WARNING: content does not match the hash stored at capture ({expected}).',
  },
  sentHash: {
    de: 'SharePoint hat beim Speichern Dokumenteigenschaften in die Datei geschrieben; SHA-256 wie gesendet: {sent}',
    en: 'SharePoint wrote document properties into the file when storing it; SHA-256 as sent: {sent}',
  },
  contentUnavailable: { de: 'Inhalt nicht lesbar: {problem}', en: 'Content unavailable: {problem}' },
  page: { de: 'Seite {page} von {pages}', en: 'Page {page} of {pages}' },
} satisfies Record<string, Localized>;
