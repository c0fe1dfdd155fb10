/**
 * The staff acknowledgement evidence source in the demo year (issue 15, "Staff acknowledgement"), through the tab's
 * own acknowledgement service: the ISB publishes the current policy (accepted by its decision records) and the
 * objectives for acknowledgement, then 70 % of the directory group "Alle Mitarbeitenden" (setup's all-staff group)
 * acknowledge it as themselves, signed in as that employee, and every third of them answers the self-check.
 * Idempotent: a policy version already published is not published again, and who already acknowledged it is skipped
 * (the answer is only given together with a new acknowledgement). SharePoint stamps publishing and acknowledgements
 * with the time of the run (no backdating through Graph), so the publication is dated the day the demo is seeded
 * and due 30 days later.
 */
import { isObjective, samePerson, selfCheckChoices, type Publication, type RoleGroups } from '../../src/domain';
import { acknowledge, currentObjectives, currentPolicy, loadReviewTrust, loadStaffView, publishForAcknowledgement } from '../../src/features/acknowledgements/acknowledgementService';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { readRoleGroups } from '../../src/features/setup/settingsStore';
import type { DemoCalendar } from './demoCalendar';
import { signIn, type DemoSession, type DemoTarget } from './demoSession';
import type { SeedCounts } from './uploads';

/** The share of all staff who acknowledged the current policy in the demo year. */
export const DEMO_ACKNOWLEDGED_SHARE = 0.7;

/** The ISB publishes (issue 15: "top management or the ISB"). */
const PUBLISHER_ALIAS = 'jonas.weber';
/** Where the message links staff to (the dev server's tab). */
const TAB_LINK = 'http://localhost:5173/teams/?view=dashboard';
const FALLBACK_OBJECTIVES = ['Phishing-Klickrate unter 5 %', 'Wiederherstellung kritischer Systeme in 24 Stunden', 'Alle Mitarbeitenden jährlich geschult'];
const DISTRACTORS = ['Umsatz im Vertrieb um 20 % steigern', 'Neues Firmenlogo bis Jahresende'];

const aliasOf = (upn: string) => upn.split('@')[0]!;

export async function seedStaffAcknowledgements(cal: DemoCalendar, target: DemoTarget, sessions: Map<string, DemoSession>): Promise<SeedCounts> {
  const counts: SeedCounts = { created: 0, decided: 0 };
  const isb = sessions.get(PUBLISHER_ALIAS) ?? (await signIn(target, PUBLISHER_ALIAS));
  const roleGroups = await readRoleGroups(isb.graph, DEMO_SITE_URL);
  if (!roleGroups?.allStaff) throw new Error('The demo site has no all-staff group: setup-demo.ts passes "Alle Mitarbeitenden" to setup.');
  const publication = await publishOnce(cal, isb, roleGroups, counts);
  const members = (await isb.graph.groups.members(roleGroups.allStaff))
    .map((m) => m.userPrincipalName)
    .filter((upn): upn is string => !!upn)
    .sort();
  const acknowledging = members.slice(0, Math.round(members.length * DEMO_ACKNOWLEDGED_SHARE));
  for (const [index, upn] of acknowledging.entries()) {
    const alias = aliasOf(upn);
    const employee = sessions.get(alias) ?? (await signIn(target, alias));
    const view = await loadStaffView(employee.graph, DEMO_SITE_URL);
    if (view?.records.acknowledgements.some((a) => a.policySha256 === publication.policySha256 && samePerson(a.person, employee.person))) continue;
    await acknowledge(employee.graph, DEMO_SITE_URL, publication, index % 3 === 0 ? { correct: selfCheckAnswer(publication, index) } : undefined);
    counts.created += 1;
  }
  return counts;
}

/** The publication of the current policy version, published by the ISB unless it is already there. */
async function publishOnce(cal: DemoCalendar, isb: DemoSession, roleGroups: RoleGroups, counts: SeedCounts): Promise<Publication> {
  const [evidence, trust] = await Promise.all([isb.evidence.sync(), loadReviewTrust(isb.graph, isb.evidence, roleGroups)]);
  const policy = currentPolicy(evidence, trust);
  if (!policy?.contentSha256) throw new Error('The demo year has no accepted policy to publish for acknowledgement.');
  const existing = (await loadStaffView(isb.graph, DEMO_SITE_URL))?.records.publications.find((p) => p.policySha256 === policy.contentSha256!.toLowerCase());
  if (existing) return existing;
  const objectives = currentObjectives(evidence);
  const { publication } = await publishForAcknowledgement(isb.graph, isb.evidence, DEMO_SITE_URL, {
    dueDate: cal.dayAgo(-30),
    objectives: objectives.length > 0 ? objectives : FALLBACK_OBJECTIVES,
    distractors: DISTRACTORS,
    publisher: isb.person,
    link: TAB_LINK,
    roleGroups,
  });
  counts.created += 1;
  return publication;
}

/** Most pick one of the objectives; every fourth answer is a distractor (the self-check is not perfect). */
function selfCheckAnswer(publication: Publication, index: number): boolean {
  const choices = selfCheckChoices(publication);
  const wrong = index % 4 === 3;
  const picked = choices.find((c) => isObjective(publication, c) !== wrong) ?? choices[0]!;
  return isObjective(publication, picked);
}
