/**
 * The dashboard's model: the domain's readiness evaluation over the stored evidence, plus the
 * next management review (booked, or due by the end of the quarter).
 */
import {
  DEFAULT_FRESHNESS_SETTINGS,
  evaluateReadiness,
  evaluateItems,
  reviewScheduleStatus,
  type FreshnessSettings,
  type ReviewTrust,
  type OrganisationPeople,
  type Readiness,
} from '../../domain';
import type { StoredEvidence } from '../evidence/evidenceStore';
import { evaluateClauses, type ClauseState } from './clauseStates';

export interface DashboardModel {
  readiness: Readiness;
  clauses: ClauseState[];
  /** The next booked review that has not started yet, from review-booking evidence in the store. */
  nextReview: Date | null;
  evidenceCount: number;
}

export function buildDashboard(
  evidence: readonly StoredEvidence[],
  people: OrganisationPeople,
  now: Date,
  settings: FreshnessSettings = DEFAULT_FRESHNESS_SETTINGS,
  /** Decision records + membership: only trusted acceptances count (domain trustedReview.ts). */
  trust?: ReviewTrust,
): DashboardModel {
  const context = { now, settings, plannedReviewStarts: [], ...(trust ? { trust } : {}) };
  return {
    readiness: evaluateReadiness({ evidence, people, now, settings, ...(trust ? { trust } : {}) }),
    clauses: evaluateClauses(evidence, context),
    nextReview: reviewScheduleStatus(evaluateItems(evidence, context), context).nextBooked,
    evidenceCount: evidence.length,
  };
}
