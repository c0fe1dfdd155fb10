import type { EvidenceItem } from './evidence';
import { DEFAULT_FRESHNESS_SETTINGS } from './freshnessSettings';
import type { OrganisationPeople } from './involvement';
import { domainText } from './domainText';
import { evaluateReadiness, readinessScore } from './readiness';
import { ANNA, JONAS, KATRIN, KLAUS, PETRA, SABINE, THOMAS, TOP_MANAGEMENT, makeItem } from './testFixtures';

const now = new Date('2026-11-27T10:00:00Z'); // Q4 2026
const people: OrganisationPeople = {
  topManagement: TOP_MANAGEMENT,
  isb: [JONAS],
  activeUsers: [KATRIN, THOMAS, SABINE, JONAS, ANNA, PETRA],
};
const nextReview = new Date('2027-01-21T09:00:00Z');

function readiness(evidence: EvidenceItem[], options: { at?: Date; planned?: Date[]; who?: OrganisationPeople } = {}) {
  return evaluateReadiness({
    evidence,
    people: options.who ?? people,
    now: options.at ?? now,
    settings: DEFAULT_FRESHNESS_SETTINGS,
    plannedReviewStarts: options.planned ?? [nextReview],
  });
}

/** Everything an auditor wants to see, all current on 27 November 2026. */
function completeFolder(): EvidenceItem[] {
  const objectives = makeItem('securityObjectives', '2026-02-10T09:00:00+01:00', { signedBy: KATRIN });
  return [
    makeItem('securityPolicy', '2026-02-01T09:00:00+01:00'),
    makeItem('reviewMinutes', '2026-10-15T12:00:00+02:00'),
    objectives,
    makeItem('objectiveProgressReport', '2026-10-15T12:00:00+02:00', { relatesTo: [objectives.id!] }),
    makeItem('budgetPlan', '2025-12-12T09:00:00+01:00', { fiscalYear: 2026, signedBy: KATRIN }),
    makeItem('ceoMail', '2026-11-03T08:00:00+01:00'),
    makeItem('intranetPost', '2026-11-04T08:00:00+01:00'),
    makeItem('allHandsSlides', '2026-09-30T15:00:00+02:00', { author: KATRIN }),
    makeItem('internalAuditReport', '2026-06-01T09:00:00+02:00'),
    makeItem('trainingRecord', '2026-05-20T09:00:00+02:00'),
    makeItem('isbAppointment', '2024-05-02T09:00:00+02:00'),
    makeItem('orgChart', '2026-01-10T09:00:00+01:00'),
  ];
}

const alarmIds = (r: ReturnType<typeof readiness>) => r.alarms.map((a) => a.id);

