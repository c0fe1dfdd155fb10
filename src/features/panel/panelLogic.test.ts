import { mailSourceKey, type PersonRef } from '../../domain';
import type { CaptureInput, StoredEvidence } from '../evidence/evidenceStore';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { buildPreview, mailPreview } from './contentPreview';
import { applyFilter, EMPTY_FILTER, isFiltered } from './evidenceFilter';
import { submitReview } from './reviewAction';
import { buildUploadCapture } from './uploadForms';
import { rowWindow } from './windowing';

const JONAS: PersonRef = { id: 'id-jonas', upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { id: 'id-katrin', upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
const THOMAS: PersonRef = { id: 'id-thomas', upn: 'thomas.schmidt@mustergmbh.onmicrosoft.com', displayName: 'Thomas Schmidt' };
const NOW = new Date('2026-03-10T09:00:00Z');

const mail = (id: string, title: string, effectiveDate: string): CaptureInput => ({
  title,
  type: 'ceoMail',
  clauses: ['5.1d', '7.4'],
  source: 'outlook',
  sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
  effectiveDate,
  summary: '',
  author: KATRIN,
});

async function storeWithMails() {
  const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => NOW });
  await store.capture(mail('a', 'Phishing-Warnung an alle', '2026-01-10T08:00:00Z'));
  await store.capture(mail('b', 'Warum Sicherheit Chefsache ist', '2026-02-10T08:00:00Z'));
  await store.capture(mail('c', 'Neue Passwortregeln', '2026-03-01T08:00:00Z'));
  return store;
}

describe('panel filter', () => {
  it('searches titles word by word, ignoring case, and sorts', async () => {
    const items = (await (await storeWithMails()).sync()) as StoredEvidence[];
    expect(applyFilter(items, { ...EMPTY_FILTER, search: 'chefsache WARUM' }).map((i) => i.title)).toEqual(['Warum Sicherheit Chefsache ist']);
    expect(applyFilter(items, EMPTY_FILTER).map((i) => i.title)[0]).toBe('Neue Passwortregeln');
    expect(applyFilter(items, { ...EMPTY_FILTER, sort: { key: 'title', direction: 'ascending' } }).map((i) => i.title)).toEqual([
      'Neue Passwortregeln',
      'Phishing-Warnung an alle',
      'Warum Sicherheit Chefsache ist',
    ]);
  });

  it('filters by date range (inclusive days), type, status, clause and source', async () => {
    const items = await (await storeWithMails()).sync();
    expect(applyFilter(items, { ...EMPTY_FILTER, from: '2026-02-10', to: '2026-03-01' })).toHaveLength(2);
    expect(applyFilter(items, { ...EMPTY_FILTER, types: ['securityPolicy'] })).toHaveLength(0);
    expect(applyFilter(items, { ...EMPTY_FILTER, statuses: ['pending'], clause: '5.1', sources: ['outlook'] })).toHaveLength(3);
    expect(applyFilter(items, { ...EMPTY_FILTER, clause: '9.3' })).toHaveLength(0);
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, search: ' x ' })).toBe(true);
  });
});

