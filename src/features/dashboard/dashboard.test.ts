import { eventSourceKey, mailSourceKey, uploadSourceKey, type PersonRef } from '../../domain';
import { GraphForbiddenError } from '../../graph';
import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import { loadOrganisationPeople } from './organisationPeople';
import { buildDashboard } from './readinessView';

const ROLE_GROUPS = { topManagement: '0a0a0a0a-0000-4000-8000-00000000a001', isb: '0a0a0a0a-0000-4000-8000-00000000a002', auditors: '0a0a0a0a-0000-4000-8000-00000000a003' };

const JONAS: PersonRef = { id: 'id-jonas', upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { id: 'id-katrin', upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
const NOW = new Date('2026-03-10T09:00:00Z');
const people = { topManagement: [KATRIN], isb: [JONAS] };

describe('dashboard model', () => {
  it('moves from not ready to fewer alarms as evidence is filed and accepted', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => NOW });
    const empty = buildDashboard(await store.sync(), people, NOW);
    expect(empty.readiness.score).toBe(0);
    expect(empty.readiness.level).toBe('notReady');
    expect(empty.readiness.alarms.map((a) => a.id)).toEqual(expect.arrayContaining(['policyMissing', 'reviewNotScheduled', 'isbMissing', 'ceoCommunicationMissing']));
    expect(empty.readiness.firstSteps.every((s) => !s.done)).toBe(true);
    expect(empty.nextReview).toBeNull();

    await store.capture({ title: 'Leitlinie', type: 'securityPolicy', clauses: ['5.2'], source: 'upload', sourceKey: uploadSourceKey('p'), effectiveDate: '2026-03-01T10:00:00Z', summary: '', signedBy: KATRIN });
    await store.capture({ title: 'Warum Sicherheit zählt', type: 'ceoMail', clauses: ['5.1d'], source: 'outlook', sourceKey: mailSourceKey('<m@x>'), effectiveDate: '2026-03-02T10:00:00Z', summary: '', author: KATRIN });
    await store.capture({ title: 'Management-Review Q2', type: 'reviewBooking', clauses: ['9.3.1'], source: 'outlookCalendar', sourceKey: eventSourceKey('e1'), effectiveDate: '2026-03-03T10:00:00Z', summary: '', scheduledFor: '2026-04-20T08:00:00Z' });
    const pending = buildDashboard(await store.sync(), people, NOW);
    expect(pending.readiness.checklist.find((c) => c.id === 'policy')!.state).toBe('waitingForReview');
    expect(pending.readiness.firstSteps.every((s) => s.done)).toBe(true);
    expect(pending.nextReview?.toISOString()).toBe('2026-04-20T08:00:00.000Z');

    for (const item of await store.sync()) await store.review(item.id, item.etag, { status: 'accepted' }, KATRIN);
    const accepted = buildDashboard(await store.sync(), people, NOW);
    expect(accepted.readiness.checklist.find((c) => c.id === 'policy')!.state).toBe('accepted');
    expect(accepted.readiness.score).toBeGreaterThan(pending.readiness.score);
    expect(accepted.readiness.alarms.map((a) => a.id)).not.toContain('policyMissing');
  });
});

describe('organisation people', () => {
  const fallback = { me: KATRIN, isTopManagement: true, isIsb: false };
  it('lists the members of the role groups', async () => {
    const graph = {
      groups: {
        members: async (id: string) =>
          id === ROLE_GROUPS.topManagement
            ? [{ id: 'id-katrin', displayName: 'Katrin Berger', userPrincipalName: KATRIN.upn! }]
            : [{ id: 'id-jonas', displayName: 'Jonas Weber', userPrincipalName: JONAS.upn! }],
      },
    };
    expect(await loadOrganisationPeople(graph, fallback, ROLE_GROUPS)).toEqual({ people: { topManagement: [KATRIN], isb: [JONAS] }, incomplete: false });
    expect(await loadOrganisationPeople(graph, fallback, undefined)).toEqual({ people: { topManagement: [], isb: [] }, incomplete: false });
  });

  it('says the list is incomplete when group members may not be read', async () => {
    const forbidden = Object.create(GraphForbiddenError.prototype) as GraphForbiddenError;
    const graph = { groups: { members: async () => Promise.reject(forbidden) } };
    expect(await loadOrganisationPeople(graph, fallback, ROLE_GROUPS)).toEqual({ people: { topManagement: [KATRIN], isb: [] }, incomplete: true });
  });
});

describe('a company with every piece of evidence', () => {
  it('is ready for the audit once everything is accepted', async () => {
    const { readyCompanyEvidence } = await import('./testing/readyCompany');
    const now = new Date();
    const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => now });
    for (const input of readyCompanyEvidence(now, { ceo: KATRIN, isb: JONAS })) expect((await store.capture(input)).status).toBe('created');
    const pending = buildDashboard(await store.sync(), people, now);
    expect(pending.readiness.level).not.toBe('ready');
    for (const item of await store.sync()) await store.review(item.id, item.etag, { status: 'accepted' }, KATRIN);
    const model = buildDashboard(await store.sync(), people, now);
    expect(model.readiness.alarms).toEqual([]);
    expect(model.readiness.score).toBe(100);
    expect(model.readiness.level).toBe('ready');
    expect(model.readiness.ceoActions.every((a) => a.state === 'evidenced')).toBe(true);
  });
});
