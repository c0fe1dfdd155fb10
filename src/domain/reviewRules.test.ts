import { domainText } from './domainText';
import { assertReviewAllowed, decisionViolation, mayReviewItem, REVIEW_RULE_MESSAGES, ReviewNotAllowedError } from './reviewRules';
import { JONAS, KATRIN } from './testFixtures';

describe('who may review an item', () => {
  it('applies the four-eyes rule to reviews', () => {
    expect(mayReviewItem({ person: KATRIN, roles: ['topManagement'] }, { capturedBy: JONAS })).toEqual({ allowed: true });
    const own = mayReviewItem({ person: JONAS, roles: ['isb'] }, { capturedBy: JONAS });
    expect(own.allowed).toBe(false);
    expect(domainText(own.reason!, 'de')).toContain('Vier-Augen-Prinzip');
    expect(mayReviewItem({ person: KATRIN, roles: ['staff'] }, { capturedBy: JONAS }).allowed).toBe(false);
  });
});

describe('one review rule with its messages as keys', () => {
  it('refuses a rejection without a reason, whoever decides, and says so in both languages', () => {
    expect(decisionViolation({ status: 'rejected', comment: '   ' })).toBe('commentRequired');
    expect(decisionViolation({ status: 'accepted' })).toBeUndefined();
    expect(() => assertReviewAllowed({ reviewer: KATRIN, mayReview: true, capturedBy: JONAS, status: 'rejected' })).toThrow('Please explain why the item is rejected.');
    expect(REVIEW_RULE_MESSAGES.commentRequired).toEqual({ key: 'review.rule.commentRequired' });
    expect(domainText(REVIEW_RULE_MESSAGES.commentRequired, 'de')).toBe('Bitte begründen, warum der Nachweis abgelehnt wird.');
  });

  it('carries the reason as a key on the error, for the reader’s language', () => {
    const error = (() => {
      try {
        assertReviewAllowed({ reviewer: JONAS, mayReview: true, capturedBy: JONAS, status: 'accepted' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReviewNotAllowedError);
    expect((error as ReviewNotAllowedError).userMessage).toEqual({ key: 'review.rule.ownEvidence' });
  });
});
