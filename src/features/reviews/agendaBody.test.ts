import { agendaLanguages, invitationBody, replaceAgenda } from './agendaBody';

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

describe('replacing the agenda in an event body', () => {
  const blob = '<div class="me-email-text"><div><a href="https://teams.microsoft.com/l/meetup-join/x">Join Microsoft Teams Meeting</a></div></div>';

  it('replaces only the agenda block and keeps the Teams meeting blob and the organizer’s notes', () => {
    const booked = `<html><body>${invitationBody([{ lang: 'de' }], [])}<p>Raum 3.14</p>${blob}</body></html>`;
    const next = invitationBody([{ lang: 'de' }], [{ title: 'Backup prüfen', owner: 'Thomas Schmidt', dueDate: '2026-06-30' }]);
    const body = replaceAgenda(booked, next);
    expect(body).toBe(`<html><body>${next}<p>Raum 3.14</p>${blob}</body></html>`);
    expect(body.split('Tagesordnung')).toHaveLength(2);
  });

  it('puts the agenda first when the body has no agenda block', () => {
    const next = invitationBody([{ lang: 'en' }], []);
    expect(replaceAgenda(`<html><head></head><body>${blob}</body></html>`, next)).toBe(`<html><head></head><body>${next}${blob}</body></html>`);
    expect(replaceAgenda(blob, next)).toBe(next + blob);
  });
});
