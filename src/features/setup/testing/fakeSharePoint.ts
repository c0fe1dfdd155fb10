/**
 * An in-memory SharePoint site for setup's unit tests: lists inherit the site's assignments until inheritance is
 * broken (copyRoleAssignments=false leaves only the caller with Full Control, as SharePoint documents for
 * SecurableObject.BreakRoleInheritance), role definitions, ensureuser. Only *.test.ts files import this.
 */
import type { SharePointRestGateway, SpPrincipal, SpRoleAssignment, SpRoleDefinition } from '../../../graph';
import { groupLoginName } from '../../../graph';

export const FULL_CONTROL: SpRoleDefinition = { id: 1073741829, name: 'Full Control', description: '', permissions: ['ManagePermissions', 'EditListItems', 'DeleteListItems', 'AddListItems'], builtIn: true };
export const EDIT: SpRoleDefinition = { id: 1073741830, name: 'Edit', description: '', permissions: ['EditListItems', 'DeleteListItems', 'AddListItems', 'ViewListItems'], builtIn: true };
export const READ: SpRoleDefinition = { id: 1073741826, name: 'Read', description: '', permissions: ['ViewListItems'], builtIn: true };

export const OWNERS: SpPrincipal = { id: 3, title: 'ISMS Owners', loginName: 'ISMS Owners', type: 'sharePointGroup' };
export const MEMBERS: SpPrincipal = { id: 5, title: 'ISMS Members', loginName: 'ISMS Members', type: 'sharePointGroup' };
export const VISITORS: SpPrincipal = { id: 4, title: 'ISMS Visitors', loginName: 'ISMS Visitors', type: 'sharePointGroup' };
export const RUNNER: SpPrincipal = { id: 9, title: 'Lukas Schneider', loginName: 'i:0#.f|membership|lukas.schneider@mustergmbh.onmicrosoft.com', type: 'user' };

interface FakeList {
  title: string;
  unique: boolean;
  versioning: boolean;
  readSecurity: number;
  writeSecurity: number;
  assignments: SpRoleAssignment[];
}

export function fakeSharePoint(titles: readonly string[]) {
  const siteAssignments: SpRoleAssignment[] = [
    { principal: OWNERS, roles: [FULL_CONTROL] },
    { principal: MEMBERS, roles: [EDIT] },
    { principal: VISITORS, roles: [READ] },
  ];
  const definitions: SpRoleDefinition[] = [FULL_CONTROL, EDIT, READ];
  const lists = new Map<string, FakeList>(titles.map((t) => [t, { title: t, unique: false, versioning: false, readSecurity: 1, writeSecurity: 1, assignments: [] }]));
  const principals = new Map<string, SpPrincipal>();
  const writes: string[] = [];
  let nextId = 20;
  const listOf = (title: string) => {
    const list = lists.get(title);
    if (!list) throw new Error(`no list ${title}`);
    return list;
  };
  const gateway: SharePointRestGateway = {
    siteUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS',
    web: async () => ({ id: 'w', title: 'ISMS', url: 'https://mustergmbh.sharepoint.com/sites/ISMS', serverRelativeUrl: '/sites/ISMS' }),
    ensureGroup: async (objectId, kind) => {
      const loginName = groupLoginName(objectId, kind);
      let principal = principals.get(loginName);
      if (!principal) {
        principal = { id: nextId++, title: `group ${objectId.slice(0, 4)}`, loginName, type: 'securityGroup', entraObjectId: objectId };
        principals.set(loginName, principal);
        writes.push(`ensure ${objectId}`);
      }
      return principal;
    },
    roleDefinitions: async () => [...definitions],
    createRoleDefinition: async (input) => {
      const created: SpRoleDefinition = { id: 1073742000 + definitions.length, name: input.name, description: input.description, permissions: [...input.permissions], builtIn: false };
      definitions.push(created);
      writes.push(`level ${input.name}`);
      return created;
    },
    list: async (title) => {
      const list = lists.get(title);
      return list ? { id: `id-${title}`, title, hasUniqueRoleAssignments: list.unique, enableVersioning: list.versioning, readSecurity: list.readSecurity, writeSecurity: list.writeSecurity } : undefined;
    },
    breakRoleInheritance: async (title, { copyRoleAssignments }) => {
      const list = listOf(title);
      if (list.unique) return;
      list.unique = true;
      list.assignments = copyRoleAssignments ? structuredClone(siteAssignments) : [{ principal: RUNNER, roles: [FULL_CONTROL] }];
      writes.push(`break ${title}`);
    },
    roleAssignments: async (title) => {
      const list = listOf(title);
      return structuredClone(list.unique ? list.assignments : siteAssignments);
    },
    addRoleAssignment: async (title, principalId, roleDefinitionId) => {
      const list = listOf(title);
      const principal = [...principals.values(), OWNERS, MEMBERS, VISITORS, RUNNER].find((p) => p.id === principalId)!;
      const role = definitions.find((d) => d.id === roleDefinitionId)!;
      const existing = list.assignments.find((a) => a.principal.id === principalId);
      if (existing) existing.roles.push(role);
      else list.assignments.push({ principal, roles: [role] });
      writes.push(`grant ${title} ${principal.title} ${role.name}`);
    },
    removeRoleAssignment: async (title, principalId, roleDefinitionId) => {
      const list = listOf(title);
      for (const a of list.assignments) if (a.principal.id === principalId) a.roles = a.roles.filter((r) => r.id !== roleDefinitionId);
      list.assignments = list.assignments.filter((a) => a.roles.length > 0);
      writes.push(`revoke ${title} ${principalId} ${roleDefinitionId}`);
    },
    setVersioning: async (title, enabled) => {
      listOf(title).versioning = enabled;
      writes.push(`versioning ${title}`);
    },
    setItemLevelSecurity: async (title, read, write) => {
      Object.assign(listOf(title), { readSecurity: read, writeSecurity: write });
      writes.push(`itemlevel ${title} ${read} ${write}`);
    },
  };
  return { gateway, lists, writes, definitions, siteAssignments };
}
