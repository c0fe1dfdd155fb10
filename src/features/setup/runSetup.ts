/**
 * Setup of the evidence site by a site owner (issue 11): provisions Chefsache's lists, stores the role groups
 * (by Entra object id), creates the three permission levels, breaks inheritance on every list, grants the role
 * groups their levels, removes everyone else and turns versioning on. Idempotent: a second run finds nothing to
 * change and says so. `dryRun` only reads and returns the plan.
 */
import { RoleGroupsSchema, type RoleGroups } from '../../domain';
import { groupLoginName, LIST_NAMES, type ChefsacheList, type GraphGateways, type SharePointRestGateway, type SpPrincipal } from '../../graph';
import { createTranslator, translateMessage, type AppMessage } from '../../i18n/translate';
import { createReviewRecords } from '../reviews/reviewRecords';
import { provisionAcknowledgementLists } from '../acknowledgements/acknowledgementLists';
import { LIST_GRANTS, PERMISSION_LEVELS, type LevelKey, type RoleGroupKey } from './permissionModel';
import { createSettingsWriter, readSettings } from './settingsStore';
import { planList, type SetupStep } from './setupPlan';

export interface SetupInput {
  siteUrl: string;
  groups: RoleGroups;
  /** userPrincipalName of the site owner running setup (stored with the `site` setting). */
  setupBy: string;
  /**
   * Optional: the name of a tenant retention label that declares items records (Microsoft Purview). Stored as the
   * `recordLabel` setting; accepting evidence and signing minutes then apply it to the files.
   */
  recordLabel?: string;
  dryRun?: boolean;
  now?: () => Date;
  /** Called for every step as it is applied (or planned, in a dry run). */
  onStep?: (step: SetupStep) => void;
}

export interface SetupResult {
  steps: SetupStep[];
  /** False when the site already was set up exactly so (nothing changed). */
  changed: boolean;
  dryRun: boolean;
}

/** Setup refused to go on; `userMessage` says why (`setup.errors.*`), `message` is its English text for the CLI. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
  constructor(readonly userMessage: AppMessage) {
    super(translateMessage(createTranslator('en'), userMessage));
  }
}

export type SetupGraph = Pick<GraphGateways, 'sites' | 'lists' | 'listItems' | 'groups' | 'evidence' | 'records'>;

const LISTS = Object.keys(LIST_GRANTS) as ChefsacheList[];
const ROLE_KEYS: RoleGroupKey[] = ['topManagement', 'isb', 'auditors'];

/**
 * Creates the lists that do not exist, each with its feature's own definition: evidence list + library, the
 * reviews list, the settings list, the decision and signature records (graph.records, the one definition), the
 * nudge log and the acknowledgement lists.
 */
async function provisionLists(graph: SetupGraph, siteUrl: string, missing: readonly ChefsacheList[]): Promise<void> {
  if (missing.includes('evidence') || missing.includes('library')) await graph.evidence.provision(siteUrl);
  if (missing.includes('reviews')) await createReviewRecords(graph, siteUrl).provision();
  if (missing.includes('settings')) await createSettingsWriter(graph, siteUrl).ensureList();
  for (const list of ['decisions', 'signatures'] as const) {
    if (missing.includes(list)) await graph.records.provision(siteUrl, list);
  }
  const site = await graph.sites.fromWebUrl(siteUrl);
  // The nudge log (features/nudges) keeps one Title per alarm, recipient and day.
  if (missing.includes('nudges')) await graph.lists.create(site.id, { displayName: LIST_NAMES.nudges, description: 'Chefsache: nudges', columns: [] });
  await provisionAcknowledgementLists(graph, site.id, missing);
}

