/**
 * Retention labels where the tenant has them (issue 11), against the emulator: the tenant defines a record label,
 * setup is run with it, accepting evidence and signing minutes apply it to the files, and Purview then refuses a
 * later content change (423), even from the CEO. Without consent for Sites.FullControl.All the decision stays and
 * the label is reported "not applied" with the reason.
 */
import { z } from 'zod';
import { loadDashboard } from '../../src/features/dashboard/loadDashboard';
import { submitReview } from '../../src/features/panel/reviewAction';
import { createReviewsService } from '../../src/features/reviews/reviewsService';
import { readSettings } from '../../src/features/setup/settingsStore';
import { DEMO_ROLE_GROUP_NAMES, DEMO_SITE_OWNER, runSetupCli } from '../../src/features/setup/setupCli';
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import type { GraphGateways, TokenProvider } from '../../src/graph';
import type { PersonRef } from '../../src/domain';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, KATRIN, mailCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';

const LABEL = 'Unterschriebener Nachweis';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startSetUpEmulator();
  await emulator.admin('PUT', '/compliance/retention-labels', [{ name: LABEL, behaviorDuringRetentionPeriod: 'retainAsRecord', retentionDays: 3650 }]);
  const result = await runSetupCli({
    siteUrl: ISMS_SITE_URL,
    groups: { ...DEMO_ROLE_GROUP_NAMES },
    recordLabel: LABEL,
    dryRun: false,
    emulatorUrl: emulator.url,
    adminSecret: emulator.adminSecret,
    user: DEMO_SITE_OWNER,
  });
  expect(result.steps).toContainEqual({ kind: 'writeSetting', key: 'recordLabel' });
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

const KATRIN_REVIEWER = { person: KATRIN, roles: ['topManagement' as const] };

function session(user: string, person: PersonRef, tokenProvider?: TokenProvider) {
  const graph = gatewaysFor(emulator, user, tokenProvider);
  const evidence = browser(emulator).store(user, person, { graph });
  return { graph, evidence };
}

async function replaceContent(graph: GraphGateways, driveId: string, itemId: string): Promise<unknown> {
  return graph.pipeline.json({ method: 'PUT', url: `/drives/${driveId}/items/${itemId}/content`, body: { bytes: new TextEncoder().encode('ausgetauscht'), contentType: 'text/plain' }, scopes: ['Sites.ReadWrite.All'] }, z.unknown());
}

it('setup stored the record label; an acceptance applies it and the file can no longer be replaced', async () => {
  const jonas = session('jonas.weber', JONAS);
  expect((await readSettings(jonas.graph, ISMS_SITE_URL)).recordLabel).toEqual({ name: LABEL });
  const created = await jonas.evidence.capture(mailCapture('labelled'));
  if (created.status !== 'created') throw new Error(created.status);

  const katrin = session('katrin.berger', KATRIN);
  const outcome = await submitReview(katrin.evidence, await katrin.evidence.get(created.item.id), { status: 'accepted', comment: '' }, KATRIN_REVIEWER);
  expect(outcome).toMatchObject({ kind: 'saved', recordLabel: { state: 'applied', name: LABEL } });

  const { driveId } = await katrin.evidence.location();
  const label = await katrin.graph.versions.retentionLabel(driveId, created.item.contentItemId!);
  expect(label).toMatchObject({ name: LABEL, isRecordLocked: true });
  await expect(replaceContent(katrin.graph, driveId, created.item.contentItemId!)).rejects.toMatchObject({ status: 423 });
});

it('signing minutes applies the label to the signed PDF', async () => {
  const start = '2026-02-10T09:00:00.000Z';
  const jonas = session('jonas.weber', JONAS);
  const katrin = session('katrin.berger', KATRIN);
  const service = (s: ReturnType<typeof session>) =>
    createReviewsService({ graph: s.graph, evidence: s.evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  await service(jonas).saveMinutes(start, { participants: [{ displayName: 'Katrin Berger', upn: upn('katrin.berger'), topManagement: true }] });
  const signed = await service(katrin).sign(start, 'de');
  expect(signed.recordLabel).toEqual({ state: 'applied', name: LABEL });

  const pdf = await katrin.evidence.get(signed.value.signature!.evidenceId!);
  const { driveId } = await katrin.evidence.location();
  expect(await katrin.graph.versions.retentionLabel(driveId, pdf.contentItemId!)).toMatchObject({ name: LABEL, isRecordLocked: true });
  await expect(replaceContent(katrin.graph, driveId, pdf.contentItemId!)).rejects.toMatchObject({ status: 423 });
});

it('without consent for Sites.FullControl.All the acceptance stays and the label is "not applied", with the reason', async () => {
  const jonas = session('jonas.weber', JONAS);
  const created = await jonas.evidence.capture(mailCapture('no-consent'));
  if (created.status !== 'created') throw new Error(created.status);

  const base = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: upn('katrin.berger') });
  const refusing: TokenProvider = {
    getToken: async (scopes, options) => {
      if (scopes.includes('Sites.FullControl.All')) throw new Error('AADSTS65001: The user or administrator has not consented to use the application.');
      return base.getToken(scopes, options);
    },
  };
  const katrin = session('katrin.berger', KATRIN, refusing);
  const outcome = await submitReview(katrin.evidence, await katrin.evidence.get(created.item.id), { status: 'accepted', comment: '' }, KATRIN_REVIEWER);
  expect(outcome).toMatchObject({ kind: 'saved', recordLabel: { state: 'notApplied', name: LABEL, reason: expect.stringContaining('AADSTS65001') } });
  expect(await katrin.evidence.decisions(created.item.id)).toHaveLength(1);
  const { driveId } = await katrin.evidence.location();
  expect(await katrin.graph.versions.retentionLabel(driveId, created.item.contentItemId!)).toBeUndefined();
});

it('the dashboard shows the label status: configured, and how many accepted or signed files carry it', async () => {
  const katrin = session('katrin.berger', KATRIN);
  const data = await loadDashboard(katrin.graph, katrin.evidence, { siteUrl: ISMS_SITE_URL });
  if (!data.visible || data.storeLost) throw new Error('dashboard not visible');
  expect(data.recordLabel).toMatchObject({ configured: true, name: LABEL });
  const status = data.recordLabel as { labelled: number; total: number };
  // The accepted mail and the signed PDF carry it; the acceptance without consent does not.
  expect(status.labelled).toBeGreaterThanOrEqual(2);
  expect(status.total - status.labelled).toBeGreaterThanOrEqual(1);
});
