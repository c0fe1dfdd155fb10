/**
 * Delegated Microsoft Graph permissions, per feature. Each call asks only for its feature's scopes
 * (incremental consent): a user who never schedules a review is never asked for calendar access.
 * docs/deployment.md lists the same permissions with the reason for each (a unit test keeps the two
 * in step); choices follow the "least privileged" column of Microsoft's Graph API reference.
 */
export const FEATURE_SCOPES = {
  /** Sign-in, own profile (/me), organization name (/organization), own group memberships (/me/memberOf). */
  profile: ['User.Read'],
  /** Find people (top management, ISB) by name: /users search. */
  directory: ['User.ReadBasic.All'],
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
  /** Tag captured mails with the "Chefsache" category through Graph (/me/messages/{id}). */
  mail: ['Mail.ReadWrite'],
  /** Create the "Chefsache" category in the user's master category list. */
  mailCategories: ['MailboxSettings.ReadWrite'],
  /** Send the management review invitation and minutes by mail. */
  mailSend: ['Mail.Send'],
  /** Schedule the management review (calendar event with a Teams meeting). */
  calendar: ['Calendars.ReadWrite'],
  /** Find the Teams meeting of a review from its join link (/me/onlineMeetings?$filter=JoinWebUrl). */
  meetings: ['OnlineMeetings.Read'],
  /** Attendance report of the review meeting (who of top management took part). */
  meetingAttendance: ['OnlineMeetingArtifact.Read.All'],
  /** Transcript of the review meeting, as input for the minutes. */
  meetingTranscripts: ['OnlineMeetingTranscript.Read.All'],
  /** Follow-up actions from the management review as To Do / Planner tasks. */
  tasks: ['Tasks.ReadWrite'],
} as const satisfies Record<string, readonly string[]>;

export type Feature = keyof typeof FEATURE_SCOPES;

/**
 * The scopes of the first token request after the app loads. They must equal
 * `webApplicationInfo.nestedAppAuthInfo[0].scopes` in manifest/manifest.json, in the same order,
 * or Teams cannot hand over the token it prefetched.
 */
export const SIGN_IN_SCOPES: readonly string[] = FEATURE_SCOPES.profile;

/** The union of the features' scopes, without duplicates (case-insensitive), in first-seen order. */
export function scopesFor(...features: readonly Feature[]): string[] {
  return normalizeScopes(features.flatMap((feature) => FEATURE_SCOPES[feature]));
}

/** Every delegated permission the app can ask for: what an admin consents to up front. */
export function allDelegatedScopes(): string[] {
  return normalizeScopes(Object.values(FEATURE_SCOPES).flat());
}

/** Trims, drops empty entries and duplicates (Graph scopes are case-insensitive); keeps the order. */
export function normalizeScopes(scopes: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of scopes) {
    const scope = raw.trim();
    const key = scope.toLowerCase();
    if (scope === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(scope);
  }
  return out;
}
