/**
 * Delegated permissions per route, in one place, as in Graph's permission tables:
 * a route is allowed when the token's `scp` holds ANY of the listed scopes.
 * Route modules reference these constants (`permissions.sitesRead`), or build their own with
 * `anyOf(...)`; a route with a 403 that differs from the directory's wording passes `denied`.
 */
export interface Permission {
  /** Any one of these delegated scopes allows the call. */
  anyOf: readonly string[];
  /** The 403 error when none is present. Default: Authorization_RequestDenied. */
  denied?: { code: string; message: string };
}

export const DIRECTORY_DENIED = {
  code: 'Authorization_RequestDenied',
  message: 'Insufficient privileges to complete the operation.',
} as const;

/** SharePoint and OneDrive answer a missing permission with accessDenied. */
export const SHAREPOINT_DENIED = {
  code: 'accessDenied',
  message: 'Access denied',
} as const;

/** Exchange (calendar, mail) answers a missing permission with ErrorAccessDenied. */
export const OUTLOOK_DENIED = {
  code: 'ErrorAccessDenied',
  message: 'Access is denied. Check credentials and try again.',
} as const;

export function anyOf(scopes: readonly string[], denied?: { code: string; message: string }): Permission {
  if (scopes.length === 0) throw new Error('A permission needs at least one scope.');
  return denied ? { anyOf: scopes, denied } : { anyOf: scopes };
}

export function isAllowed(permission: Permission, grantedScopes: readonly string[]): boolean {
  const granted = new Set(grantedScopes.map((s) => s.toLowerCase()));
  return permission.anyOf.some((s) => granted.has(s.toLowerCase()));
}

const sitesRead = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const sitesWrite = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const sitesManage = ['Sites.Manage.All', 'Sites.FullControl.All'];
const filesRead = ['Files.Read.All', 'Files.ReadWrite.All', ...sitesRead];
const filesWrite = ['Files.ReadWrite.All', ...sitesWrite];

export const permissions = {
  /** GET /me */
  me: anyOf(['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET /users, GET /users/{id} */
  usersRead: anyOf(['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET /organization */
  organizationRead: anyOf(['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET /me/memberOf, /users/{id}/memberOf (Graph's table lists User.Read as least privileged) */
  memberOf: anyOf(['User.Read', 'GroupMember.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET /groups, GET /groups/{id} */
  groupsRead: anyOf(['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET /groups/{id}/members */
  groupMembersRead: anyOf(['GroupMember.Read.All', 'Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
  /** GET sites, lists, items, columns */
  sitesRead: anyOf(sitesRead, SHAREPOINT_DENIED),
  /** POST/PATCH/DELETE list items */
  itemsWrite: anyOf(sitesWrite, SHAREPOINT_DENIED),
  /** POST lists, POST columns */
  listsManage: anyOf(sitesManage, SHAREPOINT_DENIED),
  /** GET drives, drive items, content */
  filesRead: anyOf(filesRead, SHAREPOINT_DENIED),
  /** PUT content, DELETE drive items */
  filesWrite: anyOf(filesWrite, SHAREPOINT_DENIED),
  /** GET /me/events, /me/calendarView, instances (Outlook calendar) */
  calendarsRead: anyOf(['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'], OUTLOOK_DENIED),
  /** POST/PATCH/DELETE /me/events, cancel */
  calendarsWrite: anyOf(['Calendars.ReadWrite'], OUTLOOK_DENIED),
  /** GET /me/onlineMeetings */
  onlineMeetingsRead: anyOf(['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite']),
  /** GET .../attendanceReports, .../attendanceRecords */
  meetingArtifactsRead: anyOf(['OnlineMeetingArtifact.Read.All']),
  /** GET .../transcripts, .../content */
  meetingTranscriptsRead: anyOf(['OnlineMeetingTranscript.Read.All']),
  /** GET /me/todo/... */
  tasksRead: anyOf(['Tasks.Read', 'Tasks.ReadWrite']),
  /** POST/PATCH/DELETE /me/todo/... */
  tasksWrite: anyOf(['Tasks.ReadWrite']),
  /** GET /me/messages, mail folders, delta (Mail.ReadBasic: no body, no headers) */
  mailReadBasic: anyOf(['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'], OUTLOOK_DENIED),
  /** GET body, internetMessageHeaders, /$value */
  mailRead: anyOf(['Mail.Read', 'Mail.ReadWrite'], OUTLOOK_DENIED),
  /** PATCH /me/messages/{id} */
  mailWrite: anyOf(['Mail.ReadWrite'], OUTLOOK_DENIED),
  /** POST /me/sendMail */
  mailSend: anyOf(['Mail.Send'], OUTLOOK_DENIED),
  /** GET /me/outlook/masterCategories */
  mailboxSettingsRead: anyOf(['MailboxSettings.Read', 'MailboxSettings.ReadWrite'], OUTLOOK_DENIED),
  /** POST/PATCH/DELETE /me/outlook/masterCategories */
  mailboxSettingsWrite: anyOf(['MailboxSettings.ReadWrite'], OUTLOOK_DENIED),
} as const;

/**
 * SharePoint Online's delegated scopes (Learn, "SharePoint delegated permissions" / the Office 365
 * SharePoint Online API in Entra: AllSites.Read, AllSites.Write, AllSites.Manage, AllSites.FullControl),
 * requested resource-qualified: `https://<tenant>.sharepoint.com/AllSites.FullControl`.
 */
export const SHAREPOINT_DELEGATED_SCOPES: readonly string[] = ['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'];

const allSitesRead = ['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'];
const allSitesWrite = ['AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'];
const allSitesManage = ['AllSites.Manage', 'AllSites.FullControl'];

/** SharePoint REST (`<site>/_api/...`): which SharePoint scope a call needs (any of), besides the user's own permissions on the site. */
export const sharePointPermissions = {
  /** Reading webs, lists, users, groups, role definitions, role assignments, effective permissions. */
  read: anyOf(allSitesRead, SHAREPOINT_DENIED),
  /** ensureuser (adds the user to the site's User Information List). */
  write: anyOf(allSitesWrite, SHAREPOINT_DENIED),
  /** List settings (EnableVersioning, ReadSecurity, WriteSecurity). */
  manage: anyOf(allSitesManage, SHAREPOINT_DENIED),
  /** Role definitions, role assignments, breaking and resetting inheritance. */
  fullControl: anyOf(['AllSites.FullControl'], SHAREPOINT_DENIED),
} as const;

/**
 * Scopes a demo token gets when the caller names none: every delegated scope the app uses
 * (FEATURE_SCOPES in src/graph/scopes.ts), nothing more. Routes the app does not call (sendMail,
 * PATCH messages, master categories, ...) need a token that names their scopes.
 */
export const DEFAULT_DEMO_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadBasic.All',
  'GroupMember.Read.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Mail.Read',
  'Calendars.ReadWrite',
  'OnlineMeetings.Read',
  'OnlineMeetingArtifact.Read.All',
  'OnlineMeetingTranscript.Read.All',
  'Tasks.ReadWrite',
  'TeamsActivity.Send',
];
