/**
 * Loads what the dashboard shows for the signed-in user: the roles (from the tenant), and for
 * those who may see it the readiness model over the stored evidence.
 */
import { DEFAULT_FRESHNESS_SETTINGS, effectiveReviewStatus, integrityAlarms, permissionAlarms, reviewTrust, withAlarms, type Alarm, type OrganisationPeople, type PermissionCheck, type PersonRef, type Readiness, type ReviewTrust, type Role, type RoleGroups } from '../../domain';
import type { GraphGateways } from '../../graph';
import type { AppMessage } from '../../i18n';
import { EvidenceStoreLostError } from '../evidence/errors';
import type { EvidenceStore, StoredEvidence } from '../evidence/evidenceStore';
import type { RecordLabelStatus } from '../evidence/recordLabel';
import type { MinutesIntegrity } from '../reviews/minutesChecks';
import { nextReviewStatus } from '../reviews/nextReview';
import { loadPanelAccess, type PanelAccess } from '../panel/access';
import { loadRoleMembership } from '../setup/roleMembership';
import { loadOrganisationPeople } from './organisationPeople';
import { buildDashboard, type DashboardModel } from './readinessView';

/** What the drift check found: `ok` (SharePoint enforces setup's model), `drift` or `unchecked` (alarms say why). */
export interface PermissionStatus {
  state: 'ok' | 'drift' | 'unchecked';
  listsChecked: number;
}

export type DashboardData =
  | { visible: false; access: PanelAccess }
  | {
      visible: true;
      access: PanelAccess;
      model: DashboardModel;
      peopleIncomplete: boolean;
      reviewWarning: AppMessage | null;
      /** Absent when no drift check was given (tools without SharePoint REST). */
      permissions?: PermissionStatus;
      /** What the nudges (features/nudges) sent for this open; absent when none ran. */
      nudges?: NudgeReport;
      /** The optional record label: configured or not, and how many accepted or signed files carry it. */
      recordLabel?: RecordLabelStatus;
      storeLost?: undefined;
    }
  /** The evidence list was deleted or moved: nothing to evaluate, only the critical alarm. */
  | { visible: true; access: PanelAccess; storeLost: Alarm };

/** What the nudge hook reports back (features/nudges NudgeOutcome, or the error that stopped it). */
export interface NudgeReport {
  sent: { kind: string; to: string }[];
  alreadySent: number;
  failed: { kind: string; to: string; reason: string }[];
  notSetUp?: true;
}

export interface LoadDashboardOptions {
  /** The evidence site: the management-review feature reads its review series there. */
  siteUrl?: string;
  now?: () => Date;
  /** The drift check (features/setup/permissionCheck): run on every open, its alarms join the auditor alarms. */
  permissionCheck?: () => Promise<PermissionCheck>;
  /** Signed minutes whose signature no longer holds (features/reviews/minutesChecks.ts): an auditor alarm each. */
  minutesChecks?: () => Promise<MinutesIntegrity[]>;
  /** Nudges (features/nudges dashboardNudges): run after the model is built; a failure is reported, never thrown. */
  nudges?: (ctx: { readiness: Readiness; people: OrganisationPeople; me: PersonRef; roles: readonly Role[]; now: Date }) => Promise<NudgeReport | undefined>;
  /** Further auditor alarms over the evidence (staff acknowledgement, issue 15); a failure adds none. */
  moreAlarms?: (evidence: readonly StoredEvidence[], roleGroups: RoleGroups | undefined, trust: ReviewTrust | undefined) => Promise<Alarm[]>;
}

