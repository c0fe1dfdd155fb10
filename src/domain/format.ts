/** Dates in words for both languages, in the company's time zone. */
import type { Localized } from './text';
import { toPlainDate } from './zonedTime';

const pad = (n: number) => String(n).padStart(2, '0');

/** 15.03.2026 / 15 Mar 2026 */
export function formatDay(instant: Date, timeZone: string): Localized {
  const { year, month, day } = toPlainDate(instant, timeZone);
  const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return { de: `${pad(day)}.${pad(month)}.${year}`, en: `${day} ${monthsEn[month - 1]} ${year}` };
}

/** A fiscal year's name: "2026" when it is the calendar year, else "2026/27". */
export function formatFiscalYear(fiscalYear: number, startMonth: number): string {
  return startMonth === 1 ? String(fiscalYear) : `${fiscalYear}/${pad((fiscalYear + 1) % 100)}`;
}
