/** Fiscal years, named by the calendar year in which they start (FY 2026 starting in April = Apr 2026–Mar 2027). */
import type { PlainDate } from './zonedTime';

export function fiscalYearOf(date: PlainDate, startMonth: number): number {
  return date.month >= startMonth ? date.year : date.year - 1;
}

export function fiscalYearStart(fiscalYear: number, startMonth: number): PlainDate {
  return { year: fiscalYear, month: startMonth, day: 1 };
}

/** The first day after the fiscal year. */
export function fiscalYearEndExclusive(fiscalYear: number, startMonth: number): PlainDate {
  return { year: fiscalYear + 1, month: startMonth, day: 1 };
}
