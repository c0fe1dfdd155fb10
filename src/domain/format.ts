/** Dates in words for both languages, in the company's time zone. */
import { dayInWords } from './messageWords';
import type { Language } from './text';
import { toPlainDate } from './zonedTime';

const pad = (n: number) => String(n).padStart(2, '0');

/** 15.03.2026 (de) / 15 Mar 2026 (en): the instant's day in the time zone, written by `dayInWords`. */
export function formatDayIn(instant: Date, timeZone: string, language: Language): string {
  return dayInWords(toPlainDate(instant, timeZone), language);
}

/** A fiscal year's name: "2026" when it is the calendar year, else "2026/27". */
export function formatFiscalYear(fiscalYear: number, startMonth: number): string {
  return startMonth === 1 ? String(fiscalYear) : `${fiscalYear}/${pad((fiscalYear + 1) % 100)}`;
}
