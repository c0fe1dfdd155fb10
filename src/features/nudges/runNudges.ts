/**
 * Sends the due nudges as Teams activity notifications, as the person who opened the dashboard: each to the people
 * who can fix it (never to the sender: Teams refuses a notification to oneself), at most once per alarm, recipient
 * and day (nudgeLog.ts). Failures do not stop the dashboard; they come back for it to show.
 */
import { formatPlainDate, toPlainDate, type Language, type OrganisationPeople, type PersonRef } from '../../domain';
import { GraphError, type TeamworkGateway } from '../../graph';
import { createTranslator, translateMessage } from '../../i18n';
import { nudgeDeepLink } from './deepLink';
import { nudgeKey, type NudgeLog } from './nudgeLog';
import type { Nudge, NudgeKind } from './nudgeRules';

export interface NudgeDeps {
  teamwork: Pick<TeamworkGateway, 'sendActivityNotification'>;
  log: NudgeLog;
  /** The Teams app id (manifest `id`) the deep links open. */
  teamsAppId: string;
  /** Origin the tab is served from (deep link fallback `webUrl`). */
  appUrl: string;
  lang: Language;
  timeZone: string;
}

export interface NudgeOutcome {
  sent: { kind: NudgeKind; to: string }[];
  /** Already sent today (by anyone). */
  alreadySent: number;
  failed: { kind: NudgeKind; to: string; reason: string }[];
  /** The log list is missing: nothing was sent. */
  notSetUp?: true;
}

export async function runNudges(deps: NudgeDeps, input: { nudges: readonly Nudge[]; people: OrganisationPeople; me: PersonRef; now: Date }): Promise<NudgeOutcome> {
  const outcome: NudgeOutcome = { sent: [], alreadySent: 0, failed: [] };
  if (input.nudges.length === 0) return outcome;
  const day = formatPlainDate(toPlainDate(input.now, deps.timeZone));
  const t = createTranslator(deps.lang);
  const preview = (nudge: Nudge) => translateMessage(t, nudge.preview);
  const sent = await deps.log.sentOn(day);
  if (!sent) return { ...outcome, notSetUp: true };
  for (const nudge of input.nudges) {
    const people = nudge.recipients === 'topManagement' ? input.people.topManagement : (input.people.isb ?? []);
    for (const person of people) {
      if (!person.id || person.id === input.me.id) continue;
      const key = nudgeKey(nudge.kind, person.id, day);
      if (sent.has(key)) {
        outcome.alreadySent += 1;
        continue;
      }
      try {
        await deps.teamwork.sendActivityNotification({
          recipient: person.id,
          activityType: nudge.kind,
          topic: { text: 'Chefsache', webUrl: nudgeDeepLink({ teamsAppId: deps.teamsAppId, appUrl: deps.appUrl, section: nudge.section, label: 'Chefsache' }) },
          previewText: preview(nudge),
          templateParameters: nudge.params,
        });
        await deps.log.record(key);
        sent.add(key);
        outcome.sent.push({ kind: nudge.kind, to: person.displayName });
      } catch (error) {
        if (!(error instanceof GraphError) && !(error instanceof Error)) throw error;
        outcome.failed.push({ kind: nudge.kind, to: person.displayName, reason: error.message });
      }
    }
  }
  return outcome;
}
