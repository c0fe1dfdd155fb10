/**
 * "Try Outlook without Outlook" in Chromium (German): on /dev/outlook.html the CEO writes a mail to
 * all staff, inserts a template and tags it in the real task pane, and sends it; the emulator delivers
 * it and the ISB finds it in the evidence panel. The journey is shared with the English run
 * (support/outlookDevJourney.ts, outlook.dev.en.test.ts).
 */
import { describeOutlookDevJourney } from './support/outlookDevJourney';

jest.setTimeout(240_000);

describeOutlookDevJourney({
  locale: 'de-DE',
  lang: 'de',
  demoUser: 'Demo-Benutzer',
  tabLink: 'Outlook ohne Outlook ausprobieren (Entwicklungsseite)',
  devNotice: 'Entwicklungsseite: Outlook ohne Outlook',
  pane: 'Chefsache-Aufgabenbereich',
  willNotCapture: 'Diese E-Mail wird nicht als Nachweis erfasst.',
  willCapture: 'Diese E-Mail wird beim Senden als Nachweis erfasst (Kommunikation der Sicherheitsleitlinie).',
  to: 'An',
  subject: 'Betreff',
  body: 'Nachricht',
  send: 'Senden',
  template: 'Vorlage',
  insertTemplate: 'Vorlage einfügen',
  templateSentence: /die Geschäftsführung hat unsere Leitlinie zur Informationssicherheit beschlossen/,
  mark: 'Als ISMS-Nachweis markieren',
  sent: (subject) => `Gesendet: „${subject}“ liegt in „Gesendete Elemente“ und bei den Empfängern.`,
  evidenceList: 'Nachweisliste',
  mailSubject: 'Warum Informationssicherheit bei uns Chefsache ist',
  greeting: 'Vorab ein persönliches Wort aus der Geschäftsführung.',
});
