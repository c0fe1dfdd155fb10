/**
 * Decisions and signatures that cannot be forged (issue 11), against a real emulator: an accept
 * writes a decision record whose createdBy SharePoint sets; an acceptance patched into the item,
 * or a file hash patched after acceptance, is flagged; signing writes a signature record with the
 * evidence digest; minutes changed after signing are flagged.
 */
import { evidenceItemDigest, evidenceSetDigest, latestValidSignatures, parseSignedEvidenceLine, sha256Hex, trustedReview, type SignedEvidenceEntry } from '../../src/domain';
import type { EvidenceStore } from '../../src/features/evidence/evidenceStore';
import { loadReviewPeople } from '../../src/features/reviews/people';
import { canonicalContent } from '../../src/features/reviews/minutes';
import { createReviewsService } from '../../src/features/reviews/reviewsService';
import { reviewMembership, signatureRecords } from '../../src/features/reviews/signatureRecords';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, KATRIN, mailCapture, policyCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';
import type { PersonRef } from '../../src/domain';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
  await emulator.reset();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

function session(user: string, person: PersonRef) {
  const graph = gatewaysFor(emulator, user);
  const evidence = browser(emulator).store(user, person);
  const service = createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  return { graph, evidence, service };
}

async function membership() {
  const graph = gatewaysFor(emulator, 'katrin.berger');
  return reviewMembership(graph, await loadReviewPeople(graph, ISMS_SITE_URL));
}

async function trusted(store: EvidenceStore, id: string) {
  const item = await store.get(id);
  return trustedReview(item, (await store.decisions(id)) ?? [], await membership());
}

