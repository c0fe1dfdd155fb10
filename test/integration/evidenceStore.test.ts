import { sha256Hex } from '../../src/domain';
import type { Alarm } from '../../src/domain';
import { EvidenceProvisioningError, EvidenceStoreLostError, ReviewConflictError } from '../../src/features/evidence/errors';
import { loadDashboard } from '../../src/features/dashboard/loadDashboard';
import { createEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
import { EVIDENCE_LIBRARY_NAME, EVIDENCE_LIST_NAME, COL } from '../../src/graph';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { writeDemoRoleSettings } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, KATRIN, mailCapture, policyCapture, THOMAS } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';
import { domainText } from '../../src/domain/domainText';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../../src/i18n';

const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

let emulator: RunningEmulator;

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('Condition not met in time.');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

describe('provisioning', () => {
  it('creates list and library once; a second run changes nothing', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    const first = await store.provisionReport();
    expect(first.created).toEqual([EVIDENCE_LIST_NAME, EVIDENCE_LIBRARY_NAME]);
    const graph = gatewaysFor(emulator, 'jonas.weber');
    const columns = await graph.lists.columns(first.location.siteId, first.location.listId);
    expect(columns.find((c) => c.name === COL.sourceKey)).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(columns.find((c) => c.name === COL.effectiveDate)).toMatchObject({ indexed: true });

    await emulator.resetStats();
    const second = await browser(emulator).store('jonas.weber', JONAS).provisionReport();
    expect(second).toMatchObject({ created: [], addedColumns: [] });
    expect(second.location).toEqual(first.location);
    const stats = await emulator.stats();
    expect(Object.keys(stats.byRoute).filter((route) => !route.startsWith('GET'))).toEqual([]);
  });

  it('adds the columns a list from an older version lacks, keeping its items', async () => {
    const graph = gatewaysFor(emulator, 'jonas.weber');
    const site = await graph.sites.fromWebUrl(ISMS_SITE_URL);
    const old = await graph.lists.create(site.id, {
      displayName: EVIDENCE_LIST_NAME,
      columns: [{ name: COL.sourceKey, type: 'text', indexed: true, enforceUniqueValues: true }],
    });
    await graph.listItems.forList(site.id, old.id).create({ Title: 'Altbestand', [COL.sourceKey]: 'manual:alt' });

    const report = await browser(emulator).store('jonas.weber', JONAS).provisionReport();
    expect(report.created).toEqual([EVIDENCE_LIBRARY_NAME]);
    expect(report.addedColumns).toEqual(expect.arrayContaining([COL.type, COL.effectiveDate, COL.details]));
    expect(report.addedColumns).not.toContain(COL.sourceKey);
    const items = await graph.listItems.forList(site.id, old.id).queryAll();
    expect(items.map((i) => i.fields.Title)).toEqual(['Altbestand']);
  });

  it('names the missing right when the user may not create lists', async () => {
    const limited = createEvidenceStore({
      graph: gatewaysFor(emulator, 'jonas.weber', { getToken: () => emulator.token('jonas.weber', ['Sites.ReadWrite.All']) }),
      site: ISMS_SITE_URL,
      capturedBy: JONAS,
    });
    const error = await limited.provision().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceProvisioningError);
    expect((error as EvidenceProvisioningError).reason).toBe('forbidden');
    expect(words(error as EvidenceProvisioningError, 'de')).toContain('Sites.Manage.All');
    expect(words(error as EvidenceProvisioningError, 'en')).toContain('site owner');
  });
});

