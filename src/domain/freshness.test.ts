import { domainText } from './domainText';
import type { Message } from './text';
import { computeExpiresAt, describeFreshnessCategory, describeFreshnessRule, isCurrentAt } from './freshness';
import { DEFAULT_FRESHNESS_SETTINGS, freshnessSettings } from './freshnessSettings';
import type { EvidenceTypeId } from './evidenceTypes';

const settings = DEFAULT_FRESHNESS_SETTINGS;
const both = (text: Message) => ({ de: domainText(text, 'de'), en: domainText(text, 'en') });
const expiry = (type: EvidenceTypeId, effectiveDate: string, extra: Record<string, unknown> = {}, context = {}) =>
  computeExpiresAt({ type, effectiveDate, ...extra }, settings, context)?.toISOString() ?? null;

describe('policy: 12 months after signing', () => {
  it('counts through the anniversary and is stale from the next local midnight', () => {
    const expiresAt = computeExpiresAt({ type: 'securityPolicy', effectiveDate: '2025-03-15T10:00:00+01:00' }, settings)!;
    // 16 March 2026 00:00 in Berlin (winter time) = 15 March 23:00 UTC.
    expect(expiresAt.toISOString()).toBe('2026-03-15T23:00:00.000Z');
    expect(isCurrentAt(expiresAt, new Date('2026-03-15T22:59:59.999Z'))).toBe(true);
    expect(isCurrentAt(expiresAt, new Date('2026-03-15T23:00:00.000Z'))).toBe(false);
  });

  it('handles a policy signed on 29 February', () => {
    // 29 Feb 2024 + 12 months = 28 Feb 2025; stale from 1 March 2025 00:00 Berlin.
    expect(expiry('securityPolicy', '2024-02-29T09:00:00+01:00')).toBe('2025-02-28T23:00:00.000Z');
  });

  it('uses the signing day in the company time zone, not in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin.
    expect(expiry('securityPolicy', '2025-03-31T23:30:00Z')).toBe('2026-04-01T22:00:00.000Z');
  });

  it('follows a company that counts 24 months', () => {
    const longer = freshnessSettings({ policyMonths: 24 });
    expect(computeExpiresAt({ type: 'securityPolicy', effectiveDate: '2025-03-15T10:00:00+01:00' }, longer)?.toISOString()).toBe(
      '2027-03-15T23:00:00.000Z',
    );
    expect(domainText(describeFreshnessCategory('policy', longer), 'de')).toBe('Gilt 24 Monate ab Unterschrift.');
  });
});

describe('CEO communication: 90 days', () => {
  it('counts across the spring DST change without shifting the day', () => {
    // Sent 10 January 2026, counts through 10 April 2026, stale from 11 April 00:00 CEST.
    expect(expiry('ceoMail', '2026-01-10T08:00:00Z')).toBe('2026-04-10T22:00:00.000Z');
  });

  it('is stale exactly at the expiry instant', () => {
    const expiresAt = computeExpiresAt({ type: 'intranetPost', effectiveDate: '2026-01-10T08:00:00Z' }, settings)!;
    expect(isCurrentAt(expiresAt, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(isCurrentAt(expiresAt, expiresAt)).toBe(false);
  });
});

describe('management review minutes: until the next planned review + 30 days', () => {
  const planned = [new Date('2026-06-18T08:00:00Z'), new Date('2026-03-19T09:00:00Z'), new Date('2026-09-17T08:00:00Z')];

  it('uses the first planned review after the minutes', () => {
    // Minutes of 19 March 2026 → next planned 18 June → counts through 18 July.
    expect(expiry('reviewMinutes', '2026-03-19T11:00:00+01:00', {}, { plannedReviewStarts: planned })).toBe('2026-07-18T22:00:00.000Z');
  });

  it('falls back to 12 months without a planned review', () => {
    expect(expiry('reviewMinutes', '2026-03-19T11:00:00+01:00')).toBe('2027-03-19T23:00:00.000Z');
  });

  it('treats attendance and transcripts of the review the same way', () => {
    expect(expiry('meetingAttendance', '2026-03-19T11:00:00+01:00', {}, { plannedReviewStarts: planned })).toBe('2026-07-18T22:00:00.000Z');
  });
});

describe('other periods', () => {
  it('budget: the fiscal year it covers', () => {
    expect(expiry('budgetPlan', '2026-02-01T09:00:00+01:00')).toBe('2026-12-31T23:00:00.000Z');
    // Approved in December for the next year.
    expect(expiry('budgetPlan', '2025-12-10T09:00:00+01:00', { fiscalYear: 2026 })).toBe('2026-12-31T23:00:00.000Z');
    const april = freshnessSettings({ fiscalYearStartMonth: 4 });
    expect(computeExpiresAt({ type: 'securityInvoice', effectiveDate: '2026-02-01T09:00:00+01:00' }, april)?.toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    expect(domainText(describeFreshnessRule('budgetPlan', april), 'de')).toBe('Gilt für das Geschäftsjahr, das er abdeckt (Beginn im April).');
  });

  it('ISB appointment: until revoked', () => {
    expect(expiry('isbAppointment', '2024-05-02T09:00:00+02:00')).toBeNull();
    expect(isCurrentAt(null, new Date('2099-01-01T00:00:00Z'))).toBe(true);
    expect(expiry('isbAppointment', '2024-05-02T09:00:00+02:00', { revokedAt: '2026-01-31T17:00:00+01:00' })).toBe('2026-01-31T16:00:00.000Z');
  });

  it('objectives 12 months, progress reports one quarter', () => {
    expect(expiry('securityObjectives', '2026-01-15T09:00:00+01:00')).toBe('2027-01-15T23:00:00.000Z');
    expect(expiry('objectiveProgressReport', '2026-01-15T09:00:00+01:00')).toBe('2026-04-15T22:00:00.000Z');
  });

  it('internal audit reports and training records: 12 months', () => {
    expect(expiry('internalAuditReport', '2025-11-03T09:00:00+01:00')).toBe('2026-11-03T23:00:00.000Z');
    expect(expiry('trainingRecord', '2025-11-03T09:00:00+01:00')).toBe('2026-11-03T23:00:00.000Z');
  });

  it('a booked review counts until 30 days after its date', () => {
    expect(expiry('reviewBooking', '2026-01-05T09:00:00+01:00', { scheduledFor: '2026-03-19T09:00:00+01:00' })).toBe('2026-04-18T22:00:00.000Z');
  });
});

describe('rules in words', () => {
  it('say the company numbers in German and English', () => {
    expect(both(describeFreshnessRule('ceoMail', settings))).toEqual({
      de: 'Gilt 90 Tage ab Versand.',
      en: 'Current for 90 days after it was sent.',
    });
    expect(domainText(describeFreshnessRule('reviewMinutes', settings), 'en')).toBe(
      'Current until the next planned management review plus 30 days (without a planned date: 12 months).',
    );
    expect(domainText(describeFreshnessRule('isbAppointment', settings), 'de')).toBe('Gilt bis zum Widerruf.');
    expect(domainText(describeFreshnessCategory('communication', freshnessSettings({ communicationDays: 1 })), 'en')).toBe('Current for 1 day after it was sent.');
  });

  it('reject invalid company settings with the field named', () => {
    expect(() => freshnessSettings({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone[\s\S]*Unknown time zone/);
    expect(() => freshnessSettings({ fiscalYearStartMonth: 13 })).toThrow(/fiscalYearStartMonth/);
  });
});
