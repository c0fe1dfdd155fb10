import { integrityAlarms } from './integrityAlarms';
import { evidenceItemDigest } from './evidenceDigest';
import { JONAS, KATRIN, PETRA, TOP_MANAGEMENT, makeItem } from './testFixtures';
import { membershipFromGroups, reviewTrust, type DecisionRecord } from './trustedReview';
import type { EvidenceItem } from './evidence';
import { domainText } from './domainText';

const membership = membershipFromGroups({ topManagement: TOP_MANAGEMENT.map((p) => p.id!), isb: [JONAS.id!], auditor: [PETRA.id!] });
const item = (id: string, overrides: Partial<EvidenceItem> = {}) => makeItem('securityPolicy', '2026-02-01T09:00:00+01:00', { id, capturedBy: JONAS, contentSha256: 'a'.repeat(64), ...overrides });
const acceptance = (of: EvidenceItem, by = KATRIN): DecisionRecord => ({
  id: `d-${of.id}`,
  evidenceItemId: of.id!,
  decision: 'accepted',
  itemDigest: evidenceItemDigest(of),
  contentSha256: of.contentSha256!,
  createdBy: { id: by.id!, displayName: by.displayName },
  createdAt: '2026-02-02T09:00:00Z',
});
const base = { timeZone: 'Europe/Berlin' };

describe('integrity alarms', () => {
  it('raises nothing when every acceptance is backed, nothing is unreadable and all minutes hold', () => {
    const ok = item('1', { reviewStatus: 'accepted', reviewer: KATRIN });
    expect(integrityAlarms({ ...base, evidence: [ok], trust: reviewTrust([acceptance(ok)], membership), unreadableIds: [], minutes: [] })).toEqual([]);
  });

  it('names a forged acceptance and a change after acceptance with their items, in German and English', () => {
    const forged = item('2', { reviewStatus: 'accepted', reviewer: JONAS, capturedBy: KATRIN });
    const accepted = item('3', { reviewStatus: 'accepted', reviewer: KATRIN });
    const changed = { ...accepted, contentSha256: 'b'.repeat(64) };
    const [alarm, ...rest] = integrityAlarms({ ...base, evidence: [forged, changed], trust: reviewTrust([acceptance(accepted)], membership) });
    expect(rest).toEqual([]);
    expect(alarm).toMatchObject({ id: 'evidenceReviewIrregular', severity: 'critical', itemIds: ['2', '3'] });
    expect(domainText(alarm!.message, 'de')).toMatch(/^2 Nachweise mit unstimmiger Prüfung:.*Nach der Annahme geändert.*ohne Entscheidungsnachweis/);
    expect(domainText(alarm!.message, 'en')).toMatch(/^2 evidence items with an irregular review:.*Changed after acceptance.*without a decision record/);
  });

  it('raises one alarm for unreadable items and one per minutes whose signature no longer holds', () => {
    const alarms = integrityAlarms({ ...base, evidence: [], unreadableIds: ['7'], minutes: [{ occurrenceStart: '2026-02-10T09:00:00.000Z', flags: ['changedAfterSignature'] }] });
    expect(alarms.map((a) => [a.id, a.itemIds])).toEqual([
      ['evidenceUnreadable', ['7']],
      ['minutesChangedAfterSignature', []],
    ]);
    expect(domainText(alarms[0]!.message, 'de')).toContain('1 Nachweis ist unlesbar');
    expect(domainText(alarms[1]!.message, 'de')).toContain('vom 10.02.2026');
    expect(domainText(alarms[1]!.message, 'en')).toContain('Changed after signature');
  });
});