export async function runSetup(graph: SetupGraph, sharePoint: SharePointRestGateway, input: SetupInput): Promise<SetupResult> {
  const dryRun = input.dryRun ?? false;
  const steps: SetupStep[] = [];
  const record = (step: SetupStep) => {
    steps.push(step);
    input.onStep?.(step);
  };

  // 1. Lists.
  const existing = await Promise.all(LISTS.map(async (list) => [list, await sharePoint.list(LIST_NAMES[list])] as const));
  const missing = existing.filter(([, found]) => !found).map(([list]) => list);
  for (const list of missing) record({ kind: 'createList', list, title: LIST_NAMES[list] });
  if (!dryRun && missing.length > 0) await provisionLists(graph, input.siteUrl, missing);

  // 2. Settings: the role groups by object id, and which site was set up.
  if (!dryRun) {
    const settings = createSettingsWriter(graph, input.siteUrl);
    if (await settings.write('roles', input.groups)) record({ kind: 'writeSetting', key: 'roles' });
    const site = { url: sharePoint.siteUrl, setupAt: (input.now ?? (() => new Date()))().toISOString(), setupBy: input.setupBy };
    if (await settings.write('site', site, (stored) => stored.url === site.url)) record({ kind: 'writeSetting', key: 'site' });
    const label = input.recordLabel?.trim();
    if (label && (await settings.write('recordLabel', { name: label }))) record({ kind: 'writeSetting', key: 'recordLabel' });
  } else {
    const stored = missing.includes('settings') ? undefined : (await readSettings(graph, input.siteUrl)).roles;
    if (JSON.stringify(stored) !== JSON.stringify(RoleGroupsSchema.parse(input.groups))) record({ kind: 'writeSetting', key: 'roles' });
    if (input.recordLabel?.trim()) record({ kind: 'writeSetting', key: 'recordLabel' });
  }

  // 3. The role groups as SharePoint principals (ensureuser needs the group kind for its claim).
  const principals = {} as Record<RoleGroupKey, SpPrincipal>;
  for (const role of ROLE_KEYS) {
    const group = await graph.groups.get(input.groups[role]);
    const kind = group.microsoft365 === false ? 'security' : 'microsoft365';
    principals[role] = dryRun
      ? { id: -1, title: group.displayName, loginName: groupLoginName(group.id, kind), type: 'securityGroup', entraObjectId: group.id }
      : await sharePoint.ensureGroup(group.id, kind);
  }
  // Issue 15: the optional "all staff" group reads what was published and adds its own acknowledgements.
  let staff: SpPrincipal | undefined;
  if (input.groups.allStaff) {
    const group = await graph.groups.get(input.groups.allStaff);
    const kind = group.microsoft365 === false ? 'security' : 'microsoft365';
    staff = dryRun
      ? { id: -1, title: group.displayName, loginName: groupLoginName(group.id, kind), type: 'securityGroup', entraObjectId: group.id }
      : await sharePoint.ensureGroup(group.id, kind);
  }

  // 4. Permission levels.
  const levelIds: Partial<Record<LevelKey, number>> = {};
  const levelNames = Object.fromEntries(Object.entries(PERMISSION_LEVELS).map(([k, v]) => [k, v.name])) as Record<LevelKey, string>;
  const definitions = await sharePoint.roleDefinitions();
  for (const [level, wanted] of Object.entries(PERMISSION_LEVELS) as [LevelKey, (typeof PERMISSION_LEVELS)[LevelKey]][]) {
    const found = definitions.find((d) => d.name === wanted.name);
    if (found) {
      const extra = found.permissions.filter((p) => !wanted.permissions.includes(p));
      if (extra.length > 0) throw new SetupError({ key: 'setup.errors.levelWidened', values: { name: wanted.name, rights: extra.join(', ') } });
      levelIds[level] = found.id;
      continue;
    }
    record({ kind: 'createLevel', level, name: wanted.name });
    if (!dryRun) levelIds[level] = (await sharePoint.createRoleDefinition(wanted)).id;
  }

  // 5. Per list: break inheritance, grant, revoke everyone else, versioning.
  for (const list of LISTS) {
    const title = LIST_NAMES[list];
    let current = await sharePoint.list(title);
    if (!current) {
      if (!dryRun) throw new SetupError({ key: 'setup.errors.listMissing', values: { title } });
      current = { id: '', title, hasUniqueRoleAssignments: false, enableVersioning: false };
    }
    if (!current.hasUniqueRoleAssignments && !dryRun) {
      record({ kind: 'breakInheritance', list, title });
      await sharePoint.breakRoleInheritance(title, { copyRoleAssignments: false, clearSubscopes: true });
      current = { ...current, hasUniqueRoleAssignments: true };
    }
    const assignments = current.id ? await sharePoint.roleAssignments(title) : [];
    for (const step of planList({ list, title, current, assignments }, principals, levelIds, levelNames, staff)) {
      record(step);
      if (dryRun) continue;
      if (step.kind === 'grant') await sharePoint.addRoleAssignment(title, step.principal.id, levelIds[step.level]!);
      else if (step.kind === 'revoke') await sharePoint.removeRoleAssignment(title, step.principal.id, step.roleDefinition.id);
      else if (step.kind === 'enableVersioning') await sharePoint.setVersioning(title, true);
      else if (step.kind === 'itemLevelSecurity') await sharePoint.setItemLevelSecurity(title, step.read, step.write);
    }
  }
  return { steps, changed: steps.length > 0, dryRun };
}
