/**
 * An evidence item's review state as an auditor can trust it: decided by its decision records
 * (items of their own in an append-only list; SharePoint's `createdBy`/`createdDateTime` say who
 * and when), never by the review fields on the item, which are only a display cache anyone with
 * edit rights could patch. A record counts only when its author holds the ISB or top-management
 * role (by group membership, through the `RoleMembership` port), is no auditor, and did not capture
 * the item (reviewRules.ts). Flags tell what does not add up.
 */
import type { EvidenceItem, ReviewStatus } from './evidence';
import { evidenceItemDigest } from './evidenceDigest';
import { reviewRuleViolation } from './reviewRules';
import { message, type Message } from './text';

/** Who SharePoint says created an item (Graph identity: Entra object id, name, mail). */
export interface RecordAuthor {
  id?: string;
  displayName?: string;
  email?: string;
}

/** One accept/reject as stored in the decision list. */
export interface DecisionRecord {
  /** List item id of the decision. */
  id: string;
  evidenceItemId: string;
  decision: 'accepted' | 'rejected';
  comment?: string;
  /** SHA-256 of the evidence's stored content at decision time. */
  contentSha256?: string;
  /** evidenceItemDigest of the evidence at decision time. */
  itemDigest: string;
  /** SharePoint version label of the evidence item at decision time (e.g. "2.0"). */
  evidenceVersion?: string;
  /** SharePoint's createdBy: the proof of who decided. */
  createdBy: RecordAuthor;
  /** SharePoint's createdDateTime: the proof of when. */
  createdAt: string;
}

export type MembershipRole = 'topManagement' | 'isb' | 'auditor';

/** Group membership by Entra object id (features/setup/roleMembership.ts: the users of setup's role groups). */
export interface RoleMembership {
  isMember(userId: string, role: MembershipRole): boolean;
}

/** A membership port from the member ids of each role's group. */
export function membershipFromGroups(members: Partial<Record<MembershipRole, readonly string[]>>): RoleMembership {
  const sets = Object.fromEntries(Object.entries(members).map(([role, ids]) => [role, new Set(ids)])) as Partial<Record<MembershipRole, Set<string>>>;
  return { isMember: (userId, role) => sets[role]?.has(userId) ?? false };
}

/** The author may decide: ISB or top management, and no auditor. */
export function mayDecide(membership: RoleMembership, userId: string | undefined): boolean {
  if (!userId || membership.isMember(userId, 'auditor')) return false;
  return membership.isMember(userId, 'isb') || membership.isMember(userId, 'topManagement');
}

export const REVIEW_FLAGS = ['changedAfterAcceptance', 'noDecisionRecord', 'decisionWithoutRole', 'ownEvidence'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

/** What each flag means, as keys `review.flags.*` (locales/review.{de,en}.json). */
export const REVIEW_FLAG_MESSAGES: Readonly<Record<ReviewFlag, Message>> = {
  changedAfterAcceptance: message('review.flags.changedAfterAcceptance'),
  noDecisionRecord: message('review.flags.noDecisionRecord'),
  decisionWithoutRole: message('review.flags.decisionWithoutRole'),
  ownEvidence: message('review.flags.ownEvidence'),
};

export interface TrustedReview {
  /** The state that counts: accepted only with a valid, still matching decision record. */
  status: ReviewStatus;
  /** The latest valid decision. */
  decision?: DecisionRecord;
  flags: ReviewFlag[];
}

const byTime = (a: DecisionRecord, b: DecisionRecord) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

/** Why a decision record does not count, or undefined when it does. */
export function decisionProblem(item: Pick<EvidenceItem, 'capturedBy'>, decision: DecisionRecord, membership: RoleMembership): 'decisionWithoutRole' | 'ownEvidence' | 'invalid' | undefined {
  const reviewer = { ...(decision.createdBy.id ? { id: decision.createdBy.id } : {}), ...(decision.createdBy.email ? { upn: decision.createdBy.email } : {}), displayName: decision.createdBy.displayName ?? '?' };
  const violation = reviewRuleViolation({
    reviewer,
    mayReview: mayDecide(membership, decision.createdBy.id),
    capturedBy: item.capturedBy,
    status: decision.decision,
    ...(decision.comment !== undefined ? { comment: decision.comment } : {}),
  });
  if (violation === 'noRole') return 'decisionWithoutRole';
  if (violation === 'ownEvidence') return 'ownEvidence';
  if (violation === 'commentRequired') return 'invalid';
  return undefined;
}

/** The trusted review state of one item from its decision records (any order; others' records are ignored). */
export function trustedReview(item: EvidenceItem & { id: string }, decisions: readonly DecisionRecord[], membership: RoleMembership): TrustedReview {
  const flags = new Set<ReviewFlag>();
  let latest: DecisionRecord | undefined;
  for (const decision of decisions.filter((d) => d.evidenceItemId === item.id).sort(byTime)) {
    const problem = decisionProblem(item, decision, membership);
    if (problem === 'decisionWithoutRole' || problem === 'ownEvidence') flags.add(problem);
    if (!problem) latest = decision;
  }
  let status: ReviewStatus = latest ? latest.decision : 'pending';
  // The item's own fields claim a decision the records do not back (a lagging cache says pending: no flag).
  if (item.reviewStatus !== 'pending' && item.reviewStatus !== status) flags.add('noDecisionRecord');
  if (latest?.decision === 'accepted') {
    const contentChanged = (latest.contentSha256 ?? '') !== (item.contentSha256 ?? '');
    if (contentChanged || latest.itemDigest !== evidenceItemDigest(item)) {
      flags.add('changedAfterAcceptance');
      status = 'pending';
    }
  }
  return { status, ...(latest ? { decision: latest } : {}), flags: REVIEW_FLAGS.filter((f) => flags.has(f)) };
}

/** Decision records by evidence item id, with the membership that judges them. */
export interface ReviewTrust {
  membership: RoleMembership;
  decisionsFor(itemId: string): readonly DecisionRecord[];
}

export function reviewTrust(decisions: readonly DecisionRecord[], membership: RoleMembership): ReviewTrust {
  const byItem = new Map<string, DecisionRecord[]>();
  for (const d of decisions) byItem.set(d.evidenceItemId, [...(byItem.get(d.evidenceItemId) ?? []), d]);
  return { membership, decisionsFor: (id) => byItem.get(id) ?? [] };
}

/**
 * The review state that counts for readiness. Without trust data (not wired) the item's own
 * fields; with it, the trusted state (an item without id has no records: pending).
 */
export function effectiveReviewStatus(item: EvidenceItem, trust: ReviewTrust | undefined): ReviewStatus {
  if (!trust) return item.reviewStatus;
  if (!item.id) return 'pending';
  return trustedReview({ ...item, id: item.id }, trust.decisionsFor(item.id), trust.membership).status;
}
