import type { PermissionKind } from './basePermissions';

/** What leaves the SharePoint REST gateway: Chefsache's own models, no SharePoint wire shapes. */

export interface SpWeb {
  id: string;
  title: string;
  /** Absolute URL of the site (`https://contoso.sharepoint.com/sites/ISMS`). */
  url: string;
  serverRelativeUrl: string;
}

/** SharePoint's `SP.Utilities.PrincipalType`: 1 user, 4 security group (Entra groups too), 8 SharePoint group. */
export type SpPrincipalType = 'user' | 'securityGroup' | 'sharePointGroup' | 'other';

export interface SpPrincipal {
  /** The principal's id in this site collection (used by role assignments). */
  id: number;
  title: string;
  /** Claims login name, e.g. `c:0o.c|federateddirectoryclaimprovider|<objectId>`. */
  loginName: string;
  type: SpPrincipalType;
  /** The Entra object id when the login name carries one (group claims), else undefined. */
  entraObjectId?: string;
}

export interface SpRoleDefinition {
  id: number;
  name: string;
  description: string;
  permissions: PermissionKind[];
  /** Built-in levels (Full Control, Edit, Read, …) have a kind other than 0 ("none" = custom). */
  builtIn: boolean;
}

export interface SpRoleDefinitionInput {
  name: string;
  description: string;
  permissions: readonly PermissionKind[];
  order?: number;
}

export interface SpList {
  id: string;
  title: string;
  hasUniqueRoleAssignments: boolean;
  enableVersioning: boolean;
  /** Item-level permissions: 1 read all items, 2 read only own (absent in older answers: 1). */
  readSecurity?: number;
  /** 1 edit all, 2 edit only own, 4 none. */
  writeSecurity?: number;
}

export interface SpRoleAssignment {
  principal: SpPrincipal;
  roles: SpRoleDefinition[];
}

/** Which kind of Entra group a principal stands for (decides its claims login name). */
export type EntraGroupKind = 'microsoft365' | 'security';
