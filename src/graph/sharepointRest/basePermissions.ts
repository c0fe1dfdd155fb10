/**
 * SharePoint's permission bits (`SP.BasePermissions` = two 32-bit halves, `High` and `Low`) to and from
 * named permission kinds (`SP.PermissionKind`, Microsoft Learn "PermissionKind enumeration"). Kind n is
 * bit n-1 of the 64-bit mask: kinds 1–32 live in `Low`, kinds 33–64 in `High`. `FullMask` (65) is every bit.
 */
export const PERMISSION_KINDS = {
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
} as const;

export type PermissionKind = keyof typeof PERMISSION_KINDS;

const ALL_KINDS = Object.keys(PERMISSION_KINDS) as PermissionKind[];

/** The wire form: both halves as decimal strings (SharePoint sends and accepts them so; numbers are read too). */
export interface BasePermissionsWire {
  High: string;
  Low: string;
}

export function encodePermissions(kinds: readonly PermissionKind[]): BasePermissionsWire {
  let high = 0n;
  let low = 0n;
  for (const kind of new Set(kinds)) {
    const bit = BigInt(PERMISSION_KINDS[kind] - 1);
    if (bit < 32n) low |= 1n << bit;
    else high |= 1n << (bit - 32n);
  }
  return { High: high.toString(), Low: low.toString() };
}

/** Every named kind whose bit is set (FullMask sets them all). */
export function decodePermissions(wire: { High: string | number; Low: string | number }): PermissionKind[] {
  const high = BigInt(wire.High);
  const low = BigInt(wire.Low);
  return ALL_KINDS.filter((kind) => {
    const bit = BigInt(PERMISSION_KINDS[kind] - 1);
    return bit < 32n ? (low & (1n << bit)) !== 0n : (high & (1n << (bit - 32n))) !== 0n;
  });
}
