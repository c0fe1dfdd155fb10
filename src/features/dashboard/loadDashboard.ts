/**
 * Loads what the dashboard shows for the signed-in user: the roles (from the tenant), and for
 * those who may see it the readiness model over the stored evidence.
 */
import { membershipFromPeople, permissionAlarms, reviewTrust, withAlarms, type Alarm, type Localized, type PermissionCheck, type RoleGroups } from '../../domain';
import type { GraphGateways } from '../../graph';
import { EvidenceStoreLostError } from '../evidence/errors';
import type { EvidenceStore, StoredEvidence } from '../evidence/evidenceStore';
import { nextReviewStatus } from '../reviews/nextReview';
import { loadPanelAccess, type PanelAccess } from '../panel/access';
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
  /** Further auditor alarms over the evidence (staff acknowledgement, issue 15); a failure adds none. */
  moreAlarms?: (evidence: readonly StoredEvidence[], roleGroups: RoleGroups | undefined) => Promise<Alarm[]>;
}

export async function loadDashboard(
  graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems'>,
  store: Pick<EvidenceStore, 'sync' | 'query'> & Partial<Pick<EvidenceStore, 'decisions'>>,
  options: LoadDashboardOptions = {},
): Promise<DashboardData> {
  const now = options.now ?? (() => new Date());
  const access = await loadPanelAccess(graph, options.siteUrl);
  if (!access.permissions.maySeePanel) return { visible: false, access };
  const [loaded, evidence, decisions, check] = await Promise.all([
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
  ]);
  if (evidence instanceof EvidenceStoreLostError) return { visible: true, access, storeLost: evidence.alarm };
  const trust = decisions ? reviewTrust(decisions, membershipFromPeople(loaded.people)) : undefined;
  const model = buildDashboard(evidence, loaded.people, now(), undefined, trust);
  let permissions: PermissionStatus | undefined;
  if (check) {
    const alarms = permissionAlarms(check, access.roleGroups);
    model.readiness = withAlarms(model.readiness, alarms);
    permissions = { state: !check.ok ? 'unchecked' : alarms.length > 0 ? 'drift' : 'ok', listsChecked: check.ok ? check.lists.length : 0 };
  }
  if (options.moreAlarms) model.readiness = withAlarms(model.readiness, await options.moreAlarms(evidence, access.roleGroups).catch(() => []));
  // The review feature knows the booked series (a cancelled one counts as not booked); when it
  // cannot tell, the booking evidence on file decides (buildDashboard).
  const review = await nextReviewStatus({ graph, evidence: store }, { ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), now: now() }).catch(() => undefined);
  if (review?.next) model.nextReview = new Date(review.next);
  const reviewWarning = review && !review.bookedThisQuarter && model.nextReview === null ? review.warning : null;
  return { visible: true, access, model, peopleIncomplete: loaded.incomplete, reviewWarning, ...(permissions ? { permissions } : {}) };
}
