/**
 * Loads what the dashboard shows for the signed-in user: the roles (from the tenant), and for
 * those who may see it the readiness model over the stored evidence.
 */
import { effectiveReviewStatus, permissionAlarms, reviewTrust, withAlarms, type Alarm, type Localized, type PermissionCheck } from '../../domain';
import type { GraphGateways } from '../../graph';
import { EvidenceStoreLostError } from '../evidence/errors';
import type { EvidenceStore } from '../evidence/evidenceStore';
import type { RecordLabelStatus } from '../evidence/recordLabel';
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
      reviewWarning: Localized | null;
      /** Absent when no drift check was given (tools without SharePoint REST). */
      permissions?: PermissionStatus;
      /** The optional record label: configured or not, and how many accepted or signed files carry it. */
      recordLabel?: RecordLabelStatus;
      storeLost?: undefined;
    }
  /** The evidence list was deleted or moved: nothing to evaluate, only the critical alarm. */
  | { visible: true; access: PanelAccess; storeLost: Alarm };

export interface LoadDashboardOptions {
  /** The evidence site: the management-review feature reads its review series there. */
  siteUrl?: string;
  now?: () => Date;
  /** The drift check (features/setup/permissionCheck): run on every open, its alarms join the auditor alarms. */
  permissionCheck?: () => Promise<PermissionCheck>;
}

export async function loadDashboard(
  graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems'>,
  store: Pick<EvidenceStore, 'sync' | 'query'> & Partial<Pick<EvidenceStore, 'decisions' | 'recordLabelStatus'>>,
  options: LoadDashboardOptions = {},
): Promise<DashboardData> {
  const now = options.now ?? (() => new Date());
  const access = await loadPanelAccess(graph, options.siteUrl);
  if (!access.permissions.maySeePanel) return { visible: false, access };
  const [loaded, evidence, decisions, check, membership] = await Promise.all([
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
    // Who counts as top management / ISB / auditor for the decision records: setup's role groups, by object id.
    loadRoleMembership(graph, access.roleGroups),
  ]);
  if (evidence instanceof EvidenceStoreLostError) return { visible: true, access, storeLost: evidence.alarm };
  const trust = decisions ? reviewTrust(decisions, membership) : undefined;
  const model = buildDashboard(evidence, loaded.people, now(), undefined, trust);
  let permissions: PermissionStatus | undefined;
  if (check) {
    const alarms = permissionAlarms(check, access.roleGroups);
    model.readiness = withAlarms(model.readiness, alarms);
    permissions = { state: !check.ok ? 'unchecked' : alarms.length > 0 ? 'drift' : 'ok', listsChecked: check.ok ? check.lists.length : 0 };
  }
  // Files the record label should protect: accepted evidence (trusted state) and signed minutes.
  const labelled = evidence.filter((item) => item.contentItemId && (effectiveReviewStatus(item, trust) === 'accepted' || (item.type === 'reviewMinutes' && item.signedBy)));
  const recordLabel = await store.recordLabelStatus?.(labelled).catch((error: unknown): RecordLabelStatus => ({ configured: true, name: '?', labelled: 0, total: labelled.length, unchecked: error instanceof Error ? error.message : String(error) }));
  // The review feature knows the booked series (a cancelled one counts as not booked); when it
  // cannot tell, the booking evidence on file decides (buildDashboard).
  const review = await nextReviewStatus({ graph, evidence: store }, { ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), now: now() }).catch(() => undefined);
  if (review?.next) model.nextReview = new Date(review.next);
  const reviewWarning = review && !review.bookedThisQuarter && model.nextReview === null ? review.warning : null;
  return { visible: true, access, model, peopleIncomplete: loaded.incomplete, reviewWarning, ...(permissions ? { permissions } : {}), ...(recordLabel ? { recordLabel } : {}) };
}
