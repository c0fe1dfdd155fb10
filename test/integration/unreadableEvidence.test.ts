/**
 * Issue 11, "nothing disappears": an evidence item someone broke in SharePoint (its JSON column
 * edited by hand) is neither dropped nor shown from an old cached copy: the store reports it as
 * unreadable, with the reason in German and English and its raw fields, in sync and in queries.
 */
import { domainText } from '../../src/domain';
import { COL } from '../../src/graph';
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

describe('an item whose fields no longer validate', () => {
  it('shows up as unreadable in sync and query with reason and raw fields, and comes back when repaired', async () => {
    const profile = browser(emulator);
    const store = profile.store('jonas.weber', JONAS);
    await store.captureMany([policyCapture('a'), policyCapture('b')]);
    const before = await store.sync();
    expect(before).toHaveLength(2);
    const victim = before.find((i) => i.title.endsWith(' b'))!;

    // Someone edits the hidden JSON column directly in SharePoint.
    const graph = gatewaysFor(emulator, 'jonas.weber');
    const location = await store.location();
    const items = graph.listItems.forList(location.siteId, location.listId);
    const raw = await items.get(victim.id, { select: [COL.details] });
    const goodDetails = raw.fields[COL.details];
    await items.updateFields(victim.id, { [COL.details]: '{"v":1,<script>alert(1)</script>' }, raw.etag);

    const reopened = profile.store('jonas.weber', JONAS);
    const after = await reopened.sync();
    expect(after.map((i) => i.id)).toEqual([before.find((i) => i !== victim)!.id]);
    const unreadable = (await reopened.unreadable()).map((u) => ({ ...u, reason: { de: domainText(u.reason, 'de'), en: domainText(u.reason, 'en') } }));
    expect(unreadable).toEqual([
      expect.objectContaining({
        id: victim.id,
        reason: { de: expect.stringContaining('ist kein JSON'), en: expect.stringContaining('is not JSON') },
        fields: expect.objectContaining({ [COL.details]: '{"v":1,<script>alert(1)</script>', [COL.title]: victim.title }),
      }),
    ]);

    const page = await reopened.query({ effectiveFrom: '2025-01-01T00:00:00Z', effectiveTo: '2025-12-31T23:59:59Z' });
    expect(page.items).toHaveLength(1);
    expect(page.unreadable?.map((u) => u.id)).toEqual([victim.id]);

    const current = await items.get(victim.id, { select: [COL.details] });
    await items.updateFields(victim.id, { [COL.details]: goodDetails }, current.etag);
    expect(await reopened.sync()).toHaveLength(2);
    expect(await reopened.unreadable()).toEqual([]);
  });
});
