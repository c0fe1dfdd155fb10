/**
 * Staff acknowledgement as the tab uses it (issue 15): publishing (top management or ISB), the staff view, and
 * the status the dashboard and the binder show. SharePoint enforces who may do what (setup's levels and the
 * acknowledgement list's item-level security); this module only reads and writes.
 */
import { acknowledgementPages, acknowledgementStatus, effectiveReviewStatus, reviewTrust, type AcknowledgementPage, type AcknowledgementStatus, type PersonRef, type Publication, type ReviewTrust, type RoleGroups } from '../../domain';
import type { GraphGateways } from '../../graph';
import type { EvidenceStore, StoredEvidence } from '../evidence/evidenceStore';
import { loadRoleMembership } from '../setup/roleMembership';
import { createAcknowledgementLists, type AcknowledgementRecords } from './acknowledgementLists';
import { publicationMessage } from './publicationMessage';

type Graph = Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>;

/**
 * The newest accepted policy with a stored file (its hash is the policy version). Accepted as the dashboard counts
 * it: with trust data by its decision records (a patched review field does not make a policy current), without
 * (no decision list yet) by the item's own fields.
 */
export function currentPolicy(evidence: readonly StoredEvidence[], trust: ReviewTrust | undefined): StoredEvidence | undefined {
  return evidence
    .filter((e) => e.type === 'securityPolicy' && e.contentSha256 && effectiveReviewStatus(e, trust) === 'accepted')
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0];
}

type TrustGraph = { groups: Pick<GraphGateways['groups'], 'transitiveMemberIds'> };

/** The decision records with the membership of setup's role groups, as the dashboard judges them (undefined: no decision list). */
export async function loadReviewTrust(graph: TrustGraph, store: Partial<Pick<EvidenceStore, 'decisions'>>, roleGroups: RoleGroups | undefined): Promise<ReviewTrust | undefined> {
  const [decisions, membership] = await Promise.all([store.decisions?.(), loadRoleMembership(graph, roleGroups)]);
  return decisions ? reviewTrust(decisions, membership) : undefined;
}

/** The objectives in plain words: the lines of the newest objectives evidence's summary. */
export function currentObjectives(evidence: readonly StoredEvidence[]): string[] {
  const newest = evidence.filter((e) => e.type === 'securityObjectives' && e.reviewStatus !== 'rejected').sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0];
  return (newest?.summary ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*\d.)]+\s*/, '').trim())
    .filter((line) => line.length > 0);
}

/** What staff read of the policy: its text when it is stored as text (HTML tags removed), else its summary. */
async function policyPreview(store: Pick<EvidenceStore, 'content'>, policy: StoredEvidence): Promise<string> {
  const fallback = policy.summary || policy.title;
  try {
    const bytes = await store.content(policy);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.startsWith('%PDF') || text.includes('\u0000')) return fallback;
    const plain = /<\/?[a-z][\s\S]*>/i.test(text) ? text.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/gi, '').replace(/<[^>]+>/g, ' ') : text;
    return plain.replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*\n+/g, '\n\n').trim().slice(0, 20_000) || fallback;
  } catch {
    return fallback;
  }
}

export interface PublishRequest {
  dueDate: string;
  objectives: string[];
  distractors: string[];
  publisher: PersonRef;
  /** Where staff find the tab (the message links there). */
  link: string;
  /** Setup's role groups: the role groups judge the policy's decision records; the message goes to `allStaff`'s members. */
  roleGroups: RoleGroups | undefined;
}

/** Why the publication mail did not go out: no all-staff group chosen at setup, or the send failed (the error, unchanged). */
export type MailProblem = { kind: 'noAllStaffGroup' } | { kind: 'sendFailed'; error: unknown };
export type PublishResult = { publication: Publication; messageSent: boolean; mailProblem?: MailProblem };

export class NoAcceptedPolicyError extends Error {
  override readonly name = 'NoAcceptedPolicyError';
  constructor() {
    super('There is no accepted policy with a stored file to publish.');
  }
}

