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
import { message, type DomainMessageKey, type Message } from './text';
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
    case 'acknowledgement':
      return monthsAfter(day, settings.acknowledgementMonths, settings);
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

const MONTH_KEYS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/** German and English say "1 month" but "2 months": the key names the form (`one` | `other`). */
const form = (n: number) => (n === 1 ? 'one' : 'other');

/** The freshness rule of a category in words, with the company's numbers (`freshness.<category>…`). */
export function describeFreshnessCategory(category: FreshnessCategory, settings: FreshnessSettings): Message {
  const months = (key: string, n: number): Message => message(`freshness.${key}.${form(n)}` as DomainMessageKey, { months: n });
  const days = (key: string, n: number): Message => message(`freshness.${key}.${form(n)}` as DomainMessageKey, { days: n });
  switch (category) {
    case 'policy':
      return months('policy', settings.policyMonths);
    case 'review':
      return message(`freshness.review.${form(settings.reviewGraceDays)}.${form(settings.reviewFallbackMonths)}`, {
        days: settings.reviewGraceDays,
        months: settings.reviewFallbackMonths,
      });
    case 'reviewBooking':
      return days('reviewBooking', settings.reviewBookingGraceDays);
    case 'communication':
      return days('communication', settings.communicationDays);
    case 'objectives':
      return message(`freshness.objectives.${form(settings.objectivesMonths)}.${form(settings.progressReportMonths)}`, {
        months: settings.objectivesMonths,
        progressMonths: settings.progressReportMonths,
      });
    case 'progress':
      return months('progress', settings.progressReportMonths);
    case 'budget':
      return message(`freshness.budget.${MONTH_KEYS[settings.fiscalYearStartMonth - 1] ?? 'january'}`);
    case 'appointment':
      return message('freshness.appointment');
    case 'organisation':
      return months('organisation', settings.organisationMonths);
    case 'auditReport':
      return months('auditReport', settings.auditReportMonths);
    case 'training':
      return months('training', settings.trainingMonths);
    case 'other':
      return months('other', settings.otherMonths);
    case 'acknowledgement':
      return months('acknowledgement', settings.acknowledgementMonths);
  }
}

export function describeFreshnessRule(type: EvidenceTypeId, settings: FreshnessSettings): Message {
  return describeFreshnessCategory(evidenceTypeById(type).freshness, settings);
}
