/**
 * "Try Outlook without Outlook" in Chromium (English): on /dev/outlook.html the CEO writes a mail to
 * all staff, inserts a template and tags it in the real task pane, and sends it; the emulator delivers
 * it and the ISB finds it in the evidence panel. The journey is shared with the German run
 * (support/outlookDevJourney.ts, outlook.dev.test.ts).
 */
import { describeOutlookDevJourney } from './support/outlookDevJourney';

jest.setTimeout(240_000);

describeOutlookDevJourney({
  locale: 'en-US',
  lang: 'en',
  demoUser: 'Demo user',
  tabLink: 'Try Outlook without Outlook (development page)',
  devNotice: 'Development page: Outlook without Outlook',
  pane: 'Chefsache task pane',
  willNotCapture: 'This mail will not be captured as evidence.',
  willCapture: 'This mail will be captured as evidence when it is sent (Policy communication).',
  to: 'To',
  subject: 'Subject',
  body: 'Message',
  send: 'Send',
  template: 'Template',
  insertTemplate: 'Insert template',
  templateSentence: /management has adopted our information security policy/,
  mark: 'Mark as ISMS evidence',
  sent: (subject) => `Sent: "${subject}" is in Sent Items and with the recipients.`,
  evidenceList: 'Evidence list',
  mailSubject: 'Why information security is a matter for the boss here',
  greeting: 'First, a personal word from management.',
});