export async function publishForAcknowledgement(
  graph: Graph & Pick<GraphGateways, 'mail' | 'groups'>,
  store: Pick<EvidenceStore, 'sync' | 'content'> & Partial<Pick<EvidenceStore, 'decisions'>>,
  siteUrl: string,
  request: PublishRequest,
): Promise<PublishResult> {
  const [evidence, trust] = await Promise.all([store.sync(), loadReviewTrust(graph, store, request.roleGroups)]);
  const policy = currentPolicy(evidence, trust);
  if (!policy?.contentSha256) throw new NoAcceptedPolicyError();
  const message = publicationMessage({ senderName: request.publisher.displayName, dueDate: request.dueDate, objectives: request.objectives, link: request.link });
  const publication = await createAcknowledgementLists(graph, siteUrl).publish({
    policyEvidenceId: policy.id,
    policyTitle: policy.title,
    policySha256: policy.contentSha256.toLowerCase(),
    policyPreview: await policyPreview(store, policy),
    objectives: request.objectives,
    distractors: request.distractors,
    dueDate: request.dueDate,
    message: message.body,
  });
  const allStaff = request.roleGroups?.allStaff;
  if (!allStaff) return { publication, messageSent: false, mailProblem: { kind: 'noAllStaffGroup' } };
  try {
    const members = await graph.groups.members(allStaff);
    const to = members.map((m) => m.mail ?? m.userPrincipalName).filter((a): a is string => !!a);
    await graph.mail.send({ subject: message.subject, body: message.body, to });
    return { publication, messageSent: true };
  } catch (error) {
    return { publication, messageSent: false, mailProblem: { kind: 'sendFailed', error } };
  }
}

/** What a staff member sees: the current publication and their own acknowledgements (SharePoint shows only those). */
export interface StaffView {
  publication: Publication | undefined;
  records: AcknowledgementRecords;
}

export async function loadStaffView(graph: Graph, siteUrl: string): Promise<StaffView | undefined> {
  const records = await createAcknowledgementLists(graph, siteUrl).read();
  if (!records) return undefined;
  const publication = [...records.publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
  return { publication, records };
}

export async function acknowledge(graph: Graph, siteUrl: string, publication: Publication, selfCheck?: { correct: boolean }): Promise<void> {
  const lists = createAcknowledgementLists(graph, siteUrl);
  await lists.acknowledge(publication);
  // The answer is its own item, without the acknowledgement's id: only right or wrong is kept.
  if (selfCheck) await lists.answer(publication, selfCheck.correct);
}

/** The dashboard's figures: share of all staff on the current version, self-check, alarms. */
export async function loadAcknowledgementStatus(
  graph: Graph & Pick<GraphGateways, 'groups'>,
  evidence: readonly StoredEvidence[],
  siteUrl: string,
  roleGroups: RoleGroups | undefined,
  now: Date,
  trust: ReviewTrust | undefined,
): Promise<{ status: AcknowledgementStatus | undefined; records: AcknowledgementRecords } | undefined> {
  const records = await createAcknowledgementLists(graph, siteUrl).read();
  if (!records) return undefined;
  const staff = roleGroups?.allStaff ? (await graph.groups.members(roleGroups.allStaff)).map((p) => ({ id: p.id, upn: p.userPrincipalName, displayName: p.displayName })) : [];
  const policy = currentPolicy(evidence, trust);
  const status = acknowledgementStatus({
    publications: records.publications,
    acknowledgements: records.acknowledgements,
    answers: records.answers,
    staff,
    ...(policy?.contentSha256 ? { currentPolicySha256: policy.contentSha256 } : {}),
    now,
  });
  return { status, records };
}

/** The binder's pages, one per policy version: count, and names with dates only for the auditor (`withNames`). */
export async function loadAcknowledgementPages(graph: Graph, siteUrl: string, withNames: boolean): Promise<AcknowledgementPage[]> {
  const read = await createAcknowledgementLists(graph, siteUrl).read();
  return read ? acknowledgementPages(read.publications, read.acknowledgements, withNames) : [];
}
