import { OpenActionItemSchema, REVIEW_INPUTS, renderAgendaHtml, renderAgendaText } from './agenda';
import type { Language, Message } from './text';
import { domainText } from './domainText';

const writtenIn = (lang: Language) => ({ lang, translate: (text: Message) => domainText(text, lang) });

const openActions = [
  { title: 'Phishing-Schulung für den Vertrieb', owner: 'Sabine Koch', dueDate: '2026-12-15' },
  { title: 'Notfallhandbuch überarbeiten' },
];

describe('management review agenda', () => {
  it('covers the inputs a) to g) with the four trends under d)', () => {
    expect(REVIEW_INPUTS.map((p) => p.clause)).toEqual(['9.3.2a', '9.3.2b', '9.3.2c', '9.3.2d', '9.3.2e', '9.3.2f', '9.3.2g']);
    expect(REVIEW_INPUTS[3]?.children?.map((p) => p.clause)).toEqual(['9.3.2d1', '9.3.2d2', '9.3.2d3', '9.3.2d4']);
  });

  it('lists open actions under a) in the German text, with owner and due date', () => {
    const text = renderAgendaText({ ...writtenIn('de'), openActions });
    const lines = text.split('\n');
    const a = lines.findIndex((l) => l.startsWith('a) Stand der Maßnahmen'));
    expect(lines[a + 1]).toBe('   – Phishing-Schulung für den Vertrieb (verantwortlich: Sabine Koch, fällig: 15.12.2026)');
    expect(lines[a + 2]).toBe('   – Notfallhandbuch überarbeiten');
    expect(lines[a + 3]).toMatch(/^b\) /);
    expect(text).toContain('   3. Auditergebnissen');
    expect(text).toContain('Ergebnisse (9.3.3)');
    expect(text).toContain('von der Geschäftsführung unterschrieben');
  });

  it('says so when no actions are open, in English', () => {
    const text = renderAgendaText(writtenIn('en'));
    expect(text).toContain('a) Status of actions from earlier management reviews\n   – no open actions\nb)');
    expect(text).toContain('Results (9.3.3)');
  });

  it('renders HTML for the event body with every text escaped', () => {
    const html = renderAgendaHtml({
      ...writtenIn('en'),
      openActions: [{ title: '<script>alert("x")</script> & <b>more</b>', owner: 'Jonas "ISB" Weber', dueDate: '2027-01-31' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;');
    expect(html).toContain('owner: Jonas &quot;ISB&quot; Weber, due: 2027-01-31');
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['h2', 'h3', 'li', 'ol', 'p', 'ul']);
  });

  it('refuses an open action with an invalid due date', () => {
    expect(() => renderAgendaText({ ...writtenIn('de'), openActions: [{ title: 'X', dueDate: '31.01.2027' }] })).toThrow('Invalid due date');
    expect(OpenActionItemSchema.safeParse({ title: 'X', dueDate: '2027-02-29' }).success).toBe(false);
  });
});