describe('decision records', () => {
  it('an accept writes a decision record first: SharePoint says who decided, the record pins hash, digest and version', async () => {
    const jonas = session('jonas.weber', JONAS);
    const created = await jonas.evidence.capture(mailCapture('decided'));
    if (created.status !== 'created') throw new Error(created.status);
    const katrin = session('katrin.berger', KATRIN);
    const before = await katrin.evidence.get(created.item.id);
    expect(before.version).toBe('1.0');
    expect(before.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    await katrin.evidence.review(before.id, before.etag, { status: 'accepted', comment: 'Passt.' }, KATRIN);
    const decisions = await katrin.evidence.decisions(before.id);
    expect(decisions).toHaveLength(1);
    expect(decisions![0]).toMatchObject({
      evidenceItemId: before.id,
      decision: 'accepted',
      comment: 'Passt.',
      contentSha256: before.contentSha256,
      itemDigest: evidenceItemDigest(before),
      evidenceVersion: '1.0',
      createdBy: { displayName: 'Katrin Berger', email: upn('katrin.berger') },
    });
    expect(await trusted(jonas.evidence, before.id)).toMatchObject({ status: 'accepted', flags: [] });
  });

  it('a file hash patched after the acceptance is flagged and no longer counts as accepted', async () => {
    const jonas = session('jonas.weber', JONAS);
    const created = await jonas.evidence.capture(mailCapture('patched-hash'));
    if (created.status !== 'created') throw new Error(created.status);
    const katrin = session('katrin.berger', KATRIN);
    const accepted = await katrin.evidence.review(created.item.id, created.item.etag, { status: 'accepted' }, KATRIN);

    // The CEO replaces the bytes and patches the hash in the list item (she can edit the list).
    const location = await katrin.evidence.location();
    await katrin.graph.listItems.forList(location.siteId, location.listId).updateFields(accepted.id, { ContentSha256: 'f'.repeat(64) }, accepted.etag);
    expect(await trusted(jonas.evidence, accepted.id)).toMatchObject({ status: 'pending', flags: ['changedAfterAcceptance'] });
  });

  it('an acceptance the CEO writes into her own item ("accepted by the ISB") has no decision record and is flagged', async () => {
    const katrin = session('katrin.berger', KATRIN);
    const created = await katrin.evidence.capture(policyCapture('forged'));
    if (created.status !== 'created') throw new Error(created.status);
    const location = await katrin.evidence.location();
    const forged = { ...created.item, reviewStatus: 'accepted' as const, reviewer: JONAS, reviewedAt: new Date().toISOString() };
    await katrin.graph.evidence.saveReview(location, created.item.id, forged, created.item.etag);
    expect((await katrin.evidence.get(created.item.id)).reviewStatus).toBe('accepted');
    expect(await trusted(katrin.evidence, created.item.id)).toMatchObject({ status: 'pending', flags: ['noDecisionRecord'] });

    // Adding a decision record herself does not help: it is her own evidence.
    const fresh = await katrin.evidence.get(created.item.id);
    await katrin.graph.records.addDecision(ISMS_SITE_URL, { evidenceItemId: fresh.id, decision: 'accepted', itemDigest: evidenceItemDigest(fresh) });
    expect(await trusted(katrin.evidence, created.item.id)).toMatchObject({ status: 'pending', flags: ['noDecisionRecord', 'ownEvidence'] });
  });

  it('refuses to write createdBy: the service sets who created a record', async () => {
    const jonas = session('jonas.weber', JONAS);
    const site = await jonas.graph.sites.fromWebUrl(ISMS_SITE_URL);
    const list = await jonas.graph.lists.get(site.id, 'Chefsache Entscheidungen');
    const client = jonas.graph.listItems.forList(site.id, list.id);
    await expect(client.create({ Title: 'x', EvidenceItemId: '1', Decision: 'accepted', ItemDigest: 'a'.repeat(64), Author: 'Jonas Weber' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('signature records', () => {
  const start = '2026-02-10T09:00:00.000Z';
  const katrinParticipant = { displayName: 'Katrin Berger', upn: upn('katrin.berger'), topManagement: true };

  it('signing writes a signature record with the evidence digest; a later change is flagged and needs a new signature', async () => {
    const jonas = session('jonas.weber', JONAS);
    await jonas.service.saveMinutes(start, { participants: [katrinParticipant], inputs: { a: '', b: '', c: '', d: '', e: '', f: '', g: 'Budget 10.000 EUR' } });
    const katrin = session('katrin.berger', KATRIN);
    const atSigning = await katrin.evidence.sync();
    const signed = await katrin.service.sign(start, 'de');
    const signature = signed.value.signature!;
    expect(signature.recordId).toBeDefined();

    const { records } = await signatureRecords(katrin.graph, ISMS_SITE_URL);
    const record = records.find((r) => r.id === signature.recordId)!;
    expect(record).toMatchObject({
      occurrenceStart: start,
      minutesVersion: 1,
      minutesSha256: await sha256Hex(canonicalContent(signed.value)),
      pdfEvidenceId: signature.evidenceId,
      evidenceDigest: signature.evidenceDigest,
      evidenceCount: atSigning.length,
      createdBy: { displayName: 'Katrin Berger' },
    });
    const entries = record.entries!.map(parseSignedEvidenceLine) as SignedEvidenceEntry[];
    expect(entries.map((e) => e.id).sort()).toEqual(atSigning.map((i) => i.id).sort());
    expect(evidenceSetDigest(entries).digest).toBe(record.evidenceDigest);
    expect(latestValidSignatures((await signatureRecords(katrin.graph, ISMS_SITE_URL)).records, await membership()).get(start)?.id).toBe(record.id);

    const overview = await jonas.service.overview();
    expect(overview.signatureChecks[start]).toMatchObject({ valid: true, flags: [], superseded: false });

    // The ISB changes the minutes through the app: a new version, the old signature no longer covers it.
    await jonas.service.saveMinutes(start, { inputs: { a: '', b: '', c: '', d: '', e: '', f: '', g: 'Budget 50.000 EUR' } });
    const after = await jonas.service.overview();
    expect(after.minutes[start]!.value.version).toBe(2);
    expect(after.signatureChecks[start]).toMatchObject({ valid: false, version: 1, superseded: true, flags: ['changedAfterSignature'] });
  });

  it('minutes edited behind the app, signature left in place, are flagged as changed after signature', async () => {
    const other = '2026-05-12T08:00:00.000Z';
    const jonas = session('jonas.weber', JONAS);
    await jonas.service.saveMinutes(other, { participants: [katrinParticipant] });
    const katrin = session('katrin.berger', KATRIN);
    const signed = await katrin.service.sign(other, 'de');

    const site = await katrin.graph.sites.fromWebUrl(ISMS_SITE_URL);
    const list = await katrin.graph.lists.get(site.id, 'Chefsache Protokolle');
    const client = katrin.graph.listItems.forList(site.id, list.id);
    const edited = { ...signed.value, decisions: [{ kind: 'improvement', text: 'Nachträglich eingefügt', passages: [] }] };
    await client.updateFields(signed.itemId, { Payload: JSON.stringify(edited) }, signed.etag);

    const overview = await jonas.service.overview();
    expect(overview.signatureChecks[other]).toMatchObject({ valid: false, superseded: false, flags: ['changedAfterSignature'] });
  });
});
