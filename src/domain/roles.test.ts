import { permissionsFor, resolveRoles, RoleGroupsSchema, type RoleGroups } from './roles';
import { domainText } from './domainText';

const GROUPS: RoleGroups = {
  topManagement: '11111111-1111-4111-8111-111111111111',
  isb: '22222222-2222-4222-8222-222222222222',
  auditors: '33333333-3333-4333-8333-333333333333',
};
const ALL = '44444444-4444-4444-8444-444444444444';
/** A group someone created and named "Geschäftsführung": its id is not the chosen one. */
const IMPOSTOR = '55555555-5555-4555-8555-555555555555';

describe('roles by group object id', () => {
  it('maps the CEO, the ISB, the auditor and staff by the ids setup chose', () => {
    expect(resolveRoles({ groupIds: [GROUPS.topManagement, ALL], jobTitle: 'Geschäftsführerin' }, GROUPS)).toMatchObject({ primary: 'topManagement', roles: ['topManagement'], hints: [], configured: true });
    expect(resolveRoles({ groupIds: [GROUPS.isb, ALL] }, GROUPS).primary).toBe('isb');
    expect(resolveRoles({ groupIds: [GROUPS.auditors.toUpperCase()] }, GROUPS).primary).toBe('auditor');
    expect(resolveRoles({ groupIds: [ALL], jobTitle: 'Vertrieb' }, GROUPS)).toMatchObject({ primary: 'staff', roles: ['staff'] });
  });

  it('gives a member of another group with the same name no role', () => {
    expect(resolveRoles({ groupIds: [IMPOSTOR], jobTitle: 'Geschäftsführer' }, GROUPS).primary).toBe('staff');
  });

  it('gives nobody a role before setup chose the groups, and says so', () => {
    const result = resolveRoles({ groupIds: [GROUPS.topManagement] }, undefined);
    expect(result).toMatchObject({ primary: 'staff', configured: false });
  });

  it('does not grant rights from a job title, but hints at the missing group', () => {
    const result = resolveRoles({ groupIds: [ALL], jobTitle: 'CEO' }, GROUPS);
    expect(result.primary).toBe('staff');
    expect(result.titleSuggests).toEqual(['topManagement']);
    expect(result.hints[0] && domainText(result.hints[0])).toBe('The job title "CEO" suggests the role "Top management", but the person is not in the matching group.');
    expect(resolveRoles({ groupIds: [ALL], jobTitle: 'Head of CEO Office Services' }, GROUPS).titleSuggests).toEqual(['topManagement']);
    expect(resolveRoles({ groupIds: [ALL], jobTitle: 'Disbursement' }, GROUPS).titleSuggests).toEqual([]);
  });

  it('accepts only object ids as role groups, never names', () => {
    expect(RoleGroupsSchema.safeParse({ ...GROUPS, topManagement: 'Geschäftsführung' }).success).toBe(false);
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
});
