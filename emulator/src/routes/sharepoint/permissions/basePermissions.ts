/**
 * SharePoint base permissions. SP.PermissionKind numbers the permissions 1..65; permission k is bit k-1 of a
 * 64-bit mask (Learn, "PermissionKind Enum", Microsoft.SharePoint.Client; SPBasePermissions gives the same
 * bits as flags, e.g. ViewListItems = 1, AddListItems = 2, EditListItems = 4, EnumeratePermissions = 2^62).
 * REST answers a mask as SP.BasePermissions `{ High, Low }`: the upper and lower 32 bits as decimal strings.
 * Built-in permission levels (role definitions) hold the sets of SPPermissionGroup64 (Learn: Guest = Limited Access,
 * Reader = Read, Contributor = Contribute, WebDesigner = Design, Administrator = Full Control) with SP.RoleType
 * Guest 1, Reader 2, Contributor 3, WebDesigner 4, Administrator 5, Editor 6 (Learn, "RoleType Enumeration").
 */
export const PermissionKind = {
  EmptyMask: 0,
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  AnonymousSearchAccessList: 14,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  ViewUsageData: 22,
  CreateSSCSite: 23,
  ManageSubwebs: 24,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  AnonymousSearchAccessWebLists: 32,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  ManageAlerts: 39,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63,
  FullMask: 65,
} as const;
export type PermissionName = Exclude<keyof typeof PermissionKind, 'EmptyMask' | 'FullMask'>;

const MASK64 = (1n << 64n) - 1n;
/** FullMask: every bit (REST: High 2147483647, Low 4294967295 for Full Control). */
export const FULL_MASK = MASK64 >> 1n;

export function bit(name: PermissionName): bigint {
  return 1n << BigInt(PermissionKind[name] - 1);
}

export function maskOf(names: readonly PermissionName[]): bigint {
  return names.reduce((mask, name) => mask | bit(name), 0n);
}

export function has(mask: bigint, name: PermissionName): boolean {
  return (mask & bit(name)) !== 0n;
}

/** SP.BasePermissions as REST writes it. */
export function toHighLow(mask: bigint): { High: string; Low: string } {
  return { High: String((mask >> 32n) & 0xffffffffn), Low: String(mask & 0xffffffffn) };
}

export function fromHighLow(value: { High: string | number; Low: string | number }): bigint {
  return ((BigInt(value.High) & 0xffffffffn) << 32n) | (BigInt(value.Low) & 0xffffffffn);
}

/** The names of the permissions in a mask (SP.BasePermissions has() checks, for diagnostics and docs). */
export function namesOf(mask: bigint): PermissionName[] {
  return (Object.keys(PermissionKind) as (keyof typeof PermissionKind)[])
    .filter((k): k is PermissionName => k !== 'EmptyMask' && k !== 'FullMask')
    .filter((k) => has(mask, k));
}

const GUEST: PermissionName[] = ['Open', 'BrowseUserInfo', 'ViewFormPages', 'UseClientIntegration', 'UseRemoteAPIs'];
const READER: PermissionName[] = [...GUEST, 'ViewPages', 'ViewListItems', 'OpenItems', 'ViewVersions', 'CreateAlerts', 'CreateSSCSite'];
const CONTRIBUTOR: PermissionName[] = [
  ...READER,
  'AddListItems',
  'EditListItems',
  'DeleteListItems',
  'DeleteVersions',
  'ManagePersonalViews',
  'BrowseDirectories',
  'AddDelPrivateWebParts',
  'UpdatePersonalWebParts',
  'EditMyUserInfo',
];
const EDITOR: PermissionName[] = [...CONTRIBUTOR, 'ManageLists'];
const DESIGNER: PermissionName[] = [...EDITOR, 'ApproveItems', 'CancelCheckout', 'AddAndCustomizePages', 'ApplyThemeAndBorder', 'ApplyStyleSheets'];

export interface BuiltInRole {
  id: number;
  name: string;
  description: string;
  roleTypeKind: number;
  order: number;
  hidden: boolean;
  mask: bigint;
}

/** The built-in permission levels with the ids SharePoint gives them (1073741825 = 0x40000001 …). */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  { id: 1073741829, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, order: 1, hidden: false, mask: FULL_MASK },
  { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', roleTypeKind: 4, order: 32, hidden: false, mask: maskOf(DESIGNER) },
  { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', roleTypeKind: 6, order: 48, hidden: false, mask: maskOf(EDITOR) },
  { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', roleTypeKind: 3, order: 64, hidden: false, mask: maskOf(CONTRIBUTOR) },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, order: 128, hidden: false, mask: maskOf(READER) },
  { id: 1073741825, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', roleTypeKind: 1, order: 160, hidden: true, mask: maskOf(GUEST) },
];

export const ROLE_IDS = { fullControl: 1073741829, design: 1073741828, edit: 1073741830, contribute: 1073741827, read: 1073741826, limitedAccess: 1073741825 } as const;
/** Custom permission levels get the next ids after the built-ins. */
export const FIRST_CUSTOM_ROLE_ID = 1073741924;
