/**
 * "Delegation without control" (the seed's most common failure): the director appoints an ISB and
 * stops looking. The director's own involvement (signing, writing to staff, attending reviews,
 * approving budget) is therefore counted separately from the ISB's work.
 */
import { isAmong, type PersonRef } from './people';
import type { EvaluatedEvidence } from './standing';

/** The people evaluations need; lists come from the directory groups (roles.ts). */
export interface OrganisationPeople {
  /** Current members of top management (group "Geschäftsführung"). */
  topManagement: readonly PersonRef[];
  /** Current information security officers (group "Informationssicherheit"). */
  isb?: readonly PersonRef[];
  /** Everyone currently in the directory; when given, an ISB who left is detected. */
  activeUsers?: readonly PersonRef[];
}

export interface InvolvementSummary {
  /** Evidence items, newest first. */
  evidence: EvaluatedEvidence[];
  /** Effective date of the newest, or null. */
  latest: Date | null;
  /** Items with an effective date within the window. */
  recentCount: number;
}

export interface Involvement {
  /** Days looked back for "recent" involvement. */
  windowDays: number;
  director: InvolvementSummary;
  isb: InvolvementSummary;
  /** True when top management has no own involvement within the window. */
  delegationWithoutControl: boolean;
}

/** The people who personally acted in an item: signer, author, participants (not the capturer). */
export function actorsOf(item: EvaluatedEvidence['item']): PersonRef[] {
  return [item.signedBy, item.author, ...(item.participants ?? [])].filter((p): p is PersonRef => p !== undefined);
}

function summarise(evidence: EvaluatedEvidence[], since: number): InvolvementSummary {
  const sorted = [...evidence].sort((a, b) => Date.parse(b.item.effectiveDate) - Date.parse(a.item.effectiveDate));
  const newest = sorted[0];
  return {
    evidence: sorted,
    latest: newest ? new Date(newest.item.effectiveDate) : null,
    recentCount: sorted.filter((e) => Date.parse(e.item.effectiveDate) >= since).length,
  };
}

export function evaluateInvolvement(
  evaluated: readonly EvaluatedEvidence[],
  people: OrganisationPeople,
  now: Date,
  windowDays: number,
): Involvement {
  const relevant = evaluated.filter((e) => e.standing !== 'rejected');
  const since = now.getTime() - windowDays * 86_400_000;
  const director = relevant.filter((e) => actorsOf(e.item).some((p) => isAmong(p, people.topManagement)));
  const isbPeople = people.isb ?? [];
  const isb = relevant.filter(
    (e) => isbPeople.length > 0 && [e.item.capturedBy, ...actorsOf(e.item)].some((p) => isAmong(p, isbPeople)),
  );
  const directorSummary = summarise(director, since);
  return {
    windowDays,
    director: directorSummary,
    isb: summarise(isb, since),
    delegationWithoutControl: directorSummary.recentCount === 0,
  };
}
