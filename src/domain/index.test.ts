import * as domain from './index';

describe('the domain entry point', () => {
  it('exports the building blocks other modules use', () => {
    for (const name of [
      'EvidenceItemSchema',
      'parseEvidenceItem',
      'mailSourceKey',
      'meetingSourceKey',
      'computeExpiresAt',
      'evaluateReadiness',
      'renderAgendaHtml',
      'resolveRoles',
      'permissionsFor',
      'sha256Hex',
      'quarterOf',
      'CLAUSES',
      'EVIDENCE_TYPES',
      'CHECKLIST_ITEMS',
      'DEFAULT_FRESHNESS_SETTINGS',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});
