/**
 * Auditor alarms from the permissions SharePoint enforces on Chefsache's lists (the drift check on every
 * dashboard open): who can write, whether inheritance was restored, whether versioning is on.
 */
import type { Alarm } from './alarms';
import type { RoleGroups } from './roles';
import { message, type Message } from './text';

export interface PermissionHolder {
  /** Display name of the user, SharePoint group or Entra group holding the permission. */
  name: string;
  /** Entra object id when the holder is an Entra group. */
  entraObjectId?: string;
  canWrite: boolean;
  canDelete: boolean;
}

export interface ListPermissionState {
  title: string;
  /** True when the list inherits the site's permissions again (members edit). */
  inheritsFromSite: boolean;
  versioning: boolean;
  holders: PermissionHolder[];
  /** The "all staff" group may add here (their own acknowledgements, issue 15): not an outsider on this list. */
  staffMayAdd?: boolean;
}

export type PermissionCheck = { ok: true; lists: ListPermissionState[] } | { ok: false; reason: string };

const SETUP_FIX = message('alarms.permissions.setupFix');

function permissionAlarm(id: Alarm['id'], severity: Alarm['severity'], text: Message, fix: Message = SETUP_FIX): Alarm {
  return { id, severity, message: text, fix, itemIds: [] };
}

const names = (holders: readonly { name: string }[]) => [...new Set(holders.map((h) => h.name))].join(', ');

export function permissionAlarms(check: PermissionCheck, groups: RoleGroups | undefined): Alarm[] {
  if (!check.ok) {
    return [
      permissionAlarm(
        'permissionsUnchecked',
        'warning',
        message('alarms.permissions.unchecked', { reason: check.reason }),
        message('alarms.permissions.uncheckedFix'),
      ),
    ];
  }
  const alarms: Alarm[] = [];
  const writers = new Set([groups?.topManagement, groups?.isb].filter((id): id is string => !!id).map((id) => id.toLowerCase()));
  const auditors = groups?.auditors.toLowerCase();
  for (const list of check.lists) {
    const t = list.title;
    if (list.inheritsFromSite) {
      alarms.push(permissionAlarm('permissionsInherited', 'critical', message('alarms.permissions.inherited', { list: t })));
      continue;
    }
    const staff = list.staffMayAdd ? groups?.allStaff?.toLowerCase() : undefined;
    const outsiders = list.holders.filter(
      (h) =>
        h.canWrite &&
        !(h.entraObjectId && writers.has(h.entraObjectId.toLowerCase())) &&
        !(auditors && h.entraObjectId?.toLowerCase() === auditors) &&
        !(staff && h.entraObjectId?.toLowerCase() === staff && !h.canDelete),
    );
    if (outsiders.length > 0) {
      alarms.push(permissionAlarm('permissionsOutsiderCanWrite', 'critical', message('alarms.permissions.outsiderCanWrite', { list: t, names: names(outsiders) })));
    }
    const writingAuditors = list.holders.filter((h) => h.canWrite && auditors && h.entraObjectId?.toLowerCase() === auditors);
    if (writingAuditors.length > 0) {
      alarms.push(permissionAlarm('permissionsAuditorCanWrite', 'critical', message('alarms.permissions.auditorCanWrite', { list: t })));
    }
    const deleters = list.holders.filter((h) => h.canDelete);
    if (deleters.length > 0) {
      alarms.push(permissionAlarm('permissionsDeleteAllowed', 'critical', message('alarms.permissions.deleteAllowed', { list: t, names: names(deleters) })));
    }
    if (!list.versioning) {
      alarms.push(permissionAlarm('permissionsVersioningOff', 'critical', message('alarms.permissions.versioningOff', { list: t })));
    }
  }
  return alarms;
}
