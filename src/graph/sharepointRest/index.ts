export { createSharePointRestGateway, type SharePointRestGateway, type SharePointRestOptions } from './sharePointRestGateway';
export type { EntraGroupKind, SpList, SpPrincipal, SpPrincipalType, SpRoleAssignment, SpRoleDefinition, SpRoleDefinitionInput, SpWeb } from './models';
export { PERMISSION_KINDS, type PermissionKind } from './basePermissions';
export { groupLoginName } from './claims';
