/** The demo year's dates, relative to the day the demo is seeded. */
const DAY = 86_400_000;

export interface DemoCalendar {
  now: Date;
  /** The moment `n` days before now (negative: after). */
  daysAgo(n: number): Date;
  /** YYYY-MM-DD of `daysAgo(n)` in UTC (the upload forms' date fields). */
  dayAgo(n: number): string;
  /** The current fiscal year (from January, the product's default). */
  fiscalYear: number;
  /** A day early in the current fiscal year, never in the future. */
  fiscalYearBudgetDay: string;
}

export function demoCalendar(now: Date = new Date()): DemoCalendar {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const plain = (d: Date) => d.toISOString().slice(0, 10);
  const fiscalYear = now.getUTCFullYear();
  const budgetDay = new Date(Date.UTC(fiscalYear, 0, 15, 12));
  return {
    now,
    daysAgo,
    dayAgo: (n) => plain(daysAgo(n)),
    fiscalYear,
    fiscalYearBudgetDay: plain(budgetDay.getTime() < now.getTime() - DAY ? budgetDay : daysAgo(1)),
  };
}
