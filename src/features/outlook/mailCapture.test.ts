import { describeError } from '../../ui/feedback/describeError';
import { defaultKindFor } from './captureKinds';
import { buildMailCapture, MailCaptureError, recipientSummaryText, type MailFacts } from './mailCapture';

const facts: MailFacts = {
  subject: '  ',
  from: { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' },
  recipients: [
    { displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', kind: 'distributionList' },
    { displayName: 'Jonas Weber', emailAddress: 'jonas.weber@mustergmbh.onmicrosoft.com', kind: 'user' },
  ],
  sentAt: new Date('2026-11-20T09:30:00Z'),
  kind: 'other',
  internetMessageId: '<a@b>',
  bodyText: 'Hallo',
};

describe('a mail capture in the writer’s language', () => {
  it('sums up the recipients and names a mail without subject, in German and English', () => {
    expect(recipientSummaryText(facts, 'en')).toBe('To 2 recipients, including all staff (Alle Mitarbeitenden).');
    expect(recipientSummaryText({ recipients: facts.recipients.slice(1) }, 'de')).toBe('An 1 Empfänger, keine Gruppe aller Mitarbeitenden.');
    expect(buildMailCapture(facts, 'outlook', 'de').title).toBe('(ohne Betreff)');
    expect(buildMailCapture(facts, 'outlook', 'en').title).toBe('(no subject)');
  });

  it('refuses an appointee that is not one address, with a message the panel shows in the reader’s language', () => {
    const error = (() => {
      try {
        buildMailCapture({ ...facts, kind: 'isbAppointment', appointee: 'a;b@x.de' }, 'outlook', 'de');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MailCaptureError);
    expect(describeError(error, 'de')?.message).toBe('„a;b@x.de“ ist nicht genau eine E-Mail-Adresse.');
    expect(describeError(error, 'en')?.message).toBe('"a;b@x.de" is not exactly one email address.');
  });

  it('gives a mail nobody chose a kind for the default of its recipients', () => {
    expect(defaultKindFor(facts.recipients)).toBe('allStaff');
    expect(defaultKindFor(facts.recipients.slice(1))).toBe('other');
  });
});
