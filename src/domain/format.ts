/** Dates in words for both languages, in the company's time zone. */
import type { Language } from './text';
import { toPlainDate } from './zonedTime';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day written the way each language writes it (a date format, not a text to translate). */
export type DayInWords = Readonly<Record<Language, string>>;

/** 15.03.2026 (de) / 15 Mar 2026 (en) */
export function formatDayIn(instant: Date, timeZone: string, language: Language): string {
  const { year, month, day } = toPlainDate(instant, timeZone);
  return language === 'de' ? `${pad(day)}.${pad(month)}.${year}` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** 15.03.2026 / 15 Mar 2026 */
export function formatDay(instant: Date, timeZone: string): DayInWords {
  return { de: formatDayIn(instant, timeZone, 'de'), en: formatDayIn(instant, timeZone, 'en') };
}

/** A fiscal year's name: "2026" when it is the calendar year, else "2026/27". */
export function formatFiscalYear(fiscalYear: number, startMonth: number): string {
  return startMonth === 1 ? String(fiscalYear) : `${fiscalYear}/${pad((fiscalYear + 1) % 100)}`;
}