describe('capture', () => {
  it('stores content first with its SHA-256 and is idempotent by source key, also from another device', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    const input = mailCapture('idem');
    const first = await store.capture(input);
    expect(first.status).toBe('created');
    if (first.status !== 'created') return;
    expect(first.item.contentSha256).toBe(await sha256Hex(input.content!.bytes));
    expect(first.item.contentUrl).toMatch(/^https:\/\/mustergmbh\.sharepoint\.com\/sites\/ISMS\//);
    expect(first.item.effectiveDate).toBe('2026-02-03T08:15:30.250+01:00');
    expect(await store.content(first.item)).toEqual(input.content!.bytes);

    const again = await store.capture(input);
    expect(again).toEqual({ status: 'existing', item: first.item });

    const otherDevice = browser(emulator).store('jonas.weber', JONAS);
    const third = await otherDevice.capture({ ...input, title: 'Andere Überschrift' });
    expect(third.status).toBe('existing');
    if (third.status === 'existing') expect(third.item).toMatchObject({ id: first.item.id, title: input.title });
    expect(await otherDevice.sync()).toHaveLength(1);
  });

  it('captures many through $batch: inner 503s are retried, inner 500s wait in the outbox, nothing is duplicated', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    await store.provision();
    const inputs = Array.from({ length: 30 }, (_, i) => policyCapture(`bulk-${i}`));
    await emulator.setFaults([
      { path: '/lists/[^/]+/items$', method: 'POST', rate503: 1, times: 3 },
      // `times` counts every match: this rule is used up by the first three, then answers 500 twice.
      { path: '/lists/[^/]+/items$', method: 'POST', rate500: 1, times: 5 },
    ]);
    await emulator.resetStats();
    const progress: string[] = [];
    const results = await store.captureMany([...inputs, inputs[0]!], (p) => progress.push(`${p.done}/${p.total}`));
    const stats = await emulator.stats();
    expect(stats.byRoute['POST /$batch']).toBeLessThanOrEqual(4);
    expect(results.filter((r) => r.status === 'created')).toHaveLength(28);
    expect(results.filter((r) => r.status === 'queued')).toHaveLength(2);
    expect(results[30]!.status).toBe(results[0]!.status === 'created' ? 'existing' : 'queued');
    expect(progress.at(-1)).toBe('31/31');
    expect((await store.outbox.list()).map((e) => e.lastError).join(' ')).toContain('status 500');

    await emulator.clearFaults();
    expect(await store.outbox.flush()).toEqual([]);
    const all = await store.sync();
    expect(all).toHaveLength(30);
    expect(new Set(all.map((i) => i.sourceKey)).size).toBe(30);
  });

  it('keeps each $batch under Graph\'s 4 MB body limit and sends a large scan through an upload session', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    await store.provision();
    const pattern = (size: number, seed: number) => new Uint8Array(size).map((_, i) => (i * seed) % 251);
    // Five scans of 1.5 MB travel as base64 (2 MB each): one $batch would carry 10 MB, which Graph refuses.
    const scans = Array.from({ length: 5 }, (_, i) => ({
      ...policyCapture(`scan-${i}`),
      content: { fileName: `Scan ${i}.pdf`, contentType: 'application/pdf', bytes: pattern(1_500_000, i + 3) },
    }));
    const large = { ...policyCapture('scan-gross'), content: { fileName: 'Scan gross.pdf', contentType: 'application/pdf', bytes: pattern(7_000_000, 11) } };
    await emulator.resetStats();
    const results = await store.captureMany([...scans, large]);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('created'));
    const stats = await emulator.stats();
    expect(stats.byRoute['POST /drives/{driveId}/root:/{path+}:/createUploadSession']).toBe(1);
    // The five small files needed three batches (2 + 2 + 1 under the 4 MB limit), the list items one more.
    expect(stats.byRoute['POST /$batch']).toBe(4);
    for (const [index, input] of [...scans, large].entries()) {
      const result = results[index]!;
      if (result.status !== 'created') throw new Error('expected created');
      expect(result.item.contentSha256).toBe(await sha256Hex(input.content.bytes));
      expect(await sha256Hex(await store.content(result.item))).toBe(result.item.contentSha256);
    }
  }, 60_000);
});

