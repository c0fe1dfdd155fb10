import { flagLine } from './binderHistoryText';
import { itemHistory, type HistoryInput } from './itemHistory';

const signature = { id: '9', signedAt: '2026-02-10T10:00:00Z', evidenceDigest: 'd', evidenceCount: 0, entries: [], pdfEvidenceId: '5' };
const base: HistoryInput = { itemId: '5', itemVersions: [], fileVersions: [], decisions: [] };

describe('item history flags (issue 11)', () => {
  it('flags review fields that claim an acceptance no decision record backs, in German and English', () => {
    const history = itemHistory({ ...base, claimedReview: { status: 'accepted', reviewer: 'Jonas Weber', reviewedAt: '2026-02-11T09:00:00Z' } });
    expect(history.flags).toEqual([{ kind: 'reviewWithoutDecision', status: 'accepted', reviewer: 'Jonas Weber', reviewedAt: '2026-02-11T09:00:00Z' }]);
    expect(flagLine(history.flags[0]!, 'de', 'Europe/Berlin')).toMatch(/^PRÜFVERMERK OHNE ENTSCHEIDUNGSNACHWEIS: der Eintrag gibt „angenommen“ durch Jonas Weber am/);
    expect(flagLine(history.flags[0]!, 'en', 'Europe/Berlin')).toMatch(/^REVIEW WITHOUT A DECISION RECORD: the item claims "accepted" by Jonas Weber on/);
  });

  it('does not flag a claimed acceptance backed by a record, nor a pending item', () => {
    expect(itemHistory({ ...base, claimedReview: { status: 'accepted' }, decisions: [{ decision: 'accepted', decidedAt: '2026-02-11T09:00:00Z' }] }).flags).toEqual([]);
    expect(itemHistory({ ...base, claimedReview: { status: 'pending' } }).flags).toEqual([]);
  });

  it('does not call the signature’s own minutes PDF "added after signature", but any other new item', () => {
    expect(itemHistory({ ...base, signature }).flags).toEqual([]);
    expect(itemHistory({ ...base, itemId: '6', signature }).flags.map((f) => f.kind)).toEqual(['addedAfterSignature']);
  });
});
