/**
 * The demo year (scripts/demo): seeded through Chefsache's own services against a fresh, set-up emulator, the
 * dashboard's own load function shows a realistic company, not an empty one and not a perfect one; a second run
 * adds nothing.
 */
import { loadDashboard, type DashboardData } from '../../src/features/dashboard/loadDashboard';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { minutesStatus } from '../../src/features/reviews/minutes';
import { signIn } from '../../scripts/demo/demoSession';
import { seedDemoYear } from '../../scripts/demo/seedDemoYear';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

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

describe('the demo year', () => {
  it('opens the dashboard at a realistic score with the alarms of a real year; a second run adds nothing', async () => {
    const target = { emulatorUrl: emulator.url, adminSecret: emulator.adminSecret };
    const first = await seedDemoYear(target);
    expect(first.created).toBeGreaterThan(15);
    expect(first.heldReviews).toHaveLength(3);

    const { model } = await dashboardAs('katrin.berger');
    const { score } = model.readiness;
    if (process.env.DEMO_YEAR_DEBUG) console.log(score, model.readiness.alarms.map((a) => a.message.en), model.readiness.checklist.map((c) => `${c.id}: ${c.state}`));
    expect(score).toBeGreaterThanOrEqual(30);
    expect(score).toBeLessThanOrEqual(85);
    const alarms = model.readiness.alarms.map((a) => a.id);
    // One missing progress report: the objectives have none from the last quarter.
    expect(alarms).toContain('objectiveWithoutProgress');
    expect(model.readiness.alarms.find((a) => a.id === 'objectiveWithoutProgress')!.message.de).toContain('Sicherheitsziele');
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

    const sentItems = async () => (await katrin.graph.mail.folderDelta('sentitems')).messages.length;
    const sentBefore = await sentItems();
    const second = await seedDemoYear(target);
    expect(second).toMatchObject({ created: 0, decided: 0, heldReviews: first.heldReviews });
    expect(await katrin.evidence.sync()).toHaveLength(items.length);
    expect(await sentItems()).toBe(sentBefore);
    expect((await katrin.reviews().overview()).artifacts[first.heldReviews[0]!]).toMatchObject({ sessions: 1 });
    expect((await dashboardAs('katrin.berger')).model.readiness.score).toBe(score);
  }, 120_000);
});