export async function loadDashboard(
  graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems'>,
  store: Pick<EvidenceStore, 'sync' | 'query'> & Partial<Pick<EvidenceStore, 'decisions' | 'unreadable' | 'recordLabelStatus'>>,
  options: LoadDashboardOptions = {},
): Promise<DashboardData> {
  const now = options.now ?? (() => new Date());
  const access = await loadPanelAccess(graph, options.siteUrl);
  if (!access.permissions.maySeePanel) return { visible: false, access };
  const [loaded, evidence, decisions, check, minutes, membership] = await Promise.all([
    loadOrganisationPeople(graph, { me: access.person, isTopManagement: access.roles.includes('topManagement'), isIsb: access.roles.includes('isb') }, access.roleGroups),
    store.sync().catch((error: unknown) => {
      if (error instanceof EvidenceStoreLostError) return error;
      throw error;
    }),
    // Decision records (issue 11): once the decision list exists, only recorded acceptances count.
    store.decisions?.().catch((error: unknown) => {
      if (error instanceof EvidenceStoreLostError) return undefined;
      throw error;
    }),
    options.permissionCheck?.().catch((error: unknown): PermissionCheck => ({ ok: false, reason: error instanceof Error ? error.message : String(error) })),
    // A reviews list the user may not read (or none yet) leaves the minutes unchecked, as in the reviews section.
    options.minutesChecks?.().catch(() => undefined),
    // Who counts as top management / ISB / auditor for the decision records: setup's role groups, by object id.
    loadRoleMembership(graph, access.roleGroups),
  ]);
  if (evidence instanceof EvidenceStoreLostError) return { visible: true, access, storeLost: evidence.alarm };
  const trust = decisions ? reviewTrust(decisions, membership) : undefined;
  const model = buildDashboard(evidence, loaded.people, now(), undefined, trust);
  // Tampering after the fact: review state the records do not back, items that fail validation, minutes changed after signing.
  const unreadable = (await store.unreadable?.()) ?? [];
  model.readiness = withAlarms(
    model.readiness,
    integrityAlarms({ evidence, ...(trust ? { trust } : {}), unreadableIds: unreadable.map((u) => u.id), minutes: minutes ?? [], timeZone: DEFAULT_FRESHNESS_SETTINGS.timeZone }),
  );
  let permissions: PermissionStatus | undefined;
  if (check) {
    const alarms = permissionAlarms(check, access.roleGroups);
    model.readiness = withAlarms(model.readiness, alarms);
    permissions = { state: !check.ok ? 'unchecked' : alarms.length > 0 ? 'drift' : 'ok', listsChecked: check.ok ? check.lists.length : 0 };
  }
  // Files the record label should protect: accepted evidence (trusted state) and signed minutes.
  const labelled = evidence.filter((item) => item.contentItemId && (effectiveReviewStatus(item, trust) === 'accepted' || (item.type === 'reviewMinutes' && item.signedBy)));
  const recordLabel = await store.recordLabelStatus?.(labelled).catch((error: unknown): RecordLabelStatus => ({ configured: true, name: '?', labelled: 0, total: labelled.length, unchecked: error instanceof Error ? error.message : String(error) }));
  if (options.moreAlarms) model.readiness = withAlarms(model.readiness, await options.moreAlarms(evidence, access.roleGroups, trust).catch(() => []));
  // The review feature knows the booked series (a cancelled one counts as not booked); when it
  // cannot tell, the booking evidence on file decides (buildDashboard).
  const review = await nextReviewStatus({ graph, evidence: store }, { ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), now: now() }).catch(() => undefined);
  if (review?.next) model.nextReview = new Date(review.next);
  const reviewWarning = review && !review.bookedThisQuarter && model.nextReview === null ? review.warning : null;
  const nudges = await options
    .nudges?.({ readiness: model.readiness, people: loaded.people, me: access.person, roles: access.roles, now: now() })
    .catch((error: unknown): NudgeReport => ({ sent: [], alreadySent: 0, failed: [{ kind: '*', to: '*', reason: error instanceof Error ? error.message : String(error) }] }));
  return {
    visible: true,
    access,
    model,
    peopleIncomplete: loaded.incomplete,
    reviewWarning,
    ...(permissions ? { permissions } : {}),
    ...(nudges ? { nudges } : {}),
    ...(recordLabel ? { recordLabel } : {}),
  };
}
