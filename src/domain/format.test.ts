import { formatDay, formatFiscalYear } from './format';
import { fill } from './text';

describe('formatting', () => {
  it('names the day in the company time zone in both languages', () => {
    expect(formatDay(new Date('2026-03-31T22:30:00Z'), 'Europe/Berlin')).toEqual({ de: '01.04.2026', en: '1 Apr 2026' });
  });

  it('names fiscal years that do not start in January by both calendar years', () => {
    expect(formatFiscalYear(2026, 1)).toBe('2026');
    expect(formatFiscalYear(2026, 4)).toBe('2026/27');
    expect(formatFiscalYear(2099, 7)).toBe('2099/00');
  });

  it('fills placeholders in both languages and leaves unknown ones visible', () => {
    expect(fill({ de: 'Hallo {name} {x}', en: 'Hello {name} {x}' }, { name: 'Katrin' })).toEqual({ de: 'Hallo Katrin {x}', en: 'Hello Katrin {x}' });
  });
});
