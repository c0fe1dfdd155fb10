/**
 * Mail templates for the messages the seed recommends (German and English): the policy's core
 * messages and why they matter; security for a key customer or the year's goals; the security
 * objectives; announcing the ISB. Inserted at the cursor as HTML (static text, no user input).
 */
import type { Language } from '../../domain';
import type { CaptureKind } from './captureKinds';

export const TEMPLATE_IDS = ['policyCore', 'keyCustomer', 'objectives', 'isbAnnouncement'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

interface Template {
  /** The capture kind that fits the template (pre-selected when it is inserted). */
  kind: CaptureKind;
  html: Record<Language, string>;
}

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

export const TEMPLATES: Record<TemplateId, Template> = {
  policyCore: {
    kind: 'policy',
    html: {
      de: p(
        'Liebe Kolleginnen und Kollegen,',
        'die Geschäftsführung hat unsere Leitlinie zur Informationssicherheit beschlossen. Ihre Kernbotschaften: Wir schützen die Daten unserer Kunden und unsere eigenen wie unser wichtigstes Kapital. Jede und jeder von uns ist dafür verantwortlich. Sicherheitsvorfälle melden wir sofort – ohne Angst vor Schuldzuweisungen.',
        'Warum das wichtig ist: Unsere Kunden vertrauen uns ihre Daten an. Ein einziger Vorfall kann dieses Vertrauen, Aufträge und Arbeitsplätze kosten. Die Leitlinie finden Sie im Intranet.',
        'Vielen Dank für Ihre Unterstützung!',
      ),
      en: p(
        'Dear colleagues,',
        'management has adopted our information security policy. Its core messages: we protect our customers\' data and our own as our most important asset. Each of us is responsible for it. We report security incidents at once – without fear of blame.',
        'Why this matters: our customers trust us with their data. A single incident can cost that trust, contracts and jobs. You find the policy on the intranet.',
        'Thank you for your support!',
      ),
    },
  },
  keyCustomer: {
    kind: 'allStaff',
    html: {
      de: p(
        'Liebe Kolleginnen und Kollegen,',
        'unser wichtigster Kunde erwartet von uns nachweisbare Informationssicherheit – und unsere Jahresziele erreichen wir nur, wenn wir dieses Vertrauen rechtfertigen. Informationssicherheit ist deshalb Chefsache und Teil unserer täglichen Arbeit.',
        'Bitte achten Sie besonders auf verdächtige E-Mails, sichere Passwörter und melden Sie Auffälligkeiten sofort an unseren Informationssicherheitsbeauftragten.',
      ),
      en: p(
        'Dear colleagues,',
        'our most important customer expects demonstrable information security from us – and we only reach this year\'s goals if we justify that trust. Information security is therefore a top management matter and part of our daily work.',
        'Please pay particular attention to suspicious emails and strong passwords, and report anything unusual to our information security officer at once.',
      ),
    },
  },
  objectives: {
    kind: 'objectives',
    html: {
      de: p(
        'Liebe Kolleginnen und Kollegen,',
        'für dieses Jahr hat die Geschäftsführung folgende Ziele zur Informationssicherheit beschlossen:',
        '1. … (z. B. alle Mitarbeitenden schließen die Sicherheitsschulung ab)<br>2. … (z. B. Mehr-Faktor-Anmeldung für alle Konten)<br>3. … (z. B. Wiederherstellung der Datensicherung wird jedes Quartal getestet)',
        'Über den Fortschritt berichten wir im Management-Review. Danke, dass Sie mitziehen!',
      ),
      en: p(
        'Dear colleagues,',
        'for this year management has set the following information security objectives:',
        '1. … (e.g. every employee completes the security training)<br>2. … (e.g. multi-factor sign-in for all accounts)<br>3. … (e.g. restoring the backup is tested every quarter)',
        'We report on progress in the management review. Thank you for pulling together!',
      ),
    },
  },
  isbAnnouncement: {
    kind: 'isbAppointment',
    html: {
      de: p(
        'Liebe Kolleginnen und Kollegen,',
        'ab sofort ist … unser/unsere Informationssicherheitsbeauftragte/r. Sie/er berichtet direkt an die Geschäftsführung und hat unsere volle Unterstützung.',
        'Bitte wenden Sie sich mit Fragen und Meldungen zur Informationssicherheit an sie/ihn.',
      ),
      en: p(
        'Dear colleagues,',
        'as of today … is our information security officer, reporting directly to management and with our full support.',
        'Please turn to them with any question or report about information security.',
      ),
    },
  },
};

export function templateHtml(id: TemplateId, lang: Language): string {
  return TEMPLATES[id].html[lang];
}
