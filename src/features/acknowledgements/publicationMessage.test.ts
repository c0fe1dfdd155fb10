import { publicationMessage } from './publicationMessage';

describe('the publication mail', () => {
  const mail = publicationMessage({ senderName: 'Katrin Berger', dueDate: '2026-12-15', objectives: ['Keine Phishing-Klicks', 'MFA überall'], link: 'https://tab/ack' });

  it('has one subject in German and English', () => {
    expect(mail.subject).toBe('Unsere Sicherheitsleitlinie und -ziele / Our security policy and objectives');
  });

  it('asks in German first, then in English, each with its way of writing the due date, the link and the objectives', () => {
    const [german, english] = mail.body.split('\n---\n');
    expect(german).toContain('bestätigen Sie bis zum 15.12.2026, dass Sie sie gelesen und verstanden haben:\nhttps://tab/ack');
    expect(german).toContain('Unsere Ziele:\n• Keine Phishing-Klicks\n• MFA überall');
    expect(german).toContain('Vielen Dank, Katrin Berger');
    expect(english).toContain('confirm by 2026-12-15 that you have read and understood them:\nhttps://tab/ack');
    expect(english?.trim().startsWith('Dear colleagues,')).toBe(true);
    expect(english?.endsWith('Thank you, Katrin Berger')).toBe(true);
  });
});
