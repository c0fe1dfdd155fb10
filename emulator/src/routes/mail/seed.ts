/**
 * Demo mailboxes: what an auditor's request, a budget decision and an everyday sent mail look like
 * in the CEO's mailbox (no categories).
 */
import type { SeedContext } from '../../module';
import { deliver, outgoingFromJson } from './delivery';

const at = (alias: string) => `${alias}@mustergmbh.onmicrosoft.com`;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

export function seedMail({ store, tenant, now }: SeedContext): void {
  const send = (from: string, days: number, message: Record<string, unknown>) =>
    deliver(store, at(from), outgoingFromJson(message), { now: daysBefore(now, days), saveToSentItems: true, domain: tenant.domain });
  send('thomas.schmidt', 21, {
    subject: 'Beschluss: Budget 2027 für Informationssicherheit',
    body: { contentType: 'html', content: '<p>Liebe Katrin,</p><p>wie in der Geschäftsführung besprochen, sind 48.000 € für Informationssicherheit im Budget 2027 eingeplant (Pentest, Schulungen, Backup).</p><p>Viele Grüße<br>Thomas</p>' },
    toRecipients: [{ emailAddress: { address: at('katrin.berger'), name: 'Katrin Berger' } }],
  });
  send('petra.pruefer', 9, {
    subject: 'Audit ISO 27001: Nachweise zur Führungsrolle der Leitung',
    body: { contentType: 'html', content: '<p>Sehr geehrte Frau Berger,</p><p>für das Überwachungsaudit bitte ich um Nachweise zu Kapitel 5.1 und 9.3: Leitlinie, Protokoll des letzten Management-Reviews und Ihre Kommunikation an die Mitarbeitenden.</p><p>Mit freundlichen Grüßen<br>Petra Prüfer</p>' },
    toRecipients: [{ emailAddress: { address: at('katrin.berger'), name: 'Katrin Berger' } }],
  });
  send('katrin.berger', 5, {
    subject: 'Termine Vertriebsmeeting Dezember',
    body: { contentType: 'html', content: '<p>Hallo Sabine,</p><p>bitte plane das Vertriebsmeeting für den 8. Dezember.</p><p>Katrin</p>' },
    toRecipients: [{ emailAddress: { address: at('sabine.koch'), name: 'Sabine Koch' } }],
  });
}