describe('capture under failure', () => {
  it('a create whose answer was lost counts as created on the retry, never as existing or twice', async () => {
    // The first $batch reaches the service and is carried out, but its answer never arrives.
    let lost = 0;
    const losingFetch = async (input: string, init: RequestInit) => {
      const response = await fetch(input, init);
      if (input.endsWith('/$batch') && lost === 0) {
        lost += 1;
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    };
    const graph = gatewaysFor(emulator, 'jonas.weber', undefined, losingFetch);
    const store = browser(emulator).store('jonas.weber', JONAS, { graph });
    await store.provision();
    const results = await store.captureMany(Array.from({ length: 5 }, (_, i) => policyCapture(`lost-${i}`)));
    expect(lost).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    expect(await store.sync()).toHaveLength(5);
  });

  it('dropped connections inside $batch lose and duplicate nothing', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    await store.provision();
    await emulator.setFaults([{ path: '/lists/[^/]+/items$', method: 'POST', rateDrop: 0.06 }], 7);
    const inputs = Array.from({ length: 40 }, (_, i) => policyCapture(`drop-${i}`));
    const results = await store.captureMany(inputs);
    expect(results.filter((r) => r.status === 'existing')).toEqual([]);
    await store.outbox.flush();
    await emulator.clearFaults();
    expect(await store.outbox.flush()).toEqual([]);
    const all = await store.sync();
    expect(all).toHaveLength(40);
    expect(new Set(all.map((i) => i.sourceKey)).size).toBe(40);
  });

  it('never sets up again a list that existed: it stops with the critical alarm to restore it from the recycle bin', async () => {
    const profile = browser(emulator);
    await profile.store('jonas.weber', JONAS).capture(policyCapture('before'));
    await emulator.reset(); // the list and library are gone, the browser still knows their ids
    await writeDemoRoleSettings(emulator); // the roles stay known: only the evidence list and library are missing
    const store = profile.store('jonas.weber', JONAS);
    await expect(store.capture(policyCapture('after'))).rejects.toBeInstanceOf(EvidenceStoreLostError);
    await expect(store.sync()).rejects.toBeInstanceOf(EvidenceStoreLostError);
    await expect(profile.store('jonas.weber', JONAS).provision()).rejects.toBeInstanceOf(EvidenceStoreLostError);
    const graph = gatewaysFor(emulator, 'jonas.weber');
    expect(await graph.evidence.locate(ISMS_SITE_URL)).toBeUndefined();

    const dashboard = await loadDashboard(graph, profile.store('jonas.weber', JONAS), { siteUrl: ISMS_SITE_URL });
    expect(dashboard).toMatchObject({ visible: true, storeLost: { id: 'evidenceStoreLost', severity: 'critical' } });
    const alarm = (dashboard as { storeLost: Alarm }).storeLost;
    expect(domainText(alarm.message, 'en')).toContain('deleted or moved');
    expect(domainText(alarm.fix, 'de')).toContain('Papierkorb');
    expect(domainText(alarm.fix, 'en')).toContain("site's recycle bin");
    // A browser that never knew a list sets it up (first provisioning).
    expect((await browser(emulator).store('jonas.weber', JONAS).capture(policyCapture('fresh'))).status).toBe('created');
  });
});

describe('query', () => {
  it('filters on indexed columns without the Prefer header, sorts by effective date and pages', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    await store.captureMany([
      policyCapture('p-2024', '2024-05-10T10:00:00Z'),
      policyCapture('p-2025', '2025-05-10T10:00:00Z'),
      mailCapture('m-1', { effectiveDate: '2026-01-05T08:00:00Z', content: undefined }),
      mailCapture('m-2', { effectiveDate: '2026-02-05T08:00:00Z', content: undefined }),
      { ...policyCapture('minutes'), type: 'reviewMinutes', clauses: ['9.3.2a'], participants: [KATRIN], effectiveDate: '2025-12-01T09:00:00Z' },
    ]);
    const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title);

    expect(titles(await store.query())).toEqual([
      'Mail der Geschäftsführung m-2',
      'Mail der Geschäftsführung m-1',
      'Informationssicherheitsleitlinie minutes',
      'Informationssicherheitsleitlinie p-2025',
      'Informationssicherheitsleitlinie p-2024',
    ]);
    expect(titles(await store.query({ types: ['securityPolicy'], order: 'effectiveDateAsc' }))).toEqual([
      'Informationssicherheitsleitlinie p-2024',
      'Informationssicherheitsleitlinie p-2025',
    ]);
    expect(titles(await store.query({ sources: ['outlook'], effectiveFrom: '2026-02-01T00:00:00+01:00' }))).toEqual(['Mail der Geschäftsführung m-2']);
    expect(titles(await store.query({ clause: '9.3' }))).toEqual(['Informationssicherheitsleitlinie minutes']);
    expect(titles(await store.query({ statuses: ['accepted'] }))).toEqual([]);

    const first = await store.query({ pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = await store.query({ pageSize: 2, cursor: first.cursor });
    const third = await store.query({ pageSize: 2, cursor: second.cursor });
    expect([...titles(first), ...titles(second), ...titles(third)]).toHaveLength(5);
    expect(third.cursor).toBeUndefined();
  });
});

