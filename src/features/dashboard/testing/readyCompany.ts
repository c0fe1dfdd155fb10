/**
 * Evidence of a company that would pass the 5.1 / 9.3 / A.5.4 questions today: every checklist
 * item, the CEO's own actions, a held and a booked review, an appointed ISB. Relative to `now`.
 * For tests (unit and browser) of the dashboard turning green.
 */
import { eventSourceKey, mailSourceKey, uploadSourceKey, type PersonRef } from '../../../domain';
import type { CaptureInput } from '../../evidence/evidenceStore';

const DAY = 86_400_000;

export function readyCompanyEvidence(now: Date, people: { ceo: PersonRef; isb: PersonRef }): CaptureInput[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY - 60_000).toISOString();
  const file = (name: string, text: string) => ({ fileName: name, contentType: name.endsWith('.pdf') ? 'application/pdf' : 'text/plain', bytes: new TextEncoder().encode(text) });
  const { ceo, isb } = people;
  const base = (id: string, title: string, days: number) => ({ title, source: 'upload' as const, sourceKey: uploadSourceKey(`ready-${id}`), effectiveDate: ago(days), summary: '', content: file(`${id}.pdf`, `%PDF-1.4 ${title}`) });
  return [
    { ...base('policy', 'Informationssicherheitsleitlinie', 0), type: 'securityPolicy', clauses: ['5.2', '5.1a', 'A.5.4'], signedBy: ceo },
    { ...base('minutes', 'Protokoll Management-Review', 0), type: 'reviewMinutes', clauses: ['9.3', '9.3.3'], signedBy: ceo, participants: [ceo, isb] },
    {
      title: 'Management-Review nächstes Quartal',
      type: 'reviewBooking',
      clauses: ['9.3.1'],
      source: 'outlookCalendar',
      sourceKey: eventSourceKey('ready-booking'),
      effectiveDate: ago(0),
      summary: '',
      scheduledFor: new Date(now.getTime() + 45 * DAY).toISOString(),
    },
    { ...base('objectives', 'Sicherheitsziele', 10), type: 'securityObjectives', clauses: ['6.2', '5.1a'] },
    { ...base('progress', 'Fortschrittsbericht Sicherheitsziele', 1), type: 'objectiveProgressReport', clauses: ['6.2', '9.3.2d4'] },
    { ...base('budget', 'Budgetplan Informationssicherheit', 2), type: 'budgetPlan', clauses: ['5.1c', '7.1'], signedBy: ceo, fiscalYear: now.getUTCFullYear() },
    {
      title: 'Warum Informationssicherheit Chefsache ist',
      type: 'ceoMail',
      clauses: ['5.1d', '7.4', 'A.5.4'],
      source: 'outlook',
      sourceKey: mailSourceKey('<ready-mail@mustergmbh.onmicrosoft.com>'),
      effectiveDate: ago(3),
      summary: '',
      author: ceo,
      content: { fileName: 'mail.eml', contentType: 'message/rfc822', bytes: new TextEncoder().encode('Subject: Chefsache\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Liebe Kolleginnen und Kollegen</p>') },
    },
    { ...base('intranet', 'Intranet: Neue Leitlinie', 3), type: 'intranetPost', clauses: ['5.1d', '7.4'], author: ceo },
    { ...base('allhands', 'Betriebsversammlung: Sicherheit', 4), type: 'allHandsSlides', clauses: ['5.1d', '7.3'], author: ceo },
    { ...base('audit', 'Bericht internes Audit', 5), type: 'internalAuditReport', clauses: ['9.2', '9.3.2d3'] },
    { ...base('training', 'Schulungsnachweise Phishing', 6), type: 'trainingRecord', clauses: ['7.2', '7.3'] },
    { ...base('isb', 'Ernennung ISB', 30), type: 'isbAppointment', clauses: ['5.3', '5.1h'], appointee: isb, signedBy: ceo },
    { ...base('org', 'Organigramm', 30), type: 'orgChart', clauses: ['5.3'] },
  ];
}
