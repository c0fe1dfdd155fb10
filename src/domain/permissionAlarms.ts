/**
 * Auditor alarms from the permissions SharePoint enforces on Chefsache's lists (the drift check on every
 * dashboard open): who can write, whether inheritance was restored, whether versioning is on.
 */
import type { Alarm } from './alarms';
import type { RoleGroups } from './roles';
import type { Localized } from './text';

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

const SETUP_FIX: Localized = {
  de: 'Ein Websitebesitzer führt die Einrichtung von Chefsache erneut aus (Teams-Tab „Einrichtung“ oder `npm run setup`); sie stellt die Berechtigungen wieder her.',
  en: 'A site owner runs Chefsache setup again (Teams tab "Setup" or `npm run setup`); it restores the permissions.',
};

function permissionAlarm(id: Alarm['id'], severity: Alarm['severity'], message: Localized, fix: Localized = SETUP_FIX): Alarm {
  return { id, severity, message, fix, itemIds: [] };
}

const names = (holders: readonly { name: string }[]) => [...new Set(holders.map((h) => h.name))].join(', ');

export function permissionAlarms(check: PermissionCheck, groups: RoleGroups | undefined): Alarm[] {
  if (!check.ok) {
    return [
      permissionAlarm(
        'permissionsUnchecked',
        'warning',
        { de: `Die Berechtigungen der Nachweislisten konnten nicht geprüft werden: ${check.reason}`, en: `The permissions of the evidence lists could not be checked: ${check.reason}` },
        {
          de: 'Prüfen Sie, ob die App die SharePoint-Berechtigung AllSites.Read hat und Ihre Rolle „Berechtigungen aufzählen“ darf (die Einrichtung vergibt das); sonst lassen Sie die Einrichtung erneut ausführen.',
          en: 'Check that the app has the SharePoint permission AllSites.Read and that your role may "Enumerate permissions" (setup grants it); otherwise have setup run again.',
        },
      ),
    ];
  }
  const alarms: Alarm[] = [];
  const writers = new Set([groups?.topManagement, groups?.isb].filter((id): id is string => !!id).map((id) => id.toLowerCase()));
  const auditors = groups?.auditors.toLowerCase();
  for (const list of check.lists) {
    const t = list.title;
    if (list.inheritsFromSite) {
      alarms.push(permissionAlarm('permissionsInherited', 'critical', {
        de: `„${t}“ erbt wieder die Berechtigungen der Website: alle Mitglieder des Teams können Nachweise ändern und löschen.`,
        en: `"${t}" inherits the site's permissions again: every team member can change and delete evidence.`,
      }));
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
      alarms.push(permissionAlarm('permissionsOutsiderCanWrite', 'critical', {
        de: `In „${t}“ können auch andere als Geschäftsführung und ISB schreiben: ${names(outsiders)}.`,
        en: `In "${t}" others than top management and the ISB can write: ${names(outsiders)}.`,
      }));
    }
    const writingAuditors = list.holders.filter((h) => h.canWrite && auditors && h.entraObjectId?.toLowerCase() === auditors);
    if (writingAuditors.length > 0) {
      alarms.push(permissionAlarm('permissionsAuditorCanWrite', 'critical', {
        de: `Auditoren können in „${t}“ schreiben; ihre Prüfung ist dann nicht mehr unabhängig.`,
        en: `Auditors can write in "${t}"; their audit is then no longer independent.`,
      }));
    }
    const deleters = list.holders.filter((h) => h.canDelete);
    if (deleters.length > 0) {
      alarms.push(permissionAlarm('permissionsDeleteAllowed', 'critical', {
        de: `In „${t}“ dürfen Elemente oder Versionen gelöscht werden: ${names(deleters)}.`,
        en: `In "${t}" items or versions may be deleted: ${names(deleters)}.`,
      }));
    }
    if (!list.versioning) {
      alarms.push(permissionAlarm('permissionsVersioningOff', 'critical', {
        de: `In „${t}“ ist die Versionierung ausgeschaltet: Änderungen hinterlassen keine Spur.`,
        en: `Versioning is off in "${t}": changes leave no trace.`,
      }));
    }
  }
  return alarms;
}
