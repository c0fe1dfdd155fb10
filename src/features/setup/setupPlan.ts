/**
 * What setup changes on one list, computed from what SharePoint says now (pure, so the plan can be shown
 * before anything changes and a second run can prove it changes nothing).
 */
import type { ChefsacheList, SpList, SpPrincipal, SpRoleAssignment, SpRoleDefinition } from '../../graph';
import type { AppMessage } from '../../i18n/translate';
import { ITEM_LEVEL_SECURITY, LIST_GRANTS, STAFF_GRANTS, type LevelKey, type RoleGroupKey } from './permissionModel';

export type SetupStep =
  | { kind: 'createList'; list: ChefsacheList; title: string }
  | { kind: 'writeSetting'; key: string }
  | { kind: 'createLevel'; level: LevelKey; name: string }
  | { kind: 'breakInheritance'; list: ChefsacheList; title: string }
  | { kind: 'grant'; list: ChefsacheList; title: string; role: RoleGroupKey | 'allStaff'; principal: SpPrincipal; level: LevelKey; levelName: string }
  | { kind: 'revoke'; list: ChefsacheList; title: string; principal: SpPrincipal; roleDefinition: Pick<SpRoleDefinition, 'id' | 'name'> }
  | { kind: 'enableVersioning'; list: ChefsacheList; title: string }
  | { kind: 'itemLevelSecurity'; list: ChefsacheList; title: string; read: 1 | 2; write: 1 | 2 | 4 };

export interface ListState {
  list: ChefsacheList;
  title: string;
  current: SpList;
  assignments: SpRoleAssignment[];
}

/**
 * The steps for one list. `levelIds` maps each Chefsache level to its role definition id (undefined while
 * it does not exist yet, in a plan before the levels are created). Grants come before revocations, so the
 * role groups never lose access in between.
 */
export function planList(
  state: ListState,
  principals: Record<RoleGroupKey, SpPrincipal>,
  levelIds: Partial<Record<LevelKey, number>>,
  levelNames: Record<LevelKey, string>,
  /** The "all staff" group's principal, when setup chose one (issue 15: STAFF_GRANTS). */
  staff?: SpPrincipal,
): SetupStep[] {
  const steps: SetupStep[] = [];
  const { list, title } = state;
  if (!state.current.hasUniqueRoleAssignments) steps.push({ kind: 'breakInheritance', list, title });
  // Principals are matched by their claims login name: a plan made before `ensureuser` knows no site ids yet.
  const key = (p: SpPrincipal) => p.loginName.toLowerCase();
  const wanted = new Map<string, { role: RoleGroupKey | 'allStaff'; level: LevelKey }[]>();
  const everyone: Record<string, SpPrincipal> = { ...principals, ...(staff ? { allStaff: staff } : {}) };
  const grants = { ...LIST_GRANTS[list], ...(staff && STAFF_GRANTS[list] ? { allStaff: STAFF_GRANTS[list] } : {}) };
  for (const [role, level] of Object.entries(grants) as [RoleGroupKey | 'allStaff', LevelKey][]) {
    const id = key(everyone[role]!);
    wanted.set(id, [...(wanted.get(id) ?? []), { role, level }]);
  }
  for (const [principalKey, grants] of wanted) {
    const held = state.assignments.find((a) => key(a.principal) === principalKey);
    for (const { role, level } of grants) {
      const levelId = levelIds[level];
      const has = held?.roles.some((r) => (levelId !== undefined ? r.id === levelId : r.name === levelNames[level])) ?? false;
      if (!has) steps.push({ kind: 'grant', list, title, role, principal: everyone[role]!, level, levelName: levelNames[level] });
    }
  }
  for (const assignment of state.assignments) {
    const grants = wanted.get(key(assignment.principal)) ?? [];
    const allowed = new Set(grants.map((g) => levelIds[g.level] ?? levelNames[g.level]));
    for (const role of assignment.roles) {
      if (allowed.has(role.id) || allowed.has(role.name)) continue;
      steps.push({ kind: 'revoke', list, title, principal: assignment.principal, roleDefinition: { id: role.id, name: role.name } });
    }
  }
  if (!state.current.enableVersioning) steps.push({ kind: 'enableVersioning', list, title });
  const itemLevel = ITEM_LEVEL_SECURITY[list];
  if (itemLevel && (state.current.readSecurity !== itemLevel.read || state.current.writeSecurity !== itemLevel.write)) {
    steps.push({ kind: 'itemLevelSecurity', list, title, ...itemLevel });
  }
  return steps;
}

/** One line per step, for the plan and the result: a key of `setup.steps.*` with its values. */
export function describeStep(step: SetupStep): AppMessage {
  switch (step.kind) {
    case 'createList':
      return { key: 'setup.steps.createList', values: { title: step.title } };
    case 'writeSetting':
      return { key: 'setup.steps.writeSetting', values: { key: step.key } };
    case 'createLevel':
      return { key: 'setup.steps.createLevel', values: { name: step.name } };
    case 'grant':
      return { key: 'setup.steps.grant', values: { title: step.title, principal: step.principal.title, level: step.levelName } };
    case 'revoke':
      return { key: 'setup.steps.revoke', values: { title: step.title, principal: step.principal.title, level: step.roleDefinition.name } };
    case 'breakInheritance':
    case 'enableVersioning':
    case 'itemLevelSecurity':
      return { key: `setup.steps.${step.kind}`, values: { title: step.title } };
  }
}
