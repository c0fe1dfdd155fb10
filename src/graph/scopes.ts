/**
 * Delegated Microsoft Graph permissions, one place, least privilege per call (Graph's permission tables).
 * Gateways declare these per request; the MSAL provider and the manifest/consent docs list them.
 */
export const graphScopes = {
  /** /me, /me/memberOf, /organization: the signed-in user's profile, groups and company name. */
  userRead: ['User.Read'],
  /** /users/{id}, /users?$search: pick people (basic profile of other users). */
  usersReadBasic: ['User.ReadBasic.All'],
  /** Sites, lists, columns, list items and library files: read evidence. */
  sitesRead: ['Sites.Read.All'],
  /** Create, update, delete list items: record evidence. */
  sitesReadWrite: ['Sites.ReadWrite.All'],
  /** Create lists and add columns: set up the evidence register once. */
  sitesManage: ['Sites.Manage.All'],
  /** Upload files to a document library: store evidence documents. */
  filesReadWrite: ['Files.ReadWrite.All'],
} as const satisfies Record<string, readonly string[]>;

/** Every scope the app may request (for consent). */
export const allGraphScopes: readonly string[] = [...new Set(Object.values(graphScopes).flat())];
