import { formatDayIn, formatFiscalYear } from './format';
import { interpolate } from './messageWords';

describe('formatting', () => {
  it('names the day in the company time zone in both languages', () => {
    const instant = new Date('2026-03-31T22:30:00Z');
    expect({ de: formatDayIn(instant, 'Europe/Berlin', 'de'), en: formatDayIn(instant, 'Europe/Berlin', 'en') }).toEqual({ de: '01.04.2026', en: '1 Apr 2026' });
  });

  it('names fiscal years that do not start in January by both calendar years', () => {
    expect(formatFiscalYear(2026, 1)).toBe('2026');
    expect(formatFiscalYear(2026, 4)).toBe('2026/27');
    expect(formatFiscalYear(2099, 7)).toBe('2099/00');
  });

  it('fills placeholders in both languages and leaves unknown ones visible', () => {
    const values = { name: 'Katrin' };
    expect({ de: interpolate('Hallo {name} {x}', values), en: interpolate('Hello {name} {x}', values) }).toEqual({ de: 'Hallo Katrin {x}', en: 'Hello Katrin {x}' });
  });
});
