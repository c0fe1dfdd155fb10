/**
 * Delegated Microsoft Graph permissions, one table for the whole app: gateways declare them per
 * request (always through this table, never as literals), the MSAL provider asks for what a request
 * declares (incremental consent), and docs/deployment.md lists them for consent. Unit tests keep the
 * three in step: every entry is requested by some gateway call, and the guide lists exactly these.
 * Each entry is the least privileged permission Graph documents for the calls that use it.
 */
export const FEATURE_SCOPES = {
  /** Sign-in, own profile (/me), organization name (/organization), object ids of own groups (/me/memberOf?$select=id: roles). */
  profile: ['User.Read'],
  /** Find people (top management, ISB) by name: /users search. */
  directory: ['User.ReadBasic.All'],
  /**
   * Who is in the role groups today (chosen by object id at setup): the readiness dashboard's alarms "policy
   * signed by someone no longer in management" and "ISB left"; setup's group search and group type.
   */
  groupMembers: ['GroupMember.Read.All'],
  /** Read the evidence register (SharePoint list items) and documents on the ISMS site. */
  evidenceRead: ['Sites.Read.All'],
  /** Create and update evidence items on the ISMS site. */
  evidenceWrite: ['Sites.ReadWrite.All'],
  /** First-run setup: create the evidence lists and their columns on the ISMS site. */
  provisioning: ['Sites.Manage.All'],
  /**
   * Upload evidence documents (mail as .eml, PDF minutes) into the ISMS site's document library.
   * Sites.ReadWrite.All covers site drives; Files.ReadWrite.All would add the user's OneDrive too.
   */
  files: ['Sites.ReadWrite.All'],
  /**
   * Read the user's own mail: the sweep over Sent Items (delta with categories, then one message with body and
   * internet headers) and "save as evidence" in read mode (the MIME text, `$value`). Nothing is written.
   */
  mail: ['Mail.Read'],
  /** Publishing the policy to staff (issue 15): the publisher's short message to the all-staff group, as the publisher. */
  announce: ['Mail.Send'],
  /** Schedule the management review (calendar event with a Teams meeting). */
  calendar: ['Calendars.ReadWrite'],
  /** Find the Teams meeting of a review from its join link (/me/onlineMeetings?$filter=JoinWebUrl). */
  meetings: ['OnlineMeetings.Read'],
  /** Attendance report of the review meeting (who of top management took part). */
  meetingAttendance: ['OnlineMeetingArtifact.Read.All'],
  /** Transcript of the review meeting, as input for the minutes. */
  meetingTranscripts: ['OnlineMeetingTranscript.Read.All'],
  /** Follow-up actions from the management review as To Do tasks in the owner's own list. */
  tasks: ['Tasks.ReadWrite'],
  /** Nudges: a Teams activity feed notification to the person who can fix a readiness alarm. */
  activityFeed: ['TeamsActivity.Send'],
  /**
   * Optional: apply the tenant's record label to signed minutes and accepted evidence (driveItem setRetentionLabel).
   * Learn: "Sites.FullControl.All is the least privileged permission required to change retention labels that
   * classify the content as records". Asked for only by that call (incremental consent); admin consent.
   */
  recordLabels: ['Sites.FullControl.All'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Delegated SharePoint permissions (resource `https://<tenant>.sharepoint.com`, Microsoft Learn "SharePoint
 * delegated permissions"): SharePoint's REST API, used where Graph v1.0 has no equivalent (list permissions).
 * They are qualified with the SharePoint origin per request (`sharePointScopes`), so MSAL and the emulator
 * issue a token for SharePoint's audience; one token request never mixes them with Graph scopes (Entra refuses
 * scopes of more than one resource, AADSTS28000). docs/deployment.md lists them in their own table.
 */
export const SHAREPOINT_SCOPES = {
  /** Drift check on every dashboard open: read inheritance, versioning and role assignments of the lists. */
  permissionsRead: ['AllSites.Read'],
  /**
   * Setup by a site owner: break inheritance, create permission levels, grant and remove role assignments,
   * turn versioning on. Managing permissions needs full control (AllSites.Manage does not cover it).
   */
  siteSetup: ['AllSites.FullControl'],
} as const satisfies Record<string, readonly string[]>;

/** `https://contoso.sharepoint.com` + `AllSites.Read` → `https://contoso.sharepoint.com/AllSites.Read`. */
export function sharePointScopes(sharePointOrigin: string, scopes: readonly string[]): string[] {
  const origin = new URL(sharePointOrigin).origin;
  return scopes.map((scope) => `${origin}/${scope}`);
}
