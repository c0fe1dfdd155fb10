/**
 * The dashboard's hook: after the readiness model is built, the person who opened it (top management or the ISB)
 * sends the nudges that are due to the others (loadDashboard's `nudges` option). Reads the unsigned minutes from
 * the reviews list and counts the evidence waiting for review from the model.
 */
import type { Language, OrganisationPeople, PersonRef, Readiness, Role } from '../../domain';
import type { GraphGateways } from '../../graph';
import { createReviewRecords } from '../reviews/reviewRecords';
import { createNudgeLog } from './nudgeLog';
import { dueNudges } from './nudgeRules';
import { runNudges, type NudgeOutcome } from './runNudges';

/** Chefsache's own Teams app id (manifest/render.mjs DEFAULT_APP_ID), used when CHEFSACHE_APP_ID is not set. */
export const DEFAULT_TEAMS_APP_ID = 'bb6ed4e8-3f3c-493c-a6b9-d2f7e6fb4c4a';

export interface DashboardNudgeContext {
  readiness: Readiness;
  people: OrganisationPeople;
  me: PersonRef;
  roles: readonly Role[];
  now: Date;
}

export interface DashboardNudgeOptions {
  graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems' | 'teamwork'>;
  siteUrl: string;
  teamsAppId?: string;
  appUrl: string;
  lang: Language;
  timeZone?: string;
}

export function pendingEvidenceCount(readiness: Readiness): number {
  const ids = new Set<string>();
  for (const entry of readiness.checklist) for (const e of [...entry.evidence, ...entry.supporting]) if (e.standing === 'pending') ids.add(e.item.id ?? e.item.sourceKey);
  return ids.size;
}

/**
 * One run at a time per page and site: two loads started together (React's double effect in development, a quick
 * reload) share the first run instead of both reading an empty log and notifying twice.
 */
const inFlight = new Map<string, Promise<NudgeOutcome | undefined>>();

/** `undefined` for people who do not send nudges (auditors read only). */
export function dashboardNudges(options: DashboardNudgeOptions) {
  return (ctx: DashboardNudgeContext): Promise<NudgeOutcome | undefined> => {
    const key = `${options.siteUrl}|${ctx.me.id ?? ctx.me.upn ?? ''}`;
    const running = inFlight.get(key);
    if (running) return running;
    const run = runOnce(options, ctx).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  };
}

async function runOnce(options: DashboardNudgeOptions, ctx: DashboardNudgeContext): Promise<NudgeOutcome | undefined> {
    if (!ctx.roles.includes('topManagement') && !ctx.roles.includes('isb')) return undefined;
    const minutes = await createReviewRecords(options.graph, options.siteUrl).allMinutes();
    const unsignedMinutes = minutes.filter((m) => !m.value.signature && new Date(m.value.occurrenceStart) < ctx.now).map((m) => m.value.occurrenceStart);
    const nudges = dueNudges({ readiness: ctx.readiness, now: ctx.now, unsignedMinutes, pendingEvidence: pendingEvidenceCount(ctx.readiness) });
    return runNudges(
      {
        teamwork: options.graph.teamwork,
        log: createNudgeLog(options.graph, options.siteUrl),
        teamsAppId: options.teamsAppId ?? DEFAULT_TEAMS_APP_ID,
        appUrl: options.appUrl,
        lang: options.lang,
        timeZone: options.timeZone ?? 'Europe/Berlin',
      },
      { nudges, people: ctx.people, me: ctx.me, now: ctx.now },
    );
}
