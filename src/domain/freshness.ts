/**
 * When evidence stops counting as current, and the rule in words. An item counts through the
 * whole last day (in the company's time zone): a policy signed on 15 March 2025 counts through
 * 15 March 2026 and is stale from 16 March 2026 00:00 local time.
 */
import type { EvidenceItem } from './evidence';
import { evidenceTypeById, type EvidenceTypeId } from './evidenceTypes';
import { fiscalYearEndExclusive, fiscalYearOf } from './fiscalYear';
import type { FreshnessCategory, FreshnessSettings } from './freshnessSettings';
import { addDaysToDate, addMonthsToDate } from './plainDate';
import type { Localized } from './text';
import { comparePlainDates, startOfPlainDate, toPlainDate, type PlainDate } from './zonedTime';

export interface FreshnessContext {
  /** Starts of planned management reviews (calendar occurrences), in any order. */
  plannedReviewStarts?: readonly Date[];
}

/** The instant after the last day that counts. */
function endOfDay(date: PlainDate, settings: FreshnessSettings): Date {
  return startOfPlainDate(addDaysToDate(date, 1), settings.timeZone);
}

function monthsAfter(date: PlainDate, months: number, settings: FreshnessSettings): Date {
  return endOfDay(addMonthsToDate(date, months), settings);
}

function daysAfter(date: PlainDate, days: number, settings: FreshnessSettings): Date {
  return endOfDay(addDaysToDate(date, days), settings);
}

function nextPlannedReviewAfter(day: PlainDate, context: FreshnessContext, settings: FreshnessSettings): PlainDate | null {
  const later = (context.plannedReviewStarts ?? [])
    .map((start) => toPlainDate(start, settings.timeZone))
    .filter((planned) => comparePlainDates(planned, day) > 0)
    .sort(comparePlainDates);
  return later[0] ?? null;
}

/**
 * When the item stops counting as current; null when it counts until revoked and is not revoked.
 * Fields used: type, effectiveDate, and per type scheduledFor, fiscalYear, revokedAt.
 */
export function computeExpiresAt(
  item: Pick<EvidenceItem, 'type' | 'effectiveDate' | 'scheduledFor' | 'fiscalYear' | 'revokedAt'>,
  settings: FreshnessSettings,
  context: FreshnessContext = {},
): Date | null {
  const effective = new Date(item.effectiveDate);
  if (Number.isNaN(effective.getTime())) throw new RangeError(`Invalid effective date "${item.effectiveDate}".`);
  const day = toPlainDate(effective, settings.timeZone);
  const category = evidenceTypeById(item.type).freshness;
  switch (category) {
    case 'policy':
      return monthsAfter(day, settings.policyMonths, settings);
    case 'review': {
      const next = nextPlannedReviewAfter(day, context, settings);
      return next ? daysAfter(next, settings.reviewGraceDays, settings) : monthsAfter(day, settings.reviewFallbackMonths, settings);
    }
    case 'reviewBooking': {
      const scheduled = item.scheduledFor ? toPlainDate(new Date(item.scheduledFor), settings.timeZone) : day;
      return daysAfter(scheduled, settings.reviewBookingGraceDays, settings);
    }
    case 'communication':
      // Counts on the day it was sent and the following `communicationDays` days.
      return daysAfter(day, settings.communicationDays, settings);
    case 'objectives':
      return monthsAfter(day, settings.objectivesMonths, settings);
    case 'progress':
      return monthsAfter(day, settings.progressReportMonths, settings);
    case 'budget': {
      const year = item.fiscalYear ?? fiscalYearOf(day, settings.fiscalYearStartMonth);
      return startOfPlainDate(fiscalYearEndExclusive(year, settings.fiscalYearStartMonth), settings.timeZone);
    }
    case 'appointment':
      return item.revokedAt ? new Date(item.revokedAt) : null;
    case 'organisation':
      return monthsAfter(day, settings.organisationMonths, settings);
    case 'auditReport':
      return monthsAfter(day, settings.auditReportMonths, settings);
    case 'training':
      return monthsAfter(day, settings.trainingMonths, settings);
    case 'other':
      return monthsAfter(day, settings.otherMonths, settings);
  }
}

/** `computeExpiresAt` as the ISO string stored with the item (null = until revoked). */
export function expiresAtIso(
  item: Parameters<typeof computeExpiresAt>[0],
  settings: FreshnessSettings,
  context: FreshnessContext = {},
): string | null {
  return computeExpiresAt(item, settings, context)?.toISOString() ?? null;
}

