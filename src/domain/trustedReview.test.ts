import { DEFAULT_FRESHNESS_SETTINGS } from './freshnessSettings';
import { evidenceItemDigest } from './evidenceDigest';
import { evaluateReadiness } from './readiness';
import { reviewRuleViolation } from './reviewRules';
import { ANNA, JONAS, KATRIN, PETRA, THOMAS, TOP_MANAGEMENT, makeItem } from './testFixtures';
import { membershipFromGroups, reviewTrust, trustedReview, type DecisionRecord } from './trustedReview';
import type { EvidenceItem } from './evidence';

const membership = membershipFromGroups({
  topManagement: TOP_MANAGEMENT.map((p) => p.id!),
  isb: [JONAS.id!],
  auditor: [PETRA.id!],
});

const author = (p: { id?: string; displayName: string; upn?: string }) => ({ id: p.id!, displayName: p.displayName, email: p.upn! });

let seq = 0;
function decisionOn(item: EvidenceItem, by: typeof KATRIN, overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  seq += 1;
  return {
    id: String(seq),
    evidenceItemId: item.id!,
    decision: 'accepted',
    itemDigest: evidenceItemDigest(item),
    ...(item.contentSha256 ? { contentSha256: item.contentSha256 } : {}),
    evidenceVersion: '1.0',
    createdBy: author(by),
    createdAt: new Date(Date.parse(item.capturedAt) + seq * 60_000).toISOString(),
    ...overrides,
  };
}

const sha = (c: string) => c.repeat(64);
const policy = () => makeItem('securityPolicy', '2026-02-01T09:00:00+01:00', { capturedBy: KATRIN, reviewer: JONAS, contentSha256: sha('a') });
const withId = (item: EvidenceItem) => ({ ...item, id: item.id! });

describe('trusted review state', () => {
  it('accepts an item with a decision record by the ISB on someone else\u2019s evidence', () => {
    const item = policy();
    const decision = decisionOn(item, JONAS);
    expect(trustedReview(withId(item), [decision], membership)).toEqual({ status: 'accepted', decision, flags: [] });
  });

  it('flags an acceptance written into the item without any decision record and counts it as pending', () => {
    const item = policy(); // the item says "accepted by Jonas": patched by hand
    expect(trustedReview(withId(item), [], membership)).toEqual({ status: 'pending', flags: ['noDecisionRecord'] });
  });

  it('flags a file replaced and its hash patched after the acceptance', () => {
    const item = policy();
    const decision = decisionOn(item, JONAS);
    const patched = { ...item, contentSha256: sha('b') };
    expect(trustedReview(withId(patched), [decision], membership)).toMatchObject({ status: 'pending', flags: ['changedAfterAcceptance'] });
    const retitled = { ...item, title: 'Richtlinie (neu)' };
    expect(trustedReview(withId(retitled), [decision], membership).flags).toEqual(['changedAfterAcceptance']);
  });

  it('ignores a decision by someone without the role, by an auditor, or on one\u2019s own evidence', () => {
    const item = policy();
    expect(trustedReview(withId(item), [decisionOn(item, ANNA)], membership)).toEqual({ status: 'pending', flags: ['noDecisionRecord', 'decisionWithoutRole'] });
    expect(trustedReview(withId(item), [decisionOn(item, PETRA)], membership).flags).toContain('decisionWithoutRole');
    expect(trustedReview(withId(item), [decisionOn(item, KATRIN)], membership)).toEqual({ status: 'pending', flags: ['noDecisionRecord', 'ownEvidence'] });
  });

  it('takes the latest valid decision and notices when the item claims another outcome', () => {
    const item = { ...policy(), reviewStatus: 'accepted' as const };
    const accepted = decisionOn(item, JONAS);
    const rejected = decisionOn(item, THOMAS, { decision: 'rejected', comment: 'Unterschrift fehlt' });
    expect(trustedReview(withId(item), [rejected, accepted], membership)).toMatchObject({ status: 'rejected', decision: rejected, flags: ['noDecisionRecord'] });
  });

  it('does not flag a display cache that lags behind (still pending) and ignores a rejection without a reason', () => {
    const item = { ...policy(), reviewStatus: 'pending' as const };
    const decision = decisionOn(item, JONAS);
    expect(trustedReview(withId(item), [decision], membership)).toMatchObject({ status: 'accepted', flags: [] });
    expect(trustedReview(withId(item), [decisionOn(item, JONAS, { decision: 'rejected' })], membership)).toMatchObject({ status: 'pending', flags: [] });
  });
});

describe('readiness with decision records', () => {
  it('counts a forged or changed acceptance as not accepted', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const item = policy();
    const run = (evidence: EvidenceItem[], decisions: DecisionRecord[]) =>
      evaluateReadiness({
        evidence,
        people: { topManagement: TOP_MANAGEMENT, isb: [JONAS], activeUsers: [KATRIN, JONAS] },
        now,
        settings: DEFAULT_FRESHNESS_SETTINGS,
        trust: reviewTrust(decisions, membership),
      }).checklist.find((e) => e.id === 'policy')!.state;
    expect(run([item], [decisionOn(item, JONAS)])).toBe('accepted');
    expect(run([item], [])).toBe('waitingForReview');
    expect(run([{ ...item, contentSha256: sha('c') }], [decisionOn(item, JONAS)])).toBe('waitingForReview');
  });
});

describe('review rules (one place)', () => {
  it('refuse reviewers without the role, one\u2019s own evidence and a rejection without reason', () => {
    expect(reviewRuleViolation({ reviewer: ANNA, mayReview: false, capturedBy: KATRIN, status: 'accepted' })).toBe('noRole');
    expect(reviewRuleViolation({ reviewer: KATRIN, mayReview: true, capturedBy: KATRIN, status: 'accepted' })).toBe('ownEvidence');
    expect(reviewRuleViolation({ reviewer: JONAS, mayReview: true, capturedBy: KATRIN, status: 'rejected', comment: '  ' })).toBe('commentRequired');
    expect(reviewRuleViolation({ reviewer: JONAS, mayReview: true, capturedBy: KATRIN, status: 'rejected', comment: 'unvollständig' })).toBeUndefined();
  });
});