describe('review', () => {
  it('accepts with the current etag and refuses a stale one with the current version', async () => {
    const jonas = browser(emulator).store('jonas.weber', JONAS);
    const created = await jonas.capture(policyCapture('review'));
    if (created.status !== 'created') throw new Error(created.status);

    const katrin = browser(emulator).store('katrin.berger', KATRIN);
    const accepted = await katrin.review(created.item.id, created.item.etag, { status: 'accepted', comment: 'Passt.' }, KATRIN);
    expect(accepted).toMatchObject({ reviewStatus: 'accepted', reviewer: KATRIN, reviewComment: 'Passt.' });
    expect(accepted.etag).not.toBe(created.item.etag);

    const thomas = browser(emulator).store('thomas.schmidt', THOMAS);
    const error = await thomas
      .review(created.item.id, created.item.etag, { status: 'rejected', comment: 'Unterschrift fehlt' }, THOMAS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewConflictError);
    expect((error as ReviewConflictError).conflict.current).toMatchObject({ reviewStatus: 'accepted', etag: accepted.etag });
    expect((await jonas.get(created.item.id)).reviewStatus).toBe('accepted');
  });
});

describe('sync', () => {
  it('re-opens with nothing changed in at most 2 requests and picks up changes', async () => {
    const profile = browser(emulator);
    const first = profile.store('jonas.weber', JONAS);
    await first.captureMany([policyCapture('a'), policyCapture('b')]);
    expect(await first.sync()).toHaveLength(2);

    await emulator.resetStats();
    const reopened = profile.store('jonas.weber', JONAS);
    const items = await reopened.sync();
    expect(items.map((i) => i.title).sort()).toEqual(['Informationssicherheitsleitlinie a', 'Informationssicherheitsleitlinie b']);
    expect((await emulator.stats()).requests).toBeLessThanOrEqual(2);

    await browser(emulator).store('thomas.schmidt', THOMAS).capture(policyCapture('c'));
    expect(await reopened.sync()).toHaveLength(3);
  });

  it('a 410 on the delta link leads to a full resync', async () => {
    const profile = browser(emulator);
    const store = profile.store('jonas.weber', JONAS);
    await store.captureMany([policyCapture('a'), policyCapture('b')]);
    await store.sync();
    await emulator.admin('POST', '/sharepoint/expire-delta-tokens');
    await browser(emulator).store('katrin.berger', KATRIN).capture(policyCapture('c'));
    await emulator.resetStats();

    const items = await profile.store('jonas.weber', JONAS).sync();
    expect(items).toHaveLength(3);
    const deltaCalls = Object.entries((await emulator.stats()).byRoute).filter(([route]) => route.includes('delta'));
    expect(deltaCalls.reduce((sum, [, n]) => sum + n, 0)).toBe(2);
  });
});

describe('outbox', () => {
  it('keeps captures during an outage across a restart and stores them when the service is back', async () => {
    const profile = browser(emulator);
    const store = profile.store('jonas.weber', JONAS);
    await store.provision();
    await emulator.setFaults([{ rate503: 1 }]);
    const queued = await store.capture(mailCapture('outage'));
    expect(queued.status).toBe('queued');

    const restarted = profile.store('jonas.weber', JONAS);
    const waiting = await restarted.outbox.list();
    expect(waiting).toMatchObject([{ sourceKey: mailCapture('outage').sourceKey, title: mailCapture('outage').title, attempts: 1 }]);
    expect(await restarted.outbox.flush()).toMatchObject([{ attempts: 2 }]);

    await emulator.clearFaults();
    expect(await restarted.outbox.flush()).toEqual([]);
    const stored = await restarted.findBySourceKey(mailCapture('outage').sourceKey);
    expect(stored?.contentSha256).toBe(await sha256Hex(mailCapture('outage').content!.bytes));
  });
});

