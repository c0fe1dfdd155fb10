/**
 * The demo year (scripts/demo): seeded through Chefsache's own services against a fresh, set-up emulator, the
 * dashboard's own load function shows a realistic company, not an empty one and not a perfect one; a second run
 * adds nothing.
 */
import { loadAcknowledgementStatus, loadReviewTrust } from '../../src/features/acknowledgements/acknowledgementService';
import { loadDashboard, type DashboardData } from '../../src/features/dashboard/loadDashboard';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { minutesStatus } from '../../src/features/reviews/minutes';
import { readRoleGroups } from '../../src/features/setup/settingsStore';
import { signIn, type DemoSession } from '../../scripts/demo/demoSession';
import { seedDemoYear } from '../../scripts/demo/seedDemoYear';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';
import { domainText } from '../../src/domain/domainText';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

const DAY = 86_400_000;

async function dashboardAs(alias: string): Promise<Extract<DashboardData, { model: unknown }>> {
  const session = await signIn({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret }, alias);
  const data = await loadDashboard(session.graph, session.evidence, { siteUrl: DEMO_SITE_URL });
  if (!data.visible || data.storeLost) throw new Error('the dashboard shows no readiness');
  return data;
}

/** The acknowledgement figures as the dashboard's card computes them, for this user. */
async function acknowledgementsAs(session: DemoSession) {
  const roleGroups = await readRoleGroups(session.graph, DEMO_SITE_URL);
  const [evidence, trust] = await Promise.all([session.evidence.sync(), loadReviewTrust(session.graph, session.evidence, roleGroups)]);
  const loaded = await loadAcknowledgementStatus(session.graph, evidence, DEMO_SITE_URL, roleGroups, new Date(), trust);
  return loaded!.status!;
}

describe('the demo year', () => {
  it('opens the dashboard at a realistic score with the alarms of a real year; a second run adds nothing', async () => {
    const target = { emulatorUrl: emulator.url, adminSecret: emulator.adminSecret };
    const first = await seedDemoYear(target);
    expect(first.created).toBeGreaterThan(15);
    expect(first.heldReviews).toHaveLength(3);

    const { model } = await dashboardAs('katrin.berger');
    const { score } = model.readiness;
    if (process.env.DEMO_YEAR_DEBUG) console.log(score, model.readiness.alarms.map((a) => domainText(a.message, 'en')), model.readiness.checklist.map((c) => `${c.id}: ${c.state}`));
    expect(score).toBeGreaterThanOrEqual(30);
    expect(score).toBeLessThanOrEqual(85);
    const alarms = model.readiness.alarms.map((a) => a.id);
    // One missing progress report: the objectives have none from the last quarter.
    expect(alarms).toContain('objectiveWithoutProgress');
    expect(domainText(model.readiness.alarms.find((a) => a.id === 'objectiveWithoutProgress')!.message, 'de')).toContain('Sicherheitsziele');
    // The CEO's last mail to all staff is older than 90 days: the Outlook journey of the demo fixes this one.
    expect(alarms).toContain('ceoCommunicationMissing');
    // A booked series, a signed policy, an appointed ISB, a budget for this year: none of these alarms.
    for (const fine of ['policyMissing', 'policyOutdated', 'reviewNotScheduled', 'reviewMinutesMissing', 'isbMissing', 'budgetMissing', 'trainingMissing', 'auditReportMissing', 'objectivesMissing']) {
      expect(alarms).not.toContain(fine);
    }
    // The policy, signed eleven months ago, is about to go stale: accepted for less than 45 more days.
    const policy = model.readiness.checklist.find((c) => c.evidence.some((e) => e.item.type === 'securityPolicy'))!;
    expect(policy.state).toBe('accepted');
    expect(policy.acceptedUntil!.getTime() - Date.now()).toBeGreaterThan(0);
    expect(policy.acceptedUntil!.getTime() - Date.now()).toBeLessThan(45 * DAY);
    // A mix of accepted, waiting, rejected and stale evidence.
    const katrin = await signIn(target, 'katrin.berger');
    const items = await katrin.evidence.sync();
    const statuses = new Set(items.map((i) => i.reviewStatus));
    expect([...statuses].sort()).toEqual(['accepted', 'pending', 'rejected']);
    expect(items.some((i) => i.reviewStatus === 'accepted' && i.expiresAt !== undefined && i.expiresAt !== null && Date.parse(i.expiresAt) < Date.now())).toBe(true);

    // Three held reviews: two minutes signed, the latest waits for the CEO's signature.
    const reviews = await katrin.reviews().overview();
    const held = first.heldReviews.map((start) => minutesStatus(reviews.minutes[start]!.value));
    expect(held).toEqual(['signed', 'signed', 'draft']);
    expect(reviews.upcoming.length).toBeGreaterThan(0);

    // Staff acknowledgement: the ISB published the signed policy, 70 % of all staff acknowledged it, some took the self-check.
    const acks = await acknowledgementsAs(katrin);
    expect(acks.publication.policyTitle).toBe('Informationssicherheitsleitlinie der Muster GmbH');
    expect(acks.publication.publishedBy?.displayName).toBe('Jonas Weber');
    expect(acks.staffCount).toBeGreaterThan(10);
    expect(Math.abs(acks.share - 0.7)).toBeLessThanOrEqual(0.5 / acks.staffCount);
    expect(acks.selfCheck.answers).toBeGreaterThan(0);
    expect(acks.selfCheck.correct).toBeGreaterThan(0);
    expect(acks.selfCheck.correct).toBeLessThan(acks.selfCheck.answers);
    expect(acks.alarms.map((a) => a.id)).not.toContain('acknowledgementStale');

    const sentItems = async () => (await katrin.graph.mail.folderDelta('sentitems')).messages.length;
    const sentBefore = await sentItems();
    const second = await seedDemoYear(target);
    expect(second).toMatchObject({ created: 0, decided: 0, heldReviews: first.heldReviews });
    expect(await katrin.evidence.sync()).toHaveLength(items.length);
    expect(await sentItems()).toBe(sentBefore);
    expect((await katrin.reviews().overview()).artifacts[first.heldReviews[0]!]).toMatchObject({ sessions: 1 });
    expect((await dashboardAs('katrin.berger')).model.readiness.score).toBe(score);
    const acksAgain = await acknowledgementsAs(katrin);
    expect({ publication: acksAgain.publication.id, acknowledged: acksAgain.acknowledged.length, answers: acksAgain.selfCheck.answers }).toEqual({
      publication: acks.publication.id,
      acknowledged: acks.acknowledged.length,
      answers: acks.selfCheck.answers,
    });
  }, 120_000);
});
