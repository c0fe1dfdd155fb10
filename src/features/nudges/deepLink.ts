/**
 * The Teams deep link a nudge opens: the personal tab (`entityId` "dashboard" of the manifest's staticTabs) with
 * the section as `subEntityId` in the context, and the tab's own URL for that section as `webUrl` (the fallback
 * Teams uses where it cannot render the tab). Format: Learn "Deep link to an application" / "Deep links to tabs":
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context={"subEntityId":…}`.
 */
export const PERSONAL_TAB_ENTITY_ID = 'dashboard';

export function nudgeDeepLink(input: { teamsAppId: string; appUrl: string; section: string; label: string }): string {
  const tabUrl = new URL('/teams/', input.appUrl);
  tabUrl.searchParams.set('view', input.section);
  const params = new URLSearchParams({ webUrl: tabUrl.toString(), label: input.label, context: JSON.stringify({ subEntityId: input.section }) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(input.teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?${params.toString()}`;
}

/** The section a deep link names (its context's subEntityId), or null. */
export function sectionOfDeepLink(link: string): string | null {
  try {
    const context = new URL(link).searchParams.get('context');
    const parsed = context ? (JSON.parse(context) as { subEntityId?: unknown }) : {};
    return typeof parsed.subEntityId === 'string' ? parsed.subEntityId : null;
  } catch {
    return null;
  }
}
