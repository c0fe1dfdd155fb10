import type { EntraGroupKind } from './models';

/**
 * Claims login names of Entra groups in SharePoint Online, as `ensureuser` takes them and role assignments
 * show them: Microsoft 365 groups `c:0o.c|federateddirectoryclaimprovider|<objectId>` (members; the owners
 * claim ends in `_o`), security groups `c:0t.c|tenant|<objectId>`.
 */
const M365_PREFIX = 'c:0o.c|federateddirectoryclaimprovider|';
const SECURITY_PREFIX = 'c:0t.c|tenant|';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function groupLoginName(objectId: string, kind: EntraGroupKind): string {
  if (!GUID.test(objectId)) throw new Error(`Not an Entra object id: ${objectId}`);
  return `${kind === 'microsoft365' ? M365_PREFIX : SECURITY_PREFIX}${objectId.toLowerCase()}`;
}

/** The Entra object id a group claim carries, or undefined (users, SharePoint groups, owner claims). */
export function objectIdOfLoginName(loginName: string): string | undefined {
  const lower = loginName.toLowerCase();
  for (const prefix of [M365_PREFIX, SECURITY_PREFIX]) {
    if (lower.startsWith(prefix)) {
      const id = lower.slice(prefix.length);
      return GUID.test(id) ? id : undefined;
    }
  }
  return undefined;
}