describe('outbox: nothing stuck', () => {
  it('capturing a source that already waits tries the waiting capture again now, and stores it once', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const store = browser(emulator).store('jonas.weber', JONAS, { clock: () => now });
    await store.provision();
    await emulator.setFaults([{ rate503: 1 }]);
    expect((await store.capture(mailCapture('again'))).status).toBe('queued');
    // Still down: tried again (not queued twice), and the attempt counts.
    expect((await store.capture(mailCapture('again'))).status).toBe('queued');
    expect(await store.outbox.list()).toMatchObject([{ attempts: 2 }]);

    await emulator.clearFaults();
    now = new Date('2026-03-02T11:30:00Z');
    const again = await store.capture(mailCapture('again'));
    // The waiting capture itself was stored: created (by this user's first capture), not "existing".
    expect(again).toMatchObject({ status: 'created', item: { capturedAt: '2026-03-02T09:00:00.000Z' } });
    expect(await store.outbox.list()).toEqual([]);
    expect((await store.sync()).filter((i) => i.sourceKey === mailCapture('again').sourceKey)).toHaveLength(1);
  });

  it('a capture cut off mid-way (the page closed) is finished by the next visit, exactly once', async () => {
    const profile = browser(emulator);
    await profile.store('jonas.weber', JONAS).provision();
    // The page closes while the item create is under way: once after the service got it, once before.
    const cutOff = (forward: boolean) => async (input: string, init: RequestInit) => {
      if (input.endsWith('/$batch') && String(init.body).includes('"POST"') && String(init.body).includes('/items')) {
        if (forward) void fetch(input, init);
        return new Promise<Response>(() => undefined);
      }
      return fetch(input, init);
    };
    for (const [id, forward] of [['cut-after', true], ['cut-before', false]] as const) {
      const closing = profile.store('jonas.weber', JONAS, { graph: gatewaysFor(emulator, 'jonas.weber', undefined, cutOff(forward)) });
      void closing.capture(mailCapture(id));
      await waitUntil(async () => (await emulator.stats()).byRoute['POST /$batch'] !== undefined || !forward);
      await new Promise((r) => setTimeout(r, 300));
      await emulator.resetStats();
    }

    const reopened = profile.store('jonas.weber', JONAS);
    expect((await reopened.outbox.list()).map((e) => e.sourceKey).sort()).toEqual([mailCapture('cut-after').sourceKey, mailCapture('cut-before').sourceKey].sort());
    expect(await reopened.outbox.flush()).toEqual([]);
    const items = await reopened.sync();
    for (const id of ['cut-after', 'cut-before']) expect(items.filter((i) => i.sourceKey === mailCapture(id).sourceKey)).toHaveLength(1);
  });

  it('a waiting capture that fails for good stays, is left alone by the automatic retry, until the user tries again or discards it', async () => {
    const profile = browser(emulator);
    const store = profile.store('jonas.weber', JONAS);
    await store.provision();
    await emulator.setFaults([{ rate503: 1 }]);
    await store.capture(mailCapture('kept'));
    await store.capture(mailCapture('dropped'));
    await emulator.clearFaults();

    // The next retry runs with a token that may read but not write: 403, which waiting does not heal.
    const readOnly = profile.store('jonas.weber', JONAS, {
      graph: gatewaysFor(emulator, 'jonas.weber', { getToken: () => emulator.token('jonas.weber', ['Sites.Read.All', 'Files.Read.All']) }),
    });
    const afterForbidden = await readOnly.outbox.flush();
    expect(afterForbidden).toHaveLength(2);
    expect(afterForbidden.every((e) => e.failed === true && /403|forbidden|denied/i.test(e.lastError))).toBe(true);
    await emulator.resetStats();
    expect(await store.outbox.flush()).toHaveLength(2);
    expect((await emulator.stats()).requests).toBe(0);

    const [kept, dropped] = await store.outbox.list();
    await store.outbox.retry(kept!.id);
    await store.outbox.discard(dropped!.id);
    expect(await store.outbox.list()).toEqual([]);
    const keys = (await store.sync()).map((i) => i.sourceKey);
    expect(keys).toContain(mailCapture('kept').sourceKey);
    expect(keys).not.toContain(mailCapture('dropped').sourceKey);
  });
});

describe('verify', () => {
  it('recomputes hashes and reports the file changed behind SharePoint', async () => {
    const store = browser(emulator).store('jonas.weber', JONAS);
    const results = await store.captureMany([mailCapture('v1'), mailCapture('v2'), policyCapture('no-content')]);
    const [kept, changed] = results.map((r) => (r.status === 'created' ? r.item : undefined));
    const location = await store.location();
    await emulator.admin('POST', '/drive/tamper', { driveId: location.driveId, itemId: changed!.contentItemId, text: 'nachträglich geändert' });

    const report = await store.verify();
    expect(report).toHaveLength(2);
    expect(report.find((r) => r.id === kept!.id)).toMatchObject({ ok: true });
    expect(report.find((r) => r.id === changed!.id)).toMatchObject({ ok: false, expectedSha256: changed!.contentSha256, actualSha256: await sha256Hex('nachträglich geändert') });
  });
});