describe('row windowing', () => {
  it('renders only the rows in view plus a margin, at any position in 10,000 rows', () => {
    expect(rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 0, viewportHeight: 400, overscan: 5 })).toEqual({ start: 0, end: 16, padTop: 0, padBottom: (10_000 - 16) * 40 });
    const middle = rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 200_000, viewportHeight: 400, overscan: 5 });
    expect(middle.start).toBe(4995);
    expect(middle.end - middle.start).toBeLessThan(30);
    expect(middle.padTop + (middle.end - middle.start) * 40 + middle.padBottom).toBe(400_000);
    expect(rowWindow({ count: 0, rowHeight: 40, scrollTop: 0, viewportHeight: 400 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

describe('review', () => {
  it('saves an acceptance and reports a concurrent change as a conflict with both versions', async () => {
    const store = await storeWithMails();
    const [item] = (await store.query({})).items;
    const saved = await submitReview(store, item!, { status: 'accepted' }, { person: KATRIN, roles: ['topManagement'] });
    expect(saved).toMatchObject({ kind: 'saved', item: { reviewStatus: 'accepted', reviewer: KATRIN } });

    const [other] = (await store.query({ order: 'effectiveDateAsc' })).items;
    store.changeBehindTheScenes(other!.id, { reviewStatus: 'rejected', reviewer: THOMAS, reviewedAt: NOW.toISOString(), reviewComment: 'Falscher Absender' });
    const outcome = await submitReview(store, other!, { status: 'accepted', comment: 'passt' }, { person: KATRIN, roles: ['topManagement'] });
    expect(outcome).toMatchObject({
      kind: 'conflict',
      conflict: { mine: { status: 'accepted', comment: 'passt' }, current: { reviewStatus: 'rejected', reviewComment: 'Falscher Absender' } },
    });
  });

  it('refuses a rejection without comment, own evidence and auditors', async () => {
    const store = await storeWithMails();
    const [item] = (await store.query({})).items;
    expect(await submitReview(store, item!, { status: 'rejected', comment: '  ' }, { person: KATRIN, roles: ['topManagement'] })).toMatchObject({ kind: 'refused' });
    expect(await submitReview(store, item!, { status: 'accepted' }, { person: JONAS, roles: ['isb'] })).toMatchObject({ kind: 'refused' });
    expect(await submitReview(store, item!, { status: 'accepted' }, { person: THOMAS, roles: ['auditor'] })).toMatchObject({ kind: 'refused' });
    expect((await store.get(item!.id)).reviewStatus).toBe('pending');
  });
});

describe('content preview', () => {
  it('takes the HTML part of a multipart mail, decoding quoted-printable and the subject', () => {
    const eml = [
      'Subject: =?utf-8?B?U2ljaGVyaGVpdCBpc3QgQ2hlZnNhY2hl?=',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hallo',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Gr=C3=BC=C3=9Fe <b>alle</b></p>',
      '--b1--',
    ].join('\r\n');
    expect(mailPreview(eml)).toEqual({ kind: 'mailHtml', html: '<p>Grüße <b>alle</b></p>\r\n', subject: 'Sicherheit ist Chefsache' });
  });

  it('shows text files as text and links PDFs', () => {
    const base = { contentSha256: undefined } as unknown as StoredEvidence;
    expect(buildPreview({ ...base, contentUrl: 'https://x.example/Transkript.vtt' }, new TextEncoder().encode('WEBVTT'))).toEqual({ kind: 'text', text: 'WEBVTT' });
    expect(buildPreview({ ...base, contentUrl: 'https://x.example/Leitlinie%202026.pdf' }, new Uint8Array())).toEqual({ kind: 'pdf', fileName: 'Leitlinie 2026.pdf' });
  });
});

describe('upload forms', () => {
  const file = { fileName: 'Leitlinie.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF') };
  const label = (id: string) => ({ version: 'Version', nextReview: 'Nächste Überprüfung' })[id] ?? id;

  it('builds a policy capture with signer, date and the extra fields in the summary', () => {
    const result = buildUploadCapture({
      type: 'securityPolicy',
      values: { title: 'Leitlinie 2026', version: '3.0', signedBy: KATRIN.id, effectiveDate: '2026-03-02', nextReview: '2027-03-01' },
      file,
      people: [KATRIN, JONAS],
      uploadId: 'u1',
      now: NOW,
      label,
    });
    expect(result).toMatchObject({
      ok: true,
      input: { type: 'securityPolicy', signedBy: KATRIN, source: 'upload', sourceKey: 'upload:u1', effectiveDate: '2026-03-02T12:00:00.000Z', summary: 'Version: 3.0\nNächste Überprüfung: 2027-03-01' },
    });
  });

  it('names every missing or wrong field and the missing file', () => {
    const result = buildUploadCapture({
      type: 'budgetPlan',
      values: { title: 'Budget', fiscalYear: '26', securityAmount: 'viel', effectiveDate: '2026-13-01' },
      people: [],
      uploadId: 'u2',
      now: NOW,
      label,
    });
    expect(result).toEqual({ ok: false, errors: { fiscalYear: 'invalidYear', securityAmount: 'invalidNumber', lineItems: 'required', effectiveDate: 'invalidDate', file: 'fileRequired' } });
  });
});
