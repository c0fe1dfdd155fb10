import { RoleSettingsSchema, mayReviewItem, permissionsFor, resolveRoles } from './roles';
import { JONAS, KATRIN } from './testFixtures';

const GF = { displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' };
const ISB = { displayName: 'Informationssicherheit', mailNickname: 'informationssicherheit' };
const AUDIT = { displayName: 'Auditoren', mailNickname: 'auditoren' };
const ALL = { displayName: 'Alle Mitarbeitenden', mailNickname: 'alle' };

describe('roles from the demo tenant groups', () => {
  it('maps the CEO, the ISB, the auditor and staff', () => {
    expect(resolveRoles({ groups: [GF, ALL], jobTitle: 'Geschäftsführerin' })).toMatchObject({ primary: 'topManagement', roles: ['topManagement'], hints: [] });
    expect(resolveRoles({ groups: [ISB, ALL], jobTitle: 'Informationssicherheitsbeauftragter' }).primary).toBe('isb');
    expect(resolveRoles({ groups: [AUDIT] }).primary).toBe('auditor');
    expect(resolveRoles({ groups: [ALL], jobTitle: 'Vertrieb' })).toMatchObject({ primary: 'staff', roles: ['staff'] });
  });

  it('treats managers in the Geschäftsführung group as top management whatever their title', () => {
    expect(resolveRoles({ groups: [GF, ALL], jobTitle: 'Kaufmännischer Leiter' }).primary).toBe('topManagement');
  });

  it('matches group names by mail nickname and regardless of case', () => {
    expect(resolveRoles({ groups: [{ displayName: 'GF-Team', mailNickname: 'Geschaeftsfuehrung' }] }).primary).toBe('topManagement');
    expect(resolveRoles({ groups: [{ displayName: 'GESCHÄFTSFÜHRUNG' }] }).primary).toBe('topManagement');
  });

  it('does not grant rights from a job title alone, but hints at the missing group', () => {
    const result = resolveRoles({ groups: [ALL], jobTitle: 'CEO' });
    expect(result.primary).toBe('staff');
    expect(result.titleSuggests).toEqual(['topManagement']);
    expect(result.hints[0]?.en).toBe('The job title "CEO" suggests the role "Top management", but the person is not in the matching group.');
    expect(resolveRoles({ groups: [ALL], jobTitle: 'Head of CEO Office Services' }).titleSuggests).toEqual(['topManagement']);
    expect(resolveRoles({ groups: [ALL], jobTitle: 'Disbursement' }).titleSuggests).toEqual([]);
  });

  it('grants the role from the title when the company opts in', () => {
    const settings = RoleSettingsSchema.parse({ grantRolesFromJobTitle: true });
    expect(resolveRoles({ groups: [ALL], jobTitle: 'ISB' }, settings).primary).toBe('isb');
  });

  it('uses configured group names', () => {
    const settings = RoleSettingsSchema.parse({ groups: { topManagement: ['Vorstand'], isb: ['Security'], auditor: ['Revision'] } });
    expect(resolveRoles({ groups: [{ displayName: 'Vorstand' }] }, settings).primary).toBe('topManagement');
    expect(resolveRoles({ groups: [GF] }, settings).primary).toBe('staff');
  });
});

describe('permissions', () => {
  it('lets only top management sign minutes', () => {
    expect(permissionsFor(['topManagement']).maySignMinutes).toBe(true);
    expect(permissionsFor(['isb']).maySignMinutes).toBe(false);
    expect(permissionsFor(['isb'])).toMatchObject({ mayReview: true, mayCapture: true, mayReadAll: true, maySeePanel: true });
  });

  it('keeps auditors read-only, even with another role', () => {
    expect(permissionsFor(['auditor'])).toEqual({ maySeePanel: true, mayReadAll: true, mayCapture: false, mayReview: false, maySignMinutes: false });
    expect(permissionsFor(['isb', 'auditor']).mayReview).toBe(false);
  });

  it('shows staff no panel data', () => {
    expect(permissionsFor(['staff'])).toEqual({ maySeePanel: false, mayReadAll: false, mayCapture: false, mayReview: false, maySignMinutes: false });
  });

  it('applies the four-eyes rule to reviews', () => {
    expect(mayReviewItem({ person: KATRIN, roles: ['topManagement'] }, { capturedBy: JONAS })).toEqual({ allowed: true });
    const own = mayReviewItem({ person: JONAS, roles: ['isb'] }, { capturedBy: JONAS });
    expect(own.allowed).toBe(false);
    expect(own.reason?.de).toContain('Vier-Augen-Prinzip');
    expect(mayReviewItem({ person: KATRIN, roles: ['staff'] }, { capturedBy: JONAS }).allowed).toBe(false);
  });
});
