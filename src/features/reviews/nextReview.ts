/**
 * "Next review" for the dashboard: the date of the next booked occurrence, or a warning when none
 * is booked within the current quarter. Reads the series record in SharePoint when the site is
 * known (a cancelled series counts as not booked), else the review-booking evidence.
 */
import { endOfQuarterExclusive, quarterOf, message } from '../../domain';
import type { GraphGateways } from '../../graph';
import type { AppMessage } from '../../i18n';
import type { EvidenceStore } from '../evidence/evidenceStore';
import { occurrenceStarts } from './booking';
import { createReviewRecords } from './reviewRecords';

export interface NextReviewStatus {
  /** UTC ISO start of the next booked review, or null. */
  next: string | null;
  /** A review takes place (is booked) before the current quarter ends. */
  bookedThisQuarter: boolean;
  /** Set when no review is booked within the quarter. */
  warning: AppMessage | null;
}

export interface NextReviewOptions {
  siteUrl?: string;
  now?: Date;
  timeZone?: string;
}

const WARNING: AppMessage = message('reviews.nextReview.noneThisQuarter');

export async function nextReviewStatus(
  services: { graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>; evidence: Pick<EvidenceStore, 'query'> },
  options: NextReviewOptions = {},
): Promise<NextReviewStatus> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  let next: Date | null = null;
  if (options.siteUrl) {
    const series = await createReviewRecords(services.graph, options.siteUrl).series();
    if (series && !series.value.cancelledAt) next = occurrenceStarts(series.value, now, 1)[0] ?? null;
  } else {
    const page = await services.evidence.query({ types: ['reviewBooking'], pageSize: 200 });
    next =
      page.items
        .filter((i) => i.reviewStatus !== 'rejected' && i.scheduledFor && Date.parse(i.scheduledFor) >= now.getTime())
        .map((i) => new Date(i.scheduledFor!))
        .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  }
  const quarterEnd = endOfQuarterExclusive(quarterOf(now, timeZone), timeZone);
  const bookedThisQuarter = next !== null && next.getTime() < quarterEnd.getTime();
  return { next: next ? next.toISOString() : null, bookedThisQuarter, warning: bookedThisQuarter ? null : WARNING };
}
