/**
 * Issue 11 in the binder: every change after capture, acceptance or signature is flagged (de+en),
 * unreadable items get their own section, and the manifest lists the signatures it was checked against.
 */
import { strFromU8, strToU8, unzipSync, unzlibSync } from 'fflate';
import { evidenceIssueMessage, sha256Hex, uploadSourceKey, type PersonRef } from '../../domain';
import type { FileVersionModel, ListItemVersionModel } from '../../graph';
import type { StoredEvidence } from '../evidence/evidenceStore';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { BinderManifestSchema, MANIFEST_PATH, PDF_PATH, UNREADABLE_PATH } from './binderManifest';
import { evidenceDigest, type BinderRecords, type SignedEntry } from './binderRecords';
import { exportBinder } from './exportBinder';
import type { BinderHistorySource } from './historySource';

const KATRIN: PersonRef = { id: 'id-katrin', upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
const NOW = new Date('2026-03-10T09:00:00Z');
const katrin = { id: 'id-katrin', displayName: 'Katrin Berger' };
const jonas = { id: 'id-jonas', displayName: 'Jonas Weber' };

function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => {
      try {
        return Buffer.from(unzlibSync(new Uint8Array(Buffer.from(m[1]!, 'latin1')))).toString('latin1');
      } catch {
        return m[1]!;
      }
    })
    .join('\n');
}
const shown = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

const policy = (id: string, effectiveDate: string) => ({
  title: `Leitlinie ${id}`,
  type: 'securityPolicy' as const,
  clauses: ['5.2' as const],
  source: 'upload' as const,
  sourceKey: uploadSourceKey(`policy-${id}`),
  effectiveDate,
  summary: '',
  signedBy: KATRIN,
  content: { fileName: `${id}.pdf`, contentType: 'application/pdf', bytes: strToU8(`%PDF-1.4 ${id}`) },
});

const version = (id: string, at: string, who: typeof katrin, fields: Record<string, unknown>): ListItemVersionModel => ({ id, modifiedAt: at, modifiedBy: who, fields });

/**
 * Item 1: captured, untouched, signed. Item 2: the CEO replaced its file and patched the hash after
 * it was accepted and signed. Item 3: captured after the signature. Item 4: broken by hand.
 * The signature also covered item 99, which is gone.
 */
async function scenario() {
  const store = createMemoryEvidenceStore({ capturedBy: KATRIN, clock: () => NOW });
  for (const [id, date] of [['a', '2026-01-05T10:00:00Z'], ['b', '2026-01-10T10:00:00Z'], ['c', '2026-02-10T10:00:00Z'], ['d', '2026-02-11T10:00:00Z']] as const) {
    await store.capture(policy(id, date));
  }
  const original = (await store.get('2')).contentSha256!;
  const forged = strToU8('%PDF-1.4 gefälscht');
  store.tamper('2', forged);
  const forgedSha = await sha256Hex(forged);
  store.changeBehindTheScenes('2', { contentSha256: forgedSha });
  store.corrupt('4', evidenceIssueMessage('issue.listItem', { detail: evidenceIssueMessage('issue.notJson', { column: 'EvidenceDetails' }) }), { Title: 'Leitlinie d', EvidenceDetails: '{kaputt' });

  const itemVersions: Record<string, ListItemVersionModel[]> = {
    '1': [version('1.0', '2026-01-05T10:00:00Z', jonas, { Title: 'Leitlinie a', ContentSha256: (await store.get('1')).contentSha256 })],
    '2': [
      version('3.0', '2026-02-20T18:30:00Z', katrin, { Title: 'Leitlinie b', ContentSha256: forgedSha, ReviewStatus: 'accepted' }),
      version('2.0', '2026-01-12T09:00:00Z', jonas, { Title: 'Leitlinie b', ContentSha256: original, ReviewStatus: 'accepted' }),
      version('1.0', '2026-01-10T10:00:00Z', jonas, { Title: 'Leitlinie b', ContentSha256: original, ReviewStatus: 'pending' }),
    ],
    '3': [version('1.0', '2026-02-10T10:00:00Z', jonas, { Title: 'Leitlinie c' })],
  };
  const fileVersions: Record<string, FileVersionModel[]> = {
    '2': [
      { id: '2.0', modifiedAt: '2026-02-20T18:29:00Z', modifiedBy: katrin, size: forged.length },
      { id: '1.0', modifiedAt: '2026-01-10T10:00:00Z', modifiedBy: jonas, size: 16 },
    ],
  };
  const history: BinderHistorySource = {
    itemVersions: async (item: StoredEvidence) => itemVersions[item.id] ?? [],
    fileVersions: async (item: StoredEvidence) => fileVersions[item.id] ?? [],
    retentionLabel: async (item: StoredEvidence) => (item.id === '1' ? { name: 'Nachweis-Record', isRecordLocked: true } : undefined),
  };
  const entries: SignedEntry[] = [
    { itemId: '1', version: '1.0', contentSha256: (await store.get('1')).contentSha256! },
    { itemId: '2', version: '2.0', contentSha256: original },
    { itemId: '99', version: '1.0', contentSha256: 'f'.repeat(64) },
  ];
  const records: BinderRecords = {
    decisionsFor: async (id) => (id === '2' ? [{ decidedAt: '2026-01-12T09:00:00Z', decidedBy: 'Jonas Weber', contentSha256: original, evidenceVersion: '2.0' }] : []),
    signatures: async () => [
      { id: '7', signedAt: '2026-01-20T15:00:00Z', signedBy: 'Katrin Berger', evidenceDigest: await evidenceDigest(entries), evidenceCount: 3, entries },
      { id: '5', signedAt: '2025-12-01T15:00:00Z', signedBy: 'Katrin Berger', evidenceDigest: 'a'.repeat(64), evidenceCount: 0, entries: [] },
    ],
  };
  return { store, history, records, original, forgedSha };
}

