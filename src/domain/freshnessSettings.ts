/**
 * How long each kind of evidence counts as current: the product's defaults (DOMAIN.md),
 * configurable per company.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './zonedTime';

export const FRESHNESS_CATEGORIES = [
  'policy',
  'review',
  'reviewBooking',
  'communication',
  'objectives',
  'progress',
  'budget',
  'appointment',
  'organisation',
  'auditReport',
  'training',
  'other',
  'acknowledgement',
] as const;

export type FreshnessCategory = (typeof FRESHNESS_CATEGORIES)[number];

const months = (fallback: number) => z.number().int().min(1).max(120).default(fallback);
const days = (fallback: number) => z.number().int().min(0).max(3650).default(fallback);

export const FreshnessSettingsSchema = z.object({
  /** IANA time zone in which the company's calendar days and quarters are counted. */
  timeZone: z
    .string()
    .refine(isValidTimeZone, { error: 'Unknown time zone (expected an IANA name such as Europe/Berlin).' })
    .default(DEFAULT_TIME_ZONE),
  /** First month of the fiscal year, 1 = January. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  policyMonths: months(12),
  /** Review minutes count until the next planned review plus this many days. */
  reviewGraceDays: days(30),
  /** Without a planned next review, minutes count for this many months. */
  reviewFallbackMonths: months(12),
  /** A booked review counts until it has taken place plus this many days. */
  reviewBookingGraceDays: days(30),
  communicationDays: z.number().int().min(1).max(3650).default(90),
  objectivesMonths: months(12),
  progressReportMonths: months(3),
  organisationMonths: months(12),
  auditReportMonths: months(12),
  trainingMonths: months(12),
  otherMonths: months(12),
  /** A staff acknowledgement of the policy counts for this many months. */
  acknowledgementMonths: months(12),
  /** The director's own involvement must show within this many days ("delegation without control"). */
  directorInvolvementDays: z.number().int().min(1).max(3650).default(90),
  /** How far in the future an effective date may lie (clock skew between devices). */
  futureToleranceMinutes: z.number().int().min(0).max(1440).default(5),
});

export type FreshnessSettings = z.infer<typeof FreshnessSettingsSchema>;
export type FreshnessSettingsInput = z.input<typeof FreshnessSettingsSchema>;

export const DEFAULT_FRESHNESS_SETTINGS: FreshnessSettings = FreshnessSettingsSchema.parse({});

/** Company settings with defaults for everything not given; throws a ZodError naming bad fields. */
export function freshnessSettings(input: FreshnessSettingsInput = {}): FreshnessSettings {
  return FreshnessSettingsSchema.parse(input);
}