/** True while the item counts: before its expiry instant (the expiry instant itself is stale). */
export function isCurrentAt(expiresAt: Date | null, now: Date): boolean {
  return expiresAt === null || now.getTime() < expiresAt.getTime();
}

const MONTH_NAMES: Localized[] = [
  { de: 'Januar', en: 'January' },
  { de: 'Februar', en: 'February' },
  { de: 'März', en: 'March' },
  { de: 'April', en: 'April' },
  { de: 'Mai', en: 'May' },
  { de: 'Juni', en: 'June' },
  { de: 'Juli', en: 'July' },
  { de: 'August', en: 'August' },
  { de: 'September', en: 'September' },
  { de: 'Oktober', en: 'October' },
  { de: 'November', en: 'November' },
  { de: 'Dezember', en: 'December' },
];

const monthsText = (n: number): Localized =>
  n === 1 ? { de: '1 Monat', en: '1 month' } : { de: `${n} Monate`, en: `${n} months` };
const daysText = (n: number): Localized => (n === 1 ? { de: '1 Tag', en: '1 day' } : { de: `${n} Tage`, en: `${n} days` });

/** The freshness rule of a category in words, with the company's numbers. */
export function describeFreshnessCategory(category: FreshnessCategory, settings: FreshnessSettings): Localized {
  switch (category) {
    case 'policy': {
      const m = monthsText(settings.policyMonths);
      return { de: `Gilt ${m.de} ab Unterschrift.`, en: `Current for ${m.en} after signing.` };
    }
    case 'review': {
      const g = daysText(settings.reviewGraceDays);
      const m = monthsText(settings.reviewFallbackMonths);
      return {
        de: `Gilt bis zum nächsten geplanten Management-Review plus ${g.de} (ohne geplanten Termin: ${m.de}).`,
        en: `Current until the next planned management review plus ${g.en} (without a planned date: ${m.en}).`,
      };
    }
    case 'reviewBooking': {
      const g = daysText(settings.reviewBookingGraceDays);
      return { de: `Gilt bis ${g.de} nach dem gebuchten Termin.`, en: `Current until ${g.en} after the booked date.` };
    }
    case 'communication': {
      const d = daysText(settings.communicationDays);
      return { de: `Gilt ${d.de} ab Versand.`, en: `Current for ${d.en} after it was sent.` };
    }
    case 'objectives': {
      const m = monthsText(settings.objectivesMonths);
      const p = monthsText(settings.progressReportMonths);
      return {
        de: `Gilt ${m.de} ab Beschluss; ein Fortschrittsbericht ist alle ${p.de} fällig.`,
        en: `Current for ${m.en} after adoption; a progress report is due every ${p.en}.`,
      };
    }
    case 'progress': {
      const m = monthsText(settings.progressReportMonths);
      return { de: `Gilt ${m.de} ab Bericht.`, en: `Current for ${m.en} after the report.` };
    }
    case 'budget': {
      const start = MONTH_NAMES[settings.fiscalYearStartMonth - 1] ?? MONTH_NAMES[0]!;
      return {
        de: `Gilt für das Geschäftsjahr, das er abdeckt (Beginn im ${start.de}).`,
        en: `Current for the fiscal year it covers (starting in ${start.en}).`,
      };
    }
    case 'appointment':
      return { de: 'Gilt bis zum Widerruf.', en: 'Current until revoked.' };
    case 'organisation': {
      const m = monthsText(settings.organisationMonths);
      return { de: `Gilt ${m.de} ab Stand des Dokuments.`, en: `Current for ${m.en} after the document's date.` };
    }
    case 'auditReport': {
      const m = monthsText(settings.auditReportMonths);
      return {
        de: `Gilt ${m.de} ab Vorlage bei der Geschäftsführung.`,
        en: `Current for ${m.en} after it was presented to management.`,
      };
    }
    case 'training': {
      const m = monthsText(settings.trainingMonths);
      return { de: `Gilt ${m.de} ab Schulung.`, en: `Current for ${m.en} after the training.` };
    }
    case 'other': {
      const m = monthsText(settings.otherMonths);
      return { de: `Gilt ${m.de} ab Datum des Nachweises.`, en: `Current for ${m.en} after the evidence date.` };
    }
  }
}

export function describeFreshnessRule(type: EvidenceTypeId, settings: FreshnessSettings): Localized {
  return describeFreshnessCategory(evidenceTypeById(type).freshness, settings);
}
