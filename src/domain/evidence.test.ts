import { EvidenceValidationError, parseEvidenceItem, safeParseEvidenceItem } from './evidence';
import { domainText } from './domainText';
import { mailSourceKey } from './sourceKeys';
import { JONAS, KATRIN } from './testFixtures';

const now = new Date('2026-11-27T10:00:00Z');

const mail = {
  title: 'Warum Informationssicherheit für unseren Großkunden zählt',
  type: 'ceoMail',
  clauses: ['5.1d', '7.4', 'A.5.4'],
  source: 'outlook',
  sourceKey: mailSourceKey('<AM0PR01MB1234@EURPRD01.prod.outlook.com>'),
  effectiveDate: '2026-11-20T08:15:00+01:00',
  capturedAt: '2026-11-20T09:00:00+01:00',
  capturedBy: KATRIN,
  author: KATRIN,
  contentUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Nachweise/mail.eml',
  contentSha256: 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
};

function issuesOf(input: unknown) {
  const result = safeParseEvidenceItem(input, { now });
  if (result.success) throw new Error('expected the item to be invalid');
  return result.issues;
}

describe('evidence item validation', () => {
  it('accepts a captured CEO mail, pending review by default, with the checksum in lowercase', () => {
    const item = parseEvidenceItem(mail, { now });
    expect(item.reviewStatus).toBe('pending');
    expect(item.summary).toBe('');
    expect(item.contentSha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('names a wrong date in both languages', () => {
    const [issue] = issuesOf({ ...mail, effectiveDate: '2026-02-30T08:00:00Z' });
    expect(issue).toMatchObject({ path: 'effectiveDate', key: 'evidence.date.invalid' });
    expect(issue && domainText(issue.message, 'de')).toContain('Ungültiges Datum');
    expect(issue && domainText(issue.message, 'en')).toContain('Invalid date');
  });

  it('refuses a date without a time zone', () => {
    expect(issuesOf({ ...mail, capturedAt: '2026-11-20T09:00:00' })[0]?.path).toBe('capturedAt');
  });

  it('refuses an effective date in the future beyond the tolerance, and allows small clock skew', () => {
    const future = { ...mail, effectiveDate: '2026-11-27T10:10:00Z', capturedAt: '2026-11-27T10:03:00Z' };
    const issues = issuesOf(future);
    expect(issues.map((i) => i.key)).toContain('evidence.effectiveDate.inFuture');
    const inFuture = issues.find((i) => i.key === 'evidence.effectiveDate.inFuture');
    expect(inFuture && domainText(inFuture.message, 'en')).toBe(
      'The evidence date lies in the future (2026-11-27T10:10:00Z).',
    );
    // 3 minutes ahead is clock skew, not the future.
    const skewed = { ...mail, effectiveDate: '2026-11-27T10:02:00Z', capturedAt: '2026-11-27T10:03:00Z' };
    expect(safeParseEvidenceItem(skewed, { now }).success).toBe(true);
    expect(safeParseEvidenceItem(skewed, { now, futureToleranceMinutes: 0 }).success).toBe(false);
  });

  it('refuses evidence captured before it happened', () => {
    expect(issuesOf({ ...mail, effectiveDate: '2026-11-21T08:00:00Z' }).map((i) => i.key)).toEqual(['evidence.effectiveDate.afterCapture']);
  });

  it('requires a comment when an item is rejected, and a reviewer once reviewed', () => {
    const rejected = { ...mail, reviewStatus: 'rejected', reviewer: JONAS, reviewedAt: '2026-11-21T09:00:00Z' };
    const [issue] = issuesOf(rejected);
    expect(issue).toMatchObject({ path: 'reviewComment', key: 'evidence.reviewComment.required' });
    expect(issue && domainText(issue.message, 'de')).toBe('Bitte begründen, warum der Nachweis abgelehnt wird.');
    expect(issuesOf({ ...rejected, reviewComment: '   ' })[0]?.key).toBe('evidence.reviewComment.required');
    expect(safeParseEvidenceItem({ ...rejected, reviewComment: 'Nur ein Entwurf, nicht versendet.' }, { now }).success).toBe(true);
    expect(issuesOf({ ...mail, reviewStatus: 'accepted' })[0]?.key).toBe('evidence.review.reviewerRequired');
    expect(issuesOf({ ...mail, reviewStatus: 'accepted', reviewer: JONAS, reviewedAt: '2026-11-19T09:00:00Z' })[0]?.key).toBe(
      'evidence.review.beforeCapture',
    );
  });

  it('refuses a source key that does not fit the source', () => {
    const [issue] = issuesOf({ ...mail, source: 'upload' });
    expect(issue?.key).toBe('evidence.sourceKey.mismatch');
    expect(issue && domainText(issue.message, 'en')).toBe('The source key does not fit the source "upload".');
  });

  it('asks for the fields a type needs', () => {
    const policy = { ...mail, type: 'securityPolicy', clauses: ['5.2'], source: 'upload', sourceKey: 'upload:abc', author: undefined };
    expect(issuesOf(policy).map((i) => i.key)).toEqual(['evidence.signedBy.required']);
    const booking = { ...policy, type: 'reviewBooking', signedBy: KATRIN };
    expect(issuesOf(booking).map((i) => i.key)).toEqual(['evidence.scheduledFor.required']);
    const appointment = { ...policy, type: 'isbAppointment', signedBy: KATRIN };
    expect(issuesOf(appointment).map((i) => i.key)).toEqual(['evidence.appointee.required']);
  });

  it('reports every problem at once, with readable English in the error message', () => {
    const bad = { ...mail, title: ' ', clauses: [], contentSha256: 'abc', contentUrl: 'http://example.com/x', type: 'fax' };
    let error: unknown;
    try {
      parseEvidenceItem(bad, { now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvidenceValidationError);
    const keys = (error as EvidenceValidationError).issues.map((i) => i.key).sort();
    expect(keys).toEqual([
      'evidence.clauses.required',
      'evidence.contentSha256.invalid',
      'evidence.contentUrl.invalid',
      'evidence.title.required',
      'evidence.type.unknown',
    ]);
    expect((error as Error).message).toContain('title: Please enter a title.');
  });

  it('explains a missing person identity and unknown clauses', () => {
    const issues = issuesOf({ ...mail, capturedBy: { displayName: 'Katrin' }, clauses: ['5.9'] });
    expect(issues.map((i) => [i.path, i.key])).toEqual(
      expect.arrayContaining([
        ['clauses.0', 'evidence.clauses.unknown'],
        ['capturedBy', 'person.identity.required'],
      ]),
    );
  });

  it('describes structural errors it has no message for', () => {
    const [issue] = issuesOf('not an object');
    expect(issue?.key).toBe('invalid');
    expect(issue && domainText(issue.message, 'de')).toMatch(/^Ungültige Angabe/);
  });
});
