/**
 * SharePoint changes some files it stores (property promotion: Office files, PDFs, HTML; see
 * emulator/src/routes/sharepoint/library/propertyPromotion.ts). With the emulator doing the same, captured
 * evidence records the hash of the stored bytes next to the hash of what was sent: verification and
 * the auditor binder raise no false tamper alarm, and one changed byte is still caught.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sha256Hex } from '../../src/domain';
import { exportBinder } from '../../src/features/binder/exportBinder';
import type { StoredEvidence } from '../../src/features/evidence/evidenceStore';
import { COL, EVIDENCE_LIST, EVIDENCE_LIST_NAME } from '../../src/graph';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, mailCapture, policyCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

jest.setTimeout(60_000);

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
  await emulator.admin('PUT', '/drive/property-promotion', { enabled: true });
});

async function minutesPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('Protokoll Management-Review', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
  return doc.save();
}

const mailHtml = new TextEncoder().encode('<html><head><title>Mail</title></head><body><p>Informationssicherheit ist Chefsache.</p></body></html>');

async function captureThree() {
  const store = browser(emulator).store('jonas.weber', JONAS);
  const pdf = await minutesPdf();
  await store.provision();
  await emulator.resetStats();
  const results = await store.captureMany([
    { ...policyCapture('leitlinie', '2026-01-12T10:00:00Z'), content: { fileName: 'Leitlinie.pdf', contentType: 'application/pdf', bytes: pdf } },
    mailCapture('html', { content: { fileName: 'mail.html', contentType: 'text/html', bytes: mailHtml } }),
    mailCapture('eml'),
  ]);
  const items = results.map((r) => (r.status === 'created' ? r.item : undefined)) as StoredEvidence[];
  expect(items.every((i) => i !== undefined)).toBe(true);
  // Only the two files SharePoint changed are read back once (the upload answer told which).
  // (Each read-back asks the item for its @microsoft.graph.downloadUrl, then fetches that without a token.)
  expect((await emulator.stats()).byRoute['GET /drives/{driveId}/items/{itemId}']).toBe(2);
  return { store, items, sent: [pdf, mailHtml, mailCapture('eml').content!.bytes] };
}

it('records the hash of the stored bytes next to the hash sent, and verification raises no false alarm', async () => {
  const { store, items, sent } = await captureThree();
  for (const [index, item] of items.entries()) {
    const stored = await store.content(item);
    expect(item.contentSentSha256).toBe(await sha256Hex(sent[index]!));
    expect(item.contentSha256).toBe(await sha256Hex(stored));
    expect(item.contentSize).toBe(stored.length);
  }
  // SharePoint changed the PDF and the HTML page, not the .eml.
  const changed = items.map((i) => i.contentSha256 !== i.contentSentSha256);
  expect(changed).toEqual([true, true, false]);
  // Read back from the list (another session), the hashes are the same.
  const again = await browser(emulator).store('jonas.weber', JONAS).get(items[0]!.id);
  expect({ stored: again.contentSha256, sent: again.contentSentSha256, size: again.contentSize }).toEqual({
    stored: items[0]!.contentSha256,
    sent: items[0]!.contentSentSha256,
    size: items[0]!.contentSize,
  });

  const report = await store.verify();
  expect(report.map((r) => ({ title: r.title, ok: r.ok }))).toEqual(items.map((i) => ({ title: i.title, ok: true })));
  const binder = await exportBinder({ sink: { write: () => undefined }, store, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z'), company: 'Muster GmbH', lang: 'de', timeZone: 'Europe/Berlin', now: new Date('2026-06-01T00:00:00Z') });
  expect(binder.entries.map((e) => e.hashMismatch)).toEqual([false, false, false]);
});

it('still catches one changed byte in a file SharePoint had changed', async () => {
  const { store, items } = await captureThree();
  const pdf = items[0]!;
  const bytes = (await store.content(pdf)).slice();
  bytes[100] = bytes[100]! ^ 0x01;
  const location = await store.location();
  await emulator.admin('POST', '/drive/tamper', { driveId: location.driveId, itemId: pdf.contentItemId, contentBase64: Buffer.from(bytes).toString('base64') });

  const report = await store.verify();
  expect(report.find((r) => r.id === pdf.id)).toMatchObject({ ok: false, expectedSha256: pdf.contentSha256, actualSha256: await sha256Hex(bytes) });
  expect(report.filter((r) => r.ok)).toHaveLength(2);
  const binder = await exportBinder({ sink: { write: () => undefined }, store, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z'), company: 'Muster GmbH', lang: 'de', timeZone: 'Europe/Berlin', now: new Date('2026-06-01T00:00:00Z') });
  expect(binder.entries.map((e) => e.hashMismatch)).toEqual([true, false, false]);
});

it('adds the new hash columns to a list set up by the previous version', async () => {
  const graph = gatewaysFor(emulator, 'jonas.weber');
  const site = await graph.sites.fromWebUrl(ISMS_SITE_URL);
  const added = [COL.contentSentSha256, COL.contentSize, COL.contentQuickXorHash];
  await graph.lists.create(site.id, { ...EVIDENCE_LIST, columns: EVIDENCE_LIST.columns.filter((c) => !(added as string[]).includes(c.name)) });

  const store = browser(emulator).store('jonas.weber', JONAS);
  const report = await store.provisionReport();
  expect(report.addedColumns).toEqual(added);
  const list = await graph.lists.get(site.id, EVIDENCE_LIST_NAME);
  expect(list.columns?.filter((c) => (added as string[]).includes(c.name)).map((c) => c.name).sort()).toEqual([...added].sort());
});
