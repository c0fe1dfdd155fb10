import { agendaLanguages, invitationBody } from './agendaBody';

describe('the invitation body', () => {
  it('is German, with English added when an attendee prefers it', () => {
    expect(agendaLanguages([{ lang: 'de' }, { lang: 'de' }])).toEqual(['de']);
    expect(agendaLanguages([{ lang: 'en' }, { lang: 'de' }])).toEqual(['de', 'en']);
    const body = invitationBody([{ lang: 'de' }, { lang: 'en' }], []);
    expect(body).toContain('Stand der Maßnahmen aus früheren Management-Reviews');
    expect(body).toContain('Status of actions from earlier management reviews');
    expect(body.indexOf('Tagesordnung')).toBeLessThan(body.indexOf('<hr>'));
  });

  it('lists open actions under input a) with escaped text', () => {
    const body = invitationBody([{ lang: 'de' }], [{ title: 'Backup <prüfen>', owner: 'Thomas Schmidt', dueDate: '2026-06-30' }]);
    expect(body).toContain('Backup &lt;prüfen&gt; (verantwortlich: Thomas Schmidt, fällig: 30.06.2026)');
    expect(body).not.toContain('<prüfen>');
  });
});
