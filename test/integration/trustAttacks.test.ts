/**
 * Issue 11 "Done when": every attack replayed against the demo site after the app's own setup. Each is either refused
 * by SharePoint/Entra (status asserted, nothing changed) or plainly flagged BOTH in the dashboard (alarms) and in the
 * binder (history flags, unreadable entries, minutes flags in the manifest).
 */
import { sha256Hex, type Alarm } from '../../src/domain';
import { EvidenceProvisioningError } from '../../src/features/evidence/errors';
import { openEvidenceStore } from '../../src/features/evidence/openEvidenceStore';
import { loadPanel } from '../../src/features/panel/loadPanel';
import { loadPanelAccess } from '../../src/features/panel/access';
import { COL, FEATURE_SCOPES, GraphError, LIST_NAMES } from '../../src/graph';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { ISMS_SITE_URL, JONAS, KATRIN, mailCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';
import { sessionFor, signedPolicy, type Session } from './trustAttacksHarness';
import { z } from 'zod';
import { domainText } from '../../src/domain/domainText';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../../src/i18n';

const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

let emulator: RunningEmulator;
let katrin: Session; // CEO (top management)
let jonas: Session; // ISB
let petra: Session; // auditor
const ids: Record<string, string> = {};
const START = '2026-02-10T09:00:00.000Z';

const alarmIds = (alarms: readonly Alarm[]) => alarms.map((a) => a.id);
async function dashboardAlarms(session: Session) {
  const data = await session.dashboard();
  if (!data.visible || data.storeLost) throw new Error('dashboard not visible');
  return data.model.readiness.alarms;
}
async function binderFlags(session: Session, itemId: string) {
  const binder = await session.binder();
  return { binder, flags: binder.entries.find((e) => e.item.id === itemId)?.history?.flags.map((f) => f.kind) ?? [] };
}
const refused = (error: unknown) => (error instanceof GraphError ? error.status : error);

beforeAll(async () => {
  emulator = await startSetUpEmulator();
  [katrin, jonas, petra] = await Promise.all([sessionFor(emulator, 'katrin.berger', KATRIN), sessionFor(emulator, 'jonas.weber', JONAS), sessionFor(emulator, 'petra.pruefer')]);
  // The ISB captures a mail and a signed policy; the CEO accepts both. The CEO captures a policy of her own.
  const mail = await jonas.evidence.capture(mailCapture('attack-mail'));
  const policy = await jonas.evidence.capture(signedPolicy('attacked'));
  const own = await katrin.evidence.capture(signedPolicy('own'));
  for (const [key, result] of [['mail', mail], ['policy', policy], ['own', own]] as const) {
    if (result.status !== 'created') throw new Error(result.status);
    ids[key] = result.item.id;
  }
  for (const key of ['mail', 'policy']) {
    const item = await katrin.evidence.get(ids[key]!);
    await katrin.evidence.review(item.id, item.etag, { status: 'accepted', comment: 'Passt.' }, KATRIN);
  }
  // Minutes of a review, signed by the CEO over all evidence as it is now.
  await jonas.reviews.saveMinutes(START, { participants: [{ displayName: 'Katrin Berger', upn: upn('katrin.berger'), topManagement: true }], inputs: { a: '', b: '', c: '', d: '', e: '', f: '', g: 'Budget 10.000 EUR' } });
  await katrin.reviews.sign(START, 'de');
  await new Promise((r) => setTimeout(r, 1100)); // later changes get a later second than the signature
}, EMULATOR_START_TIMEOUT_MS * 2);
afterAll(async () => emulator?.stop());

test('after setup nothing is flagged: no drift, no irregularity, nothing unreadable', async () => {
  const alarms = alarmIds(await dashboardAlarms(petra));
  for (const id of ['permissionsInherited', 'permissionsOutsiderCanWrite', 'evidenceReviewIrregular', 'evidenceUnreadable', 'minutesChangedAfterSignature'] as const) expect(alarms).not.toContain(id);
  const { binder, flags } = await binderFlags(petra, ids.policy!);
  expect(flags).toEqual([]);
  expect(binder.manifest).toMatchObject({ unreadableCount: 0, flaggedCount: 0 });
});

test('staff reads or edits evidence: refused, also after joining the team', async () => {
  const anna = await sessionFor(emulator, 'anna.mueller');
  const site = await katrin.graph.sites.fromWebUrl(ISMS_SITE_URL);
  const list = await katrin.graph.lists.get(site.id, LIST_NAMES.evidence);
  const attempt = async () => {
    expect([403, 404]).toContain(refused(await anna.graph.lists.get(site.id, LIST_NAMES.evidence).catch((e: unknown) => e)));
    expect([403, 404]).toContain(refused(await anna.graph.listItems.forList(site.id, list.id).updateFields(ids.mail!, { Title: 'von Anna' }, '*').catch((e: unknown) => e)));
    expect(await anna.dashboard()).toMatchObject({ visible: false });
  };
  await attempt();
  // The team's owner (IT) adds Anna to the team: she is a site member now, but setup removed members from Chefsache's lists.
  const lukas = await emulator.token('lukas.schneider', ['GroupMember.ReadWrite.All', 'GroupMember.Read.All']);
  const [team] = await katrin.graph.groups.find('ISMS Muster GmbH');
  const annaId = (await anna.graph.users.me()).id;
  const added = await fetch(`${emulator.graphUrl}/groups/${team!.id}/members/$ref`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lukas}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${annaId}` }),
  });
  expect(added.status).toBe(204);
  expect((await anna.graph.sites.fromWebUrl(ISMS_SITE_URL)).id).toBe(site.id); // she can open the site now
  await attempt();
  expect((await katrin.evidence.get(ids.mail!)).title).not.toBe('von Anna');
});

test('an auditor edits: refused through Graph and SharePoint REST', async () => {
  const site = await petra.graph.sites.fromWebUrl(ISMS_SITE_URL);
  const list = await petra.graph.lists.get(site.id, LIST_NAMES.evidence);
  const items = petra.graph.listItems.forList(site.id, list.id);
  expect(refused(await items.updateFields(ids.mail!, { Title: 'vom Prüfer' }, '*').catch((e: unknown) => e))).toBe(403);
  // By REST: give himself edit rights on the list, delete an old version.
  const grant = await petra.restPost(`/web/lists/getbytitle('${encodeURIComponent(LIST_NAMES.evidence)}')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`);
  expect(grant.status).toBe(403);
  expect(grant.body).toContain('System.UnauthorizedAccessException');
  const versions = await petra.restPost(`/web/lists/getbytitle('${encodeURIComponent(LIST_NAMES.evidence)}')/items(${ids.mail})/versions/deletebyid(vid=512)`);
  expect(versions.status).toBe(403);
  expect((await petra.evidence.get(ids.mail!)).title).toBe('Mail der Geschäftsführung attack-mail');
});

test('someone deletes a version: SharePoint REST refuses even the CEO (no DeleteVersions), the history stays', async () => {
  const before = (await listItemVersions(katrin, ids.policy!)).map((v) => v.id);
  expect(before.length).toBeGreaterThan(1);
  for (const session of [katrin, jonas]) {
    const answer = await session.restPost(`/web/lists/getbytitle('${encodeURIComponent(LIST_NAMES.evidence)}')/items(${ids.policy})/versions/deletebyid(vid=512)`);
    expect(answer.status).toBe(403);
    const all = await session.restPost(`/web/lists/getbytitle('${encodeURIComponent(LIST_NAMES.evidence)}')/items(${ids.policy})/versions/deleteall`);
    expect(all.status).toBe(403);
  }
  expect((await listItemVersions(katrin, ids.policy!)).map((v) => v.id)).toEqual(before);
});

async function listItemVersions(session: Session, itemId: string) {
  const location = await session.evidence.location();
  return session.graph.versions.listItemVersions(location.siteId, location.listId, itemId);
}

test('the CEO replaces a file and patches its hash: flagged in dashboard and binder', async () => {
  const location = await katrin.evidence.location();
  const item = await katrin.evidence.get(ids.policy!);
  const forged = new TextEncoder().encode('%PDF-1.4 nachträglich geändert');
  await katrin.graph.pipeline.json(
    { method: 'PUT', url: `/drives/${location.driveId}/items/${item.contentItemId}/content`, headers: { 'Content-Type': 'application/pdf' }, body: { bytes: forged, contentType: 'application/pdf' }, scopes: FEATURE_SCOPES.files },
    z.unknown(),
  );
  const items = katrin.graph.listItems.forList(location.siteId, location.listId);
  const raw = await items.get(item.id, { select: [COL.contentSha256] });
  await items.updateFields(item.id, { [COL.contentSha256]: await sha256Hex(forged) }, raw.etag);

  const irregular = (await dashboardAlarms(petra)).find((a) => a.id === 'evidenceReviewIrregular');
  expect(irregular?.itemIds).toContain(ids.policy);
  expect(domainText(irregular!.message, 'de')).toMatch(/Nach der Annahme geändert/);
  expect(domainText(irregular!.message, 'en')).toMatch(/Changed after acceptance/);
  const { binder, flags } = await binderFlags(petra, ids.policy!);
  expect(flags).toEqual(expect.arrayContaining(['fileChangedAfterCapture', 'changedAfterAcceptance', 'changedAfterSignature']));
  expect(binder.manifest.flaggedCount).toBeGreaterThan(0);
});

test('the CEO forges an acceptance ("accepted by the ISB") on her own item: flagged in dashboard and binder', async () => {
  const location = await katrin.evidence.location();
  const item = await katrin.evidence.get(ids.own!);
  const forged = { ...item, reviewStatus: 'accepted' as const, reviewer: JONAS, reviewedAt: new Date().toISOString() };
  await katrin.graph.evidence.saveReview(location, item.id, forged, item.etag);
  expect((await petra.evidence.get(ids.own!)).reviewStatus).toBe('accepted'); // what the item claims

  const irregular = (await dashboardAlarms(petra)).find((a) => a.id === 'evidenceReviewIrregular');
  expect(irregular?.itemIds).toContain(ids.own);
  expect(domainText(irregular!.message, 'de')).toMatch(/ohne Entscheidungsnachweis/);
  expect((await binderFlags(petra, ids.own!)).flags).toContain('reviewWithoutDecision');
});

test('someone edits signed minutes in the reviews list: flagged in dashboard, binder and the reviews section', async () => {
  const site = await jonas.graph.sites.fromWebUrl(ISMS_SITE_URL);
  const list = await jonas.graph.lists.get(site.id, LIST_NAMES.reviews);
  const client = jonas.graph.listItems.forList(site.id, list.id);
  const minutes = (await jonas.reviews.overview()).minutes[START]!;
  const edited = { ...minutes.value, inputs: { ...minutes.value.inputs, g: 'Budget 50.000 EUR' } };
  await client.updateFields(minutes.itemId, { Payload: JSON.stringify(edited) }, minutes.etag);

  expect((await jonas.reviews.overview()).signatureChecks[START]).toMatchObject({ valid: false, flags: ['changedAfterSignature'] });
  const alarm = (await dashboardAlarms(petra)).find((a) => a.id === 'minutesChangedAfterSignature');
  expect(domainText(alarm!.message, 'de')).toMatch(/Nach der Unterschrift geändert/);
  expect(domainText(alarm!.message, 'en')).toMatch(/Changed after signature/);
  const { binder } = await binderFlags(petra, ids.mail!);
  expect(binder.manifest.minutesFlagged).toEqual([{ occurrenceStart: START, flags: ['changedAfterSignature'] }]);
});

test('someone renames a group to "Geschäftsführung" (or creates one and joins it): no role', async () => {
  const lukas = await emulator.token('lukas.schneider', ['Group.ReadWrite.All', 'GroupMember.ReadWrite.All']);
  const call = (method: string, path: string, body: unknown) =>
    fetch(`${emulator.graphUrl}${path}`, { method, headers: { Authorization: `Bearer ${lukas}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const created = await call('POST', '/groups', { displayName: 'IT-Projekt', mailNickname: 'itprojekt', mailEnabled: false, securityEnabled: true });
  expect(created.status).toBe(201);
  const group = (await created.json()) as { id: string };
  const lukasId = (await (await sessionFor(emulator, 'lukas.schneider')).graph.users.me()).id;
  expect((await call('POST', `/groups/${group.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${lukasId}` })).status).toBe(204);
  expect((await call('PATCH', `/groups/${group.id}`, { displayName: 'Geschäftsführung' })).status).toBe(204);
  expect((await katrin.graph.groups.find('Geschäftsführung')).map((g) => g.id)).toContain(group.id);

  const lukasSession = await sessionFor(emulator, 'lukas.schneider');
  // Lukas owns the team (site collection admin), so he reads the settings: the role groups by id give him no role.
  const access = await loadPanelAccess(lukasSession.graph, ISMS_SITE_URL);
  expect(access.roles).toEqual(['staff']);
  expect(access.permissions).toMatchObject({ maySignMinutes: false, mayReview: false, maySeePanel: false });
  expect(await lukasSession.dashboard()).toMatchObject({ visible: false });
});

