import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { mailSourceKey, sha256Hex, uploadSourceKey, type PersonRef } from '../../domain';
import type { CaptureInput } from '../evidence/evidenceStore';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { BinderManifestSchema, MANIFEST_PATH, PDF_PATH } from './binderManifest';
import { BinderCancelledError, exportBinder } from './exportBinder';
import { verifyBinder } from './verifyBinder';

const JONAS: PersonRef = { id: 'id-jonas', upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { id: 'id-katrin', upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
const NOW = new Date('2026-03-10T09:00:00Z');

const mail = (id: string, effectiveDate: string, body = `Mail ${id} – Informationssicherheit ist Chefsache ✓`): CaptureInput => ({
  title: `CEO-Mail „${id}“`,
  type: 'ceoMail',
  clauses: ['5.1d', '7.4', 'A.5.4'],
  source: 'outlook',
  sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
  effectiveDate,
  summary: '',
  author: KATRIN,
  content: { fileName: `${id}.eml`, contentType: 'message/rfc822', bytes: strToU8(body) },
});

async function demoStore() {
  const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => NOW });
  await store.capture(mail('januar', '2026-01-15T08:00:00Z'));
  await store.capture(mail('februar', '2026-02-15T08:00:00Z'));
  await store.capture(mail('alt', '2025-06-01T08:00:00Z'));
  await store.capture({
    title: 'Leitlinie 2026',
    type: 'securityPolicy',
    clauses: ['5.2', '5.1a', 'A.5.4'],
    source: 'upload',
    sourceKey: uploadSourceKey('policy-2026'),
    effectiveDate: '2026-01-05T10:00:00Z',
    summary: '',
    signedBy: KATRIN,
    content: { fileName: 'Leitlinie 2026.pdf', contentType: 'application/pdf', bytes: strToU8('%PDF-1.4 policy') },
  });
  const [policy] = (await store.query({ types: ['securityPolicy'] })).items;
  await store.review(policy!.id, policy!.etag, { status: 'accepted' }, KATRIN);
  return store;
}

const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-31T23:59:59Z') };
const exportOptions = (store: Awaited<ReturnType<typeof demoStore>>) => ({
  sink: { write: () => undefined },
  store,
  ...range,
  company: 'Muster GmbH',
  lang: 'de' as const,
  timeZone: 'Europe/Berlin',
  now: NOW,
});

/** Exports into a sink that keeps the chunks (as the panel does for its Blob) and joins them. */
async function exportZip(options: Parameters<typeof exportBinder>[0]) {
  const chunks: Uint8Array[] = [];
  const binder = await exportBinder({ ...options, sink: { write: (chunk) => void chunks.push(chunk) } });
  return { ...binder, zip: new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer()) };
}

describe('auditor binder', () => {
  it('holds every file of the range with its SHA-256, the items, a PDF and a manifest', async () => {
    const store = await demoStore();
    const progress: string[] = [];
    const binder = await exportZip({ ...exportOptions(store), onProgress: (p) => progress.push(`${p.done}/${p.total}`) });

    const files = unzipSync(binder.zip);
    const manifest = BinderManifestSchema.parse(JSON.parse(strFromU8(files[MANIFEST_PATH]!)));
    expect(manifest.itemCount).toBe(3); // the mail from 2025 lies outside the range
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      ['binder.pdf', 'evidence/1_januar.eml', 'evidence/2_februar.eml', 'evidence/4_Leitlinie 2026.pdf', 'items.json'].sort(),
    );
    for (const file of manifest.files) expect(file.sha256).toBe(await sha256Hex(files[file.path]!));
    expect(strFromU8(files['evidence/1_januar.eml']!)).toContain('Informationssicherheit ist Chefsache ✓');
    expect(progress[0]).toBe('0/4');
    expect(progress.at(-1)).toBe('4/4');

    const pdf = await PDFDocument.load(files[PDF_PATH]!);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('Auditordner – Muster GmbH');
    expect(await verifyBinder(binder.zip)).toMatchObject({ ok: true, readable: true, differences: [] });
  });

  it('reports exactly the file whose byte was changed, and added and removed files', async () => {
    const store = await demoStore();
    const { zip } = await exportZip(exportOptions(store));
    const files = unzipSync(zip);
    const changed = files['evidence/2_februar.eml']!.slice();
    changed[0] = changed[0]! ^ 1;
    const tampered = zipSync({ ...files, 'evidence/2_februar.eml': changed });
    const result = await verifyBinder(tampered);
    expect(result.ok).toBe(false);
    expect(result.differences).toEqual([
      expect.objectContaining({ path: 'evidence/2_februar.eml', kind: 'changed', expectedSha256: expect.any(String), actualSha256: await sha256Hex(changed) }),
    ]);

    const { ['evidence/1_januar.eml']: _removed, ...rest } = files;
    const reshuffled = await verifyBinder(zipSync({ ...rest, 'evidence/extra.txt': strToU8('untergeschoben') }));
    expect(reshuffled.differences.map((d) => `${d.kind} ${d.path}`)).toEqual(['removed evidence/1_januar.eml', 'added evidence/extra.txt']);
  });

  it('writes the ZIP as it goes: each file reaches the sink (which may wait) before the next is read', async () => {
    const store = await demoStore();
    const written: number[] = [];
    let bytes = 0;
    const sink = {
      write: async (chunk: Uint8Array) => {
        await new Promise((resolve) => setTimeout(resolve, 1)); // a slow disk: the export waits for it
        bytes += chunk.byteLength;
      },
    };
    const binder = await exportBinder({ ...exportOptions(store), sink, onProgress: (p) => written.push(bytes) });
    // progress 0 (before any file), then after each of the 3 items: the bytes in the sink grew with every file.
    expect(written[1]).toBeGreaterThan(0);
    expect(written[2]).toBeGreaterThan(written[1]!);
    expect(written[3]).toBeGreaterThan(written[2]!);
    expect(binder.manifest.files).toHaveLength(5);
  });

  it('marks content that no longer matches the hash stored at capture', async () => {
    const store = await demoStore();
    const [februar] = (await store.query({ types: ['ceoMail'], effectiveFrom: '2026-02-01T00:00:00Z', effectiveTo: '2026-02-28T00:00:00Z' })).items;
    store.tamper(februar!.id, strToU8('manipuliert'));
    const binder = await exportBinder(exportOptions(store));
    expect(binder.entries.filter((e) => e.hashMismatch).map((e) => e.item.title)).toEqual(['CEO-Mail „februar“']);
  });

  it('stops when cancelled and refuses a reversed range', async () => {
    const store = await demoStore();
    const controller = new AbortController();
    await expect(
      exportBinder({ ...exportOptions(store), signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() }),
    ).rejects.toBeInstanceOf(BinderCancelledError);
    await expect(exportBinder({ ...exportOptions(store), from: range.to, to: range.from })).rejects.toThrow(RangeError);
  });

  it('says why an unreadable file or manifest cannot be verified', async () => {
    expect(await verifyBinder(strToU8('kein zip'))).toMatchObject({ ok: false, readable: false, problem: expect.stringMatching(/ZIP/) });
    expect(await verifyBinder(zipSync({ 'a.txt': strToU8('a') }))).toMatchObject({ readable: false, problem: 'The ZIP has no manifest.json.' });
    const bad = await verifyBinder(zipSync({ [MANIFEST_PATH]: strToU8('{"format":"x"}') }));
    expect(bad).toMatchObject({ readable: false, problem: expect.stringContaining('format') });
  });
});