describe('readiness with nothing on file', () => {
  const r = readiness([], { planned: [] });

  it('scores 0 with every checklist item missing', () => {
    expect(r.score).toBe(0);
    expect(r.level).toBe('notReady');
    expect(r.checklist).toHaveLength(9);
    expect(new Set(r.checklist.map((c) => c.state))).toEqual(new Set(['missing']));
    expect(r.checklist.find((c) => c.id === 'budget')?.rules.map((rule) => domainText(rule, 'en'))).toEqual([
      'Current for the fiscal year it covers (starting in January).',
    ]);
    expect(r.checklist.find((c) => c.id === 'objectivesAndPlans')?.rules).toHaveLength(2);
    expect(r.checklist.find((c) => c.id === 'ceoMails')?.rules.map((rule) => ({ de: domainText(rule, 'de'), en: domainText(rule, 'en') }))).toEqual([
      { de: 'Gilt 90 Tage ab Versand.', en: 'Current for 90 days after it was sent.' },
    ]);
  });

  it('raises every alarm, critical ones first, each naming the fix', () => {
    expect(alarmIds(r)).toEqual([
      'policyMissing',
      'reviewNotScheduled',
      'reviewMinutesMissing',
      'isbMissing',
      'delegationWithoutControl',
      'ceoCommunicationMissing',
      'objectivesMissing',
      'budgetMissing',
      'auditReportMissing',
      'trainingMissing',
    ]);
    for (const alarm of r.alarms) {
      expect(domainText(alarm.fix, 'de').length).toBeGreaterThan(20);
      expect(domainText(alarm.fix, 'en').length).toBeGreaterThan(20);
    }
    expect(domainText(r.alarms.find((a) => a.id === 'budgetMissing')!.message, 'de')).toContain('(2026)');
  });

  it('has no CEO action evidenced and no first step done', () => {
    expect(r.ceoActions.map((a) => a.state)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(r.firstSteps.map((s) => [s.id, s.done])).toEqual([
      ['bookReview', false],
      ['checkPolicy', false],
      ['sendMessage', false],
    ]);
  });
});

describe('readiness with a complete folder', () => {
  const r = readiness(completeFolder());

  it('scores 100 with no alarms', () => {
    expect(r.checklist.filter((c) => c.state !== 'accepted')).toEqual([]);
    expect(r.alarms).toEqual([]);
    expect(r.score).toBe(100);
    expect(r.level).toBe('ready');
    expect(domainText(r.levelLabel, 'de')).toBe('Auditbereit');
  });

  it('shows every CEO action evidenced and every first step done', () => {
    expect(r.ceoActions.map((a) => [a.id, a.state])).toEqual([
      ['livedPolicy', 'evidenced'],
      ['budget', 'evidenced'],
      ['reviewMinutes', 'evidenced'],
      ['objectives', 'evidenced'],
      ['responsibility', 'evidenced'],
    ]);
    expect(r.firstSteps.every((s) => s.done)).toBe(true);
  });

  it("shows the director's own involvement apart from the ISB's", () => {
    expect(r.involvement.director.recentCount).toBeGreaterThan(0);
    expect(r.involvement.director.latest?.toISOString()).toBe('2026-11-03T07:00:00.000Z');
    expect(r.involvement.isb.evidence.length).toBeGreaterThan(0);
    expect(r.involvement.delegationWithoutControl).toBe(false);
  });

  it('says until when an accepted item stays accepted', () => {
    const policy = r.checklist.find((c) => c.id === 'policy');
    expect(policy?.acceptedUntil?.toISOString()).toBe('2027-02-01T23:00:00.000Z');
    expect(policy && domainText(policy.stateLabel)).toBe('Accepted');
  });
});

describe('the policy', () => {
  it('turns stale at the first local midnight after its anniversary', () => {
    const folder = [...completeFolder().filter((i) => i.type !== 'securityPolicy'), makeItem('securityPolicy', '2025-11-27T09:00:00+01:00')];
    const onAnniversary = readiness(folder, { at: new Date('2026-11-27T22:59:59Z') });
    expect(onAnniversary.checklist.find((c) => c.id === 'policy')?.state).toBe('accepted');
    const dayAfter = readiness(folder, { at: new Date('2026-11-27T23:00:00Z') });
    expect(dayAfter.checklist.find((c) => c.id === 'policy')?.state).toBe('stale');
    const alarm = dayAfter.alarms.find((a) => a.id === 'policyOutdated');
    expect(domainText(alarm!.message, 'de')).toBe('Die Leitlinie ist älter als 12 Monate (unterschrieben am 27.11.2025).');
    expect(domainText(alarm!.message, 'en')).toBe('The policy is older than 12 months (signed on 27 Nov 2025).');
    expect(dayAfter.firstSteps.find((s) => s.id === 'checkPolicy')?.done).toBe(false);
    expect(dayAfter.score).toBe(89);
  });

  it('raises an alarm when signed by a former managing director', () => {
    const folder = [...completeFolder().filter((i) => i.type !== 'securityPolicy'), makeItem('securityPolicy', '2026-01-05T09:00:00+01:00', { signedBy: KLAUS, id: 'old-sig' })];
    const r = readiness(folder);
    const alarm = r.alarms.find((a) => a.id === 'policySignerNotInManagement');
    expect(alarm?.severity).toBe('critical');
    expect(domainText(alarm!.message, 'en')).toBe('The policy was signed by Klaus Alt, who is no longer part of top management.');
    expect(alarm?.itemIds).toEqual(['old-sig']);
    expect(r.firstSteps.find((s) => s.id === 'checkPolicy')?.done).toBe(false);
    expect(r.checklist.find((c) => c.id === 'policy')?.state).toBe('accepted');
    expect(r.level).toBe('notReady');
  });
});

describe('review status', () => {
  it('counts evidence waiting for review half, and ignores rejected evidence', () => {
    const folder = completeFolder().map((item) =>
      item.type === 'trainingRecord'
        ? { ...item, reviewStatus: 'pending' as const, reviewer: undefined, reviewedAt: undefined }
        : item.type === 'internalAuditReport'
          ? { ...item, reviewStatus: 'rejected' as const, reviewComment: 'Nur der Entwurf' }
          : item,
    );
    const r = readiness(folder);
    expect(r.checklist.find((c) => c.id === 'trainingRecords')?.state).toBe('waitingForReview');
    expect(r.checklist.find((c) => c.id === 'internalAuditReports')?.state).toBe('missing');
    expect(r.score).toBe(Math.round((100 * 7.5) / 9));
    expect(alarmIds(r)).toEqual(['auditReportMissing']);
    expect(r.level).toBe('gaps');
  });

  it('lets an invoice support the budget but not replace the budget plan', () => {
    const folder = [...completeFolder().filter((i) => i.type !== 'budgetPlan'), makeItem('securityInvoice', '2026-09-01T09:00:00+02:00')];
    const budget = readiness(folder).checklist.find((c) => c.id === 'budget');
    expect(budget?.state).toBe('missing');
    expect(budget?.supporting).toHaveLength(1);
  });

  it('computes the score from checklist states', () => {
    expect(readinessScore([])).toBe(0);
  });
});

describe('the quarterly review', () => {
  const withoutReviews = completeFolder().filter((i) => i.type !== 'reviewMinutes');
  const minutesLastQuarter = makeItem('reviewMinutes', '2026-08-20T12:00:00+02:00');

  it('is on track when a review is booked within the next three months', () => {
    const r = readiness([...withoutReviews, minutesLastQuarter], { planned: [nextReview] });
    expect(alarmIds(r)).not.toContain('reviewNotScheduled');
    expect(r.firstSteps.find((s) => s.id === 'bookReview')?.done).toBe(true);
  });

  it('raises an alarm when none was held this quarter and none is booked', () => {
    const r = readiness([...withoutReviews, minutesLastQuarter], { planned: [new Date('2027-03-18T09:00:00Z')] });
    expect(alarmIds(r)).toContain('reviewNotScheduled');
    expect(domainText(r.alarms.find((a) => a.id === 'reviewNotScheduled')!.fix, 'de')).toContain('vierteljährliche');
    expect(r.firstSteps.find((s) => s.id === 'bookReview')?.done).toBe(false);
  });

  it('counts a booking on file like a calendar entry', () => {
    const booking = makeItem('reviewBooking', '2026-11-20T09:00:00+01:00', { scheduledFor: '2027-02-04T10:00:00+01:00' });
    const r = readiness([...withoutReviews, minutesLastQuarter, booking], { planned: [] });
    expect(alarmIds(r)).not.toContain('reviewNotScheduled');
    expect(r.firstSteps.find((s) => s.id === 'bookReview')?.evidence.map((e) => e.item.id)).toEqual([booking.id]);
  });

  it('needs signed minutes: minutes not signed by top management do not evidence the CEO action', () => {
    const unsigned = makeItem('reviewMinutes', '2026-10-15T12:00:00+02:00', { signedBy: JONAS, participants: [JONAS] });
    const r = readiness([...withoutReviews, unsigned]);
    expect(r.checklist.find((c) => c.id === 'reviewMinutes')?.state).toBe('accepted');
    expect(r.ceoActions.find((a) => a.id === 'reviewMinutes')?.state).toBe('missing');
  });
});

describe('objectives', () => {
  it('raise an alarm for an objective without a progress report in the last quarter', () => {
    const objectives = makeItem('securityObjectives', '2026-02-10T09:00:00+01:00', { title: 'Phishing-Vorfälle halbieren' });
    const other = makeItem('securityObjectives', '2026-02-10T09:00:00+01:00', { title: 'Zertifizierung bis Q4' });
    const report = makeItem('objectiveProgressReport', '2026-10-01T09:00:00+02:00', { relatesTo: [other.id!] });
    const oldReport = makeItem('objectiveProgressReport', '2026-07-01T09:00:00+02:00', { relatesTo: [objectives.id!] });
    const folder = [...completeFolder().filter((i) => !['securityObjectives', 'objectiveProgressReport'].includes(i.type)), objectives, other, report, oldReport];
    const alarms = readiness(folder).alarms.filter((a) => a.id === 'objectiveWithoutProgress');
    expect(alarms).toHaveLength(1);
    expect(domainText(alarms[0]!.message, 'de')).toBe('Zu „Phishing-Vorfälle halbieren“ gibt es keinen Fortschrittsbericht aus den letzten 3 Monaten.');
    expect(alarms[0]?.itemIds).toEqual([objectives.id]);
  });
});

describe('the ISB', () => {
  it('raises an alarm when the appointed ISB has left the company', () => {
    const folder = completeFolder().map((i) => (i.type === 'isbAppointment' ? { ...i, appointee: KLAUS } : i));
    const r = readiness(folder);
    expect(domainText(r.alarms.find((a) => a.id === 'isbLeft')!.message, 'en')).toBe('Klaus Alt is appointed ISB but no longer with the company.');
  });

  it('counts a revoked appointment as gone', () => {
    const folder = completeFolder().map((i) => (i.type === 'isbAppointment' ? { ...i, revokedAt: '2026-10-01T00:00:00+02:00' } : i));
    expect(alarmIds(readiness(folder))).toContain('isbMissing');
  });
});

describe('delegation without control', () => {
  it('warns when only the ISB has been active recently', () => {
    const isbOnly = [
      makeItem('trainingRecord', '2026-11-10T09:00:00+01:00'),
      makeItem('internalAuditReport', '2026-10-10T09:00:00+02:00', { author: JONAS }),
      makeItem('ceoMail', '2026-06-01T09:00:00+02:00'), // Katrin, but more than 90 days ago
    ];
    const r = readiness(isbOnly);
    expect(r.involvement.director.recentCount).toBe(0);
    expect(r.involvement.director.latest?.toISOString()).toBe('2026-06-01T07:00:00.000Z');
    expect(r.involvement.isb.recentCount).toBe(2);
    const alarm = r.alarms.find((a) => a.id === 'delegationWithoutControl');
    expect(domainText(alarm!.message, 'en')).toBe(
      'Delegation without control: no personal contribution by top management is recorded in the last 90 days; only the ISB is active.',
    );
  });

  it('is satisfied by the director attending a review', () => {
    const attended = makeItem('meetingAttendance', '2026-11-12T10:00:00+01:00', { participants: [THOMAS, JONAS] });
    const r = readiness([attended]);
    expect(r.involvement.delegationWithoutControl).toBe(false);
    expect(r.involvement.director.evidence.map((e) => e.item.id)).toEqual([attended.id]);
  });

  it('does not count a message to staff written by the ISB as management communication', () => {
    const isbMail = makeItem('ceoMail', '2026-11-20T09:00:00+01:00', { author: JONAS });
    const r = readiness([isbMail]);
    expect(alarmIds(r)).toContain('ceoCommunicationMissing');
    expect(r.firstSteps.find((s) => s.id === 'sendMessage')?.done).toBe(false);
    expect(r.checklist.find((c) => c.id === 'ceoMails')?.state).toBe('accepted');
  });
});
