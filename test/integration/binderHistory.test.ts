/**
 * Issue 11 on the emulator: the CEO replaces a signed policy's file and patches its hash. The
 * binder, reading Graph's list-item and driveItem versions, flags the change after capture and
 * after the signature, names who did it, and shows the record label on the untouched file.
 */
import { strToU8 } from 'fflate';
import { sha256Hex } from '../../src/domain';
import { evidenceDigest, type BinderRecords, type SignedEntry } from '../../src/features/binder/binderRecords';
import { exportBinder } from '../../src/features/binder/exportBinder';
import { historySourceFor } from '../../src/features/binder/historySource';
import { COL, FEATURE_SCOPES } from '../../src/graph';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { browser, gatewaysFor, JONAS, policyCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

it('flags a file replaced and its hash patched after signing, with who and when; shows the record label', async () => {
  const store = browser(emulator).store('jonas.weber', JONAS);
  const withFile = (id: string, date: string) => ({
    ...policyCapture(id, date),
    content: { fileName: `Leitlinie ${id}.pdf`, contentType: 'application/pdf', bytes: strToU8(`%PDF-1.4 Leitlinie ${id}`) },
  });
  await store.captureMany([withFile('a', '2026-01-05T10:00:00Z'), withFile('b', '2026-01-10T10:00:00Z')]);
  const [a, b] = (await store.sync()).sort((x, y) => x.title.localeCompare(y.title));
  const jonas = gatewaysFor(emulator, 'jonas.weber');
  const loc = await store.location();

  // The minutes are signed over both items as they are now.
  const entries: SignedEntry[] = [];
  for (const item of [a!, b!]) {
    const [current] = await jonas.versions.listItemVersions(loc.siteId, loc.listId, item.id);
    entries.push({ itemId: item.id, version: current!.id, contentSha256: item.contentSha256! });
  }
  const signedAt = new Date().toISOString();
  const records: BinderRecords = {
    decisionsFor: async () => [],
    signatures: async () => [{ id: '1', signedAt, signedBy: 'Katrin Berger', evidenceDigest: await evidenceDigest(entries), evidenceCount: 2, entries }],
  };

  expect(a!.contentItemId).toBeDefined();
  // A record label on a's file.
  await emulator.admin('PUT', '/compliance/retention-labels', [{ name: 'Unterschriebener Nachweis', behaviorDuringRetentionPeriod: 'retainAsRecord', retentionDays: 3650 }]);
  const owner = gatewaysFor(emulator, 'jonas.weber', { getToken: () => emulator.token('jonas.weber', ['Sites.FullControl.All']) });
  await owner.pipeline.json(
    { method: 'PATCH', url: `/drives/${loc.driveId}/items/${a!.contentItemId}/retentionLabel`, body: { json: { name: 'Unterschriebener Nachweis' } }, scopes: ['Sites.FullControl.All'] },
    (await import('zod')).z.unknown(),
  );

  // Later, Katrin replaces b's bytes and patches the hash to match.
  await new Promise((r) => setTimeout(r, 1100));
  const katrin = gatewaysFor(emulator, 'katrin.berger');
  const forged = strToU8('%PDF-1.4 nachträglich geändert');
  await katrin.pipeline.json(
    { method: 'PUT', url: `/drives/${loc.driveId}/items/${b!.contentItemId}/content`, headers: { 'Content-Type': 'application/pdf' }, body: { bytes: forged, contentType: 'application/pdf' }, scopes: FEATURE_SCOPES.files },
    (await import('zod')).z.unknown(),
  );
  const items = katrin.listItems.forList(loc.siteId, loc.listId);
  const raw = await items.get(b!.id, { select: [COL.contentSha256] });
  await items.updateFields(b!.id, { [COL.contentSha256]: await sha256Hex(forged) }, raw.etag);

  const binder = await exportBinder({
    sink: { write: () => undefined },
    store,
    history: historySourceFor(jonas, store)!,
    records,
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-12-31T23:59:59Z'),
    company: 'Muster GmbH',
    lang: 'de',
    timeZone: 'Europe/Berlin',
    now: new Date(),
  });
  const entryA = binder.entries.find((e) => e.item.id === a!.id)!;
  const entryB = binder.entries.find((e) => e.item.id === b!.id)!;
  expect(entryA.history?.flags).toEqual([]);
  expect(entryA.history?.retentionLabel).toMatchObject({ name: 'Unterschriebener Nachweis', isRecordLocked: true });
  expect(entryB.hashMismatch).toBe(false); // the hash was patched to match: only the history tells
  expect(entryB.history?.flags.map((f) => f.kind)).toEqual(['itemChangedAfterCapture', 'fileChangedAfterCapture', 'changedAfterSignature']);
  expect(entryB.history?.flags[0]).toMatchObject({ by: 'Katrin Berger', fields: [COL.contentSha256] });
  expect(entryB.history?.flags[1]).toMatchObject({ by: 'Katrin Berger' });
  expect(binder.signatureCheck).toMatchObject({ digestOk: true, removedIds: [] });
});
