/**
 * What the panel needs for the signed-in user: the roles from the tenant and, for those who may
 * see the panel, every evidence item (synced; `onProgress` follows a long first sync) and the
 * people the upload forms can name.
 */
import { samePerson, type PersonRef, type RoleMembership } from '../../domain';
import type { GraphGateways } from '../../graph';
import { loadOrganisationPeople } from '../dashboard/organisationPeople';
import type { EvidenceStore, ProgressListener, StoredEvidence, UnreadableEvidence } from '../evidence/evidenceStore';
import { loadRoleMembership } from '../setup/roleMembership';
import { loadPanelAccess, type PanelAccess } from './access';

export type PanelData =
  | { visible: false; access: PanelAccess }
  /** `unreadable`: items that fail validation, shown with reason and raw fields (never dropped). */
  | { visible: true; access: PanelAccess; items: StoredEvidence[]; unreadable: UnreadableEvidence[]; people: PersonRef[]; membership: RoleMembership };

export async function loadPanel(
  graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems'>,
  store: Pick<EvidenceStore, 'sync' | 'unreadable'>,
  siteUrl: string | undefined,
  onProgress?: ProgressListener,
): Promise<PanelData> {
  const access = await loadPanelAccess(graph, siteUrl);
  if (!access.permissions.maySeePanel) return { visible: false, access };
  const [items, loaded, membership] = await Promise.all([
    store.sync(onProgress),
    loadOrganisationPeople(graph, { me: access.person, isTopManagement: access.roles.includes('topManagement'), isIsb: access.roles.includes('isb') }, access.roleGroups),
    // Judges decision records: the users of setup's role groups, by object id.
    loadRoleMembership(graph, access.roleGroups),
  ]);
  const people: PersonRef[] = [];
  for (const person of [...loaded.people.topManagement, ...(loaded.people.isb ?? []), access.person]) {
    if (!people.some((p) => samePerson(p, person))) people.push(person);
  }
  return { visible: true, access, items, unreadable: await store.unreadable(), people, membership };
}
