import { EvidenceItemSchema } from './evidence';
import { domainText } from './domainText';
import { acceptEvidence, rejectEvidence } from './review';
import { ReviewNotAllowedError } from './reviewRules';
import { JONAS, KATRIN, PETRA, makeItem } from './testFixtures';

const pending = makeItem('ceoMail', '2026-11-20T08:00:00Z', {
  capturedBy: JONAS,
  reviewStatus: 'pending',
  reviewer: undefined,
  reviewedAt: undefined,
});
const at = new Date('2026-11-21T09:00:00Z');

describe('reviewing evidence', () => {
  it('accepts with reviewer and time, giving a valid item', () => {
    const accepted = acceptEvidence(pending, { person: KATRIN, roles: ['topManagement'], at });
    expect(accepted).toMatchObject({ reviewStatus: 'accepted', reviewer: KATRIN, reviewedAt: '2026-11-21T09:00:00.000Z' });
    expect(EvidenceItemSchema.safeParse(accepted).success).toBe(true);
    expect(pending.reviewStatus).toBe('pending');
  });

  it('rejects only with a reason', () => {
    expect(() => rejectEvidence(pending, { person: KATRIN, roles: ['topManagement'], at }, '  ')).toThrow('Please explain why the item is rejected.');
    const rejected = rejectEvidence(pending, { person: KATRIN, roles: ['topManagement'], at }, ' Entwurf, nie versendet ');
    expect(rejected.reviewComment).toBe('Entwurf, nie versendet');
    expect(EvidenceItemSchema.safeParse(rejected).success).toBe(true);
  });

  it('refuses self-review, auditors and reviews dated before capture', () => {
    expect(() => acceptEvidence(pending, { person: JONAS, roles: ['isb'], at })).toThrow(ReviewNotAllowedError);
    expect(() => acceptEvidence(pending, { person: PETRA, roles: ['auditor'], at })).toThrow('Only top management and the ISB may review evidence.');
    try {
      acceptEvidence(pending, { person: KATRIN, roles: ['topManagement'], at: new Date('2026-11-19T00:00:00Z') });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(domainText((error as ReviewNotAllowedError).reason, 'de')).toBe('Der Prüfzeitpunkt liegt vor der Erfassung des Nachweises.');
    }
  });
});
