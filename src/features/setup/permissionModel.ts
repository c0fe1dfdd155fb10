/**
 * The permission model Chefsache's setup gives its lists (CONTRACT of issue 11): three permission levels and,
 * per list, which role group gets which level. Everyone else is removed; inheritance is broken; versioning on.
 */
import type { ChefsacheList, PermissionKind } from '../../graph';

export type LevelKey = 'contributeNoDelete' | 'addOnly' | 'readAndCheck' | 'readAll' | 'staffRead' | 'staffAddOwn';
export type RoleGroupKey = 'topManagement' | 'isb' | 'auditors';

/** SharePoint's built-in "Read" level (Learn "User permissions and permission levels in SharePoint"). */
const READ: PermissionKind[] = [
  'ViewListItems', 'OpenItems', 'ViewVersions', 'ViewFormPages', 'Open', 'ViewPages', 'CreateSSCSite',
  'BrowseUserInfo', 'UseClientIntegration', 'UseRemoteAPIs', 'CreateAlerts',
];
/** SharePoint's built-in "Contribute" level. */
const CONTRIBUTE: PermissionKind[] = [
  ...READ, 'AddListItems', 'EditListItems', 'DeleteListItems', 'DeleteVersions', 'ManagePersonalViews',
  'BrowseDirectories', 'AddDelPrivateWebParts', 'UpdatePersonalWebParts', 'EditMyUserInfo',
];

export interface LevelDefinition {
  name: string;
  description: string;
  permissions: PermissionKind[];
}

export const PERMISSION_LEVELS: Record<LevelKey, LevelDefinition> = {
  contributeNoDelete: {
    name: 'Chefsache – Beitragen ohne Löschen',
    description: 'Chefsache: Elemente hinzufügen und bearbeiten, nichts löschen, keine Versionen löschen.',
    permissions: [...CONTRIBUTE.filter((k) => k !== 'DeleteListItems' && k !== 'DeleteVersions'), 'EnumeratePermissions'],
  },
  addOnly: {
    name: 'Chefsache – Nur hinzufügen',
    description: 'Chefsache: Elemente nur hinzufügen (Entscheidungen, Unterschriften), nicht bearbeiten oder löschen.',
    permissions: [
      'ViewListItems', 'AddListItems', 'OpenItems', 'ViewVersions', 'Open', 'ViewPages', 'ViewFormPages', 'BrowseUserInfo',
      'UseRemoteAPIs', 'UseClientIntegration', 'EnumeratePermissions',
    ],
  },
  readAndCheck: {
    name: 'Chefsache – Lesen und prüfen',
    description: 'Chefsache: lesen und die Berechtigungen prüfen (Auditoren).',
    permissions: [...READ, 'EnumeratePermissions'],
  },
  // Issue 15, staff acknowledgement. The acknowledgement list lets users read only their own items (ReadSecurity=2);
  // "Override List Behaviors" (SPBasePermissions.CancelCheckout) lifts that for top management, ISB and auditors.
  readAll: {
    name: 'Chefsache – Alle lesen und prüfen',
    description: 'Chefsache: alle Kenntnisnahmen lesen (auch fremde) und die Berechtigungen prüfen, nichts ändern.',
    permissions: [...READ, 'EnumeratePermissions', 'CancelCheckout'],
  },
  staffRead: {
    name: 'Chefsache – Mitarbeitende lesen',
    description: 'Chefsache: Mitarbeitende lesen, was zur Kenntnisnahme veröffentlicht wurde.',
    permissions: [...READ],
  },
  staffAddOwn: {
    name: 'Chefsache – Mitarbeitende bestätigen',
    description: 'Chefsache: Mitarbeitende fügen ihre eigene Kenntnisnahme hinzu und lesen nur ihre eigene.',
    permissions: ['ViewListItems', 'AddListItems', 'OpenItems', 'Open', 'ViewPages', 'ViewFormPages', 'BrowseUserInfo', 'UseRemoteAPIs', 'UseClientIntegration'],
  },
};

/** Who gets which level on which list. */
export const LIST_GRANTS: Record<ChefsacheList, Record<RoleGroupKey, LevelKey>> = {
  evidence: { topManagement: 'contributeNoDelete', isb: 'contributeNoDelete', auditors: 'readAndCheck' },
  library: { topManagement: 'contributeNoDelete', isb: 'contributeNoDelete', auditors: 'readAndCheck' },
  reviews: { topManagement: 'contributeNoDelete', isb: 'contributeNoDelete', auditors: 'readAndCheck' },
  decisions: { topManagement: 'addOnly', isb: 'addOnly', auditors: 'readAndCheck' },
  signatures: { topManagement: 'addOnly', isb: 'readAndCheck', auditors: 'readAndCheck' },
  settings: { topManagement: 'readAndCheck', isb: 'readAndCheck', auditors: 'readAndCheck' },
  // Whoever opens the dashboard records the nudges it sent (features/nudges); nobody edits or deletes the log.
  nudges: { topManagement: 'addOnly', isb: 'addOnly', auditors: 'readAndCheck' },
  publications: { topManagement: 'addOnly', isb: 'addOnly', auditors: 'readAndCheck' },
  acknowledgements: { topManagement: 'readAll', isb: 'readAll', auditors: 'readAll' },
};

/**
 * What the "all staff" group (chosen at setup, optional) gets: read what was published, add their own acknowledgement,
 * and read the settings (which groups hold which role: object ids, nothing secret), so the tab can tell a staff member
 * "no access" from "not set up here" (SharePoint hides an unreadable list exactly like a missing one).
 */
export const STAFF_GRANTS: Partial<Record<ChefsacheList, LevelKey>> = { publications: 'staffRead', acknowledgements: 'staffAddOwn', settings: 'staffRead' };

/**
 * Item-level permissions (list advanced settings; REST `ReadSecurity`/`WriteSecurity`): 2 = only items the user
 * created. Staff read and change only their own acknowledgement; top management, ISB and auditors read all through
 * their level's "Override List Behaviors".
 */
export const ITEM_LEVEL_SECURITY: Partial<Record<ChefsacheList, { read: 1 | 2; write: 1 | 2 | 4 }>> = { acknowledgements: { read: 2, write: 2 } };

/** Permissions that change content or permissions: whoever holds one of these "can write". */
export const WRITE_KINDS: readonly PermissionKind[] = [
  'AddListItems', 'EditListItems', 'DeleteListItems', 'DeleteVersions', 'ApproveItems', 'CancelCheckout',
  'ManageLists', 'ManagePermissions', 'ManageWeb', 'AddAndCustomizePages',
];
export const DELETE_KINDS: readonly PermissionKind[] = ['DeleteListItems', 'DeleteVersions'];
