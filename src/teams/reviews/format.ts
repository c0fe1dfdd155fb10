/** Dates of reviews in the company's time zone, in the user's language. */
import type { Language } from '../../i18n';

export const REVIEW_TIME_ZONE = 'Europe/Berlin';

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: REVIEW_TIME_ZONE }).format(new Date(iso));
}

/** A due day (YYYY-MM-DD) as the user writes dates: 27.12.2026 or 27 Dec 2026. */
export function formatDueDate(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
