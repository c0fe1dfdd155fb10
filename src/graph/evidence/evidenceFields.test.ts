import { uploadSourceKey, type EvidenceItem } from '../../domain';
import { COL } from './evidenceSchema';
import { odataString } from '../gateways/odata';
import { fromEvidenceListItem, toEvidenceFields, toReviewFields } from './evidenceFields';

const KATRIN = { id: 'id-katrin', upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
const JONAS = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };

const appointment: EvidenceItem = {
  title: 'Bestellung des ISB',
  type: 'isbAppointment',
  clauses: ['5.3', 'A.5.4'],
  source: 'upload',
  sourceKey: uploadSourceKey('bestellung'),
  effectiveDate: '2025-04-01T09:30:00.123+02:00',
  capturedAt: '2025-04-02T10:00:00Z',
  capturedBy: JONAS,
  summary: 'Jonas Weber wird ISB.',
  reviewStatus: 'pending',
  expiresAt: null,
  appointee: JONAS,
  signedBy: KATRIN,
};

/** What SharePoint hands back: whole seconds in UTC, null fields left out. */
function asSharePointReturnsIt(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue;
    out[key] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value).toISOString().replace(/\.\d+Z$/, 'Z') : value;
  }
  return { ...out, id: '7', ContentType: 'Item', '@odata.etag': '"g,1"' };
}

describe('evidence list fields', () => {
  it('round-trips an item exactly, original date strings and "until revoked" included', () => {
    const fields = toEvidenceFields(appointment, { writeId: 'c-1' });
    expect(fields[COL.clauses]).toBe('5.3; A.5.4');
    expect(fields[COL.capturedBy]).toBe('Jonas Weber <jonas.weber@mustergmbh.onmicrosoft.com>');
    const read = fromEvidenceListItem({ id: '7', etag: '"g,1"', fields: asSharePointReturnsIt(fields) });
    expect(read).toEqual({ ok: true, record: { ...appointment, id: '7', etag: '"g,1"' }, writeId: 'c-1' });
  });

  it('keeps the stored file\'s hash, size and quickXorHash next to the hash of what was sent', () => {
    const stored: EvidenceItem = {
      ...appointment,
      contentUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Chefsache%20Nachweisdokumente/2025/a-Bestellung.pdf',
      contentSha256: 'a'.repeat(64),
      contentSentSha256: 'b'.repeat(64),
      contentSize: 12345,
      contentQuickXorHash: 'imAoFvCWlDn4yVw3/oq1PDbbm6U=',
    };
    const fields = toEvidenceFields(stored);
    expect(fields).toMatchObject({ [COL.contentSha256]: 'a'.repeat(64), [COL.contentSentSha256]: 'b'.repeat(64), [COL.contentSize]: 12345 });
    const read = fromEvidenceListItem({ id: '7', etag: '"g,1"', fields: asSharePointReturnsIt(fields) });
    expect(read.ok && read.record).toMatchObject({ contentSha256: 'a'.repeat(64), contentSentSha256: 'b'.repeat(64), contentSize: 12345, contentQuickXorHash: 'imAoFvCWlDn4yVw3/oq1PDbbm6U=' });
  });

  it('follows a date changed by hand in SharePoint', () => {
    const fields = asSharePointReturnsIt(toEvidenceFields(appointment));
    fields[COL.effectiveDate] = '2025-03-01T08:00:00Z';
    const read = fromEvidenceListItem({ id: '7', etag: '"g,2"', fields });
    expect(read.ok && read.record.effectiveDate).toBe('2025-03-01T08:00:00Z');
  });

  it('writes a review and reads it back', () => {
    const reviewed: EvidenceItem = { ...appointment, reviewStatus: 'rejected', reviewer: KATRIN, reviewedAt: '2025-04-03T08:00:00Z', reviewComment: 'Unterschrift fehlt' };
    const fields = { ...toEvidenceFields(appointment), ...toReviewFields(reviewed) };
    const read = fromEvidenceListItem({ id: '7', etag: '"g,2"', fields: asSharePointReturnsIt(fields) });
    expect(read.ok && read.record).toMatchObject({ reviewStatus: 'rejected', reviewer: KATRIN, reviewComment: 'Unterschrift fehlt' });
  });

  it('reports an item broken by hand instead of guessing', () => {
    const fields = asSharePointReturnsIt(toEvidenceFields(appointment));
    fields[COL.type] = 'Sonstiges';
    const read = fromEvidenceListItem({ id: '7', etag: '"g,1"', fields });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((i) => i.path)).toContain('type');
    const noDetails = fromEvidenceListItem({ id: '8', etag: '"g,1"', fields: { ...fields, [COL.details]: '{kaputt' } });
    expect(noDetails).toMatchObject({ ok: false, id: '8' });
  });

  it('quotes OData strings', () => {
    expect(odataString("mail:<o'brien@x>")).toBe("'mail:<o''brien@x>'");
  });
});