test('someone opens the tab in another team: nothing provisioned there, the error explains', async () => {
  const other = 'https://mustergmbh.sharepoint.com/sites/Vertrieb';
  const store = openEvidenceStore({ graph: katrin.graph, config: { auth: 'emulator', emulatorUrl: emulator.url, graphBaseUrl: emulator.graphUrl }, host: { teamSiteUrl: other } });
  for (const attempt of [store.provision(), store.capture(mailCapture('elsewhere')), store.sync()]) {
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceProvisioningError);
    expect(words(error as EvidenceProvisioningError, 'de')).toContain(`nur in ${ISMS_SITE_URL}`);
    expect(words(error as EvidenceProvisioningError, 'en')).toContain(`only in ${ISMS_SITE_URL}`);
  }
  const root = await katrin.graph.sites.fromWebUrl('https://mustergmbh.sharepoint.com');
  expect(refused(await katrin.graph.lists.get(root.id, LIST_NAMES.evidence).catch((e: unknown) => e))).toBe(404);
});

test('someone corrupts an item’s JSON: unreadable with its reason in panel, dashboard and binder', async () => {
  const location = await jonas.evidence.location();
  const items = jonas.graph.listItems.forList(location.siteId, location.listId);
  const raw = await items.get(ids.mail!, { select: [COL.details] });
  await items.updateFields(ids.mail!, { [COL.details]: '{"v":1,kaputt' }, raw.etag);

  const panel = await loadPanel(petra.graph, petra.evidence, ISMS_SITE_URL);
  if (!panel.visible) throw new Error('panel not visible');
  expect(panel.items.map((i) => i.id)).not.toContain(ids.mail);
  const inWords = panel.unreadable.map((u) => ({ ...u, reason: { de: domainText(u.reason, 'de'), en: domainText(u.reason, 'en') } }));
  expect(inWords).toEqual([expect.objectContaining({ id: ids.mail, reason: { de: expect.stringContaining('kein JSON'), en: expect.stringContaining('not JSON') } })]);
  const alarm = (await dashboardAlarms(petra)).find((a) => a.id === 'evidenceUnreadable');
  expect(alarm?.itemIds).toEqual([ids.mail]);
  const binder = await petra.binder();
  expect(binder.unreadable.map((u) => u.id)).toEqual([ids.mail]);
  expect(binder.manifest.unreadableCount).toBe(1);
});