async function exported(lang: 'de' | 'en') {
  const { store, history, records, original, forgedSha } = await scenario();
  const chunks: Uint8Array[] = [];
  const binder = await exportBinder({
    sink: { write: (chunk) => void chunks.push(chunk) },
    store,
    history,
    records,
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-03-31T23:59:59Z'),
    company: 'Muster GmbH',
    lang,
    timeZone: 'Europe/Berlin',
    now: NOW,
  });
  const zip = unzipSync(new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
  return { binder, zip, text: pdfText(zip[PDF_PATH]!), original, forgedSha };
}

describe('binder trust checks', () => {
  it('flags the replaced file and patched hash after capture, acceptance and signature; a review alone is no change', async () => {
    const { binder, original, forgedSha } = await exported('de');
    const flags = (id: string) => binder.entries.find((e) => e.item.id === id)!.history!.flags.map((f) => f.kind);
    expect(flags('1')).toEqual([]);
    expect(flags('2')).toEqual(['itemChangedAfterCapture', 'fileChangedAfterCapture', 'changedAfterAcceptance', 'changedAfterSignature']);
    expect(flags('3')).toEqual(['addedAfterSignature']);
    const forged = binder.entries.find((e) => e.item.id === '2')!.history!;
    expect(forged.flags[0]).toMatchObject({ version: '3.0', by: 'Katrin Berger', fields: ['ContentSha256'] });
    expect(forged.flags[2]).toMatchObject({ expectedSha256: original, actualSha256: forgedSha, version: '2.0' });
    expect(forged.itemVersions.map((s) => [s.version, s.reviewOnly])).toEqual([['3.0', false], ['2.0', true], ['1.0', false]]);
    expect(binder.signatureCheck).toMatchObject({ signature: { id: '7' }, digestOk: true, removedIds: ['99'] });
    expect(binder.unreadable.map((u) => u.id)).toEqual(['4']);
  });

  it('anchors the manifest: signatures newest first, counts of flagged and unreadable items, unreadable.json', async () => {
    const { zip } = await exported('de');
    const manifest = BinderManifestSchema.parse(JSON.parse(strFromU8(zip[MANIFEST_PATH]!)));
    expect(manifest.signatures?.map((s) => s.id)).toEqual(['7', '5']);
    expect(manifest).toMatchObject({ itemCount: 3, unreadableCount: 1, flaggedCount: 2 });
    expect(JSON.parse(strFromU8(zip[UNREADABLE_PATH]!))).toEqual([expect.objectContaining({ id: '4', fields: { Title: 'Leitlinie d', EvidenceDetails: '{kaputt' } })]);
    expect(manifest.files.map((f) => f.path)).toContain(UNREADABLE_PATH);
  });

  it('says it in the German PDF', async () => {
    const { text } = await exported('de');
    for (const phrase of [
      '2 Nachweise mit Änderungen nach Erfassung, Annahme oder Unterschrift',
      '1 unlesbare Einträge',
      'GEÄNDERT NACH DER ERFASSUNG: Version 3.0 am 20.02.2026 19:30',
      'DATEI NACH DER ERFASSUNG ERSETZT: Version 2.0',
      'GEÄNDERT NACH DER ANNAHME vom 12.01.2026 10:00',
      'GEÄNDERT NACH DER UNTERSCHRIFT vom 20.01.2026 16:00',
      'NICHT UNTERSCHRIEBEN',
      'SEIT DER UNTERSCHRIFT ENTFERNT: 99',
      'Aufbewahrungsbezeichnung: Nachweis-Record (Datensatz, gesperrt)',
      'Unlesbare Einträge',
      'Grund: Ungültiger Listeneintrag: EvidenceDetails ist kein JSON.',
      'EvidenceDetails: {kaputt',
    ]) {
      expect({ phrase, found: text.includes(shown(phrase)) }).toEqual({ phrase, found: true });
    }
  });

  it('says it in the English PDF', async () => {
    const { text } = await exported('en');
    for (const phrase of [
      'CHANGED AFTER CAPTURE: version 3.0 on 20 Feb 2026 19:30',
      'FILE REPLACED AFTER CAPTURE: version 2.0',
      'CHANGED AFTER ACCEPTANCE of 12 Jan 2026 10:00',
      'CHANGED AFTER SIGNATURE of 20 Jan 2026 16:00',
      'NOT SIGNED: added after the signature',
      'REMOVED SINCE SIGNING: 99',
      'Retention label: Nachweis-Record (record, locked)',
      'Reason: Invalid list item: EvidenceDetails is not JSON.',
    ]) {
      expect({ phrase, found: text.includes(shown(phrase)) }).toEqual({ phrase, found: true });
    }
  });

  it('reports a signature whose digest does not match its entries', async () => {
    const { store, history, records } = await scenario();
    const broken: BinderRecords = { ...records, signatures: async () => (await records.signatures()).map((s) => (s.id === '7' ? { ...s, evidenceDigest: 'b'.repeat(64) } : s)) };
    const binder = await exportBinder({ sink: { write: () => undefined }, store, history, records: broken, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-31T23:59:59Z'), company: 'Muster GmbH', lang: 'de', timeZone: 'Europe/Berlin', now: NOW });
    expect(binder.signatureCheck?.digestOk).toBe(false);
  });
});
