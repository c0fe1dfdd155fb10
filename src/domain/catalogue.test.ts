import { CHECKLIST_ITEMS, CHECKLIST_ITEM_IDS } from './checklistItems';
import { CLAUSES, CLAUSE_IDS, clauseById, clausesSupportedBy, clauseWithAncestors, childClauses } from './clauses';
import { EVIDENCE_TYPES, evidenceTypeById, evidenceTypesFor } from './evidenceTypes';
import { DEFAULT_FRESHNESS_SETTINGS } from './freshnessSettings';
import { describeFreshnessRule } from './freshness';
import { domainText } from './domainText';

describe('ISO clauses', () => {
  it('lists every clause the product cites, once, with German and English names', () => {
    expect(CLAUSES.map((c) => c.id)).toEqual([...CLAUSE_IDS]);
    for (const clause of CLAUSES) {
      expect(domainText(clause.name, 'de').length).toBeGreaterThan(2);
      expect(domainText(clause.name, 'en').length).toBeGreaterThan(2);
    }
    expect(childClauses('5.1').map((c) => c.citation)).toEqual(['5.1 a)', '5.1 b)', '5.1 c)', '5.1 d)', '5.1 e)', '5.1 f)', '5.1 g)', '5.1 h)']);
    expect(childClauses('9.3.2d').map((c) => c.citation)).toEqual(['9.3.2 d) 1', '9.3.2 d) 2', '9.3.2 d) 3', '9.3.2 d) 4']);
    expect(childClauses('9.3').map((c) => c.id)).toEqual(['9.3.1', '9.3.2', '9.3.3']);
    expect(domainText(clauseById('A.5.4').name, 'de')).toBe('Verantwortung der Leitung');
  });

  it('walks from a sub-clause up to its main clause', () => {
    expect(clauseWithAncestors('9.3.2d3')).toEqual(['9.3.2d3', '9.3.2d', '9.3.2', '9.3']);
    expect(clausesSupportedBy(['5.1c', '9.3.2d3'])).toEqual(['5.1', '5.1c', '9.3', '9.3.2', '9.3.2d', '9.3.2d3']);
  });
});

describe('evidence types', () => {
  it('map onto the clauses of DOMAIN.md', () => {
    const clausesOf = (id: Parameters<typeof evidenceTypeById>[0]) => [...evidenceTypeById(id).clauses].sort();
    expect(clausesOf('securityPolicy')).toEqual(['5.1a', '5.2', 'A.5.4']);
    expect(clausesOf('reviewBooking')).toEqual(['9.3.1']);
    expect(clausesOf('budgetPlan')).toEqual(['5.1c', '7.1']);
    expect(clausesOf('isbAppointment')).toEqual(['5.1h', '5.3']);
    expect(clausesOf('ceoMail')).toEqual(['5.1d', '7.4', 'A.5.4']);
    expect(clausesOf('intranetPost')).toEqual(['5.1d', '7.3', '7.4']);
    expect(clausesOf('internalAuditReport')).toEqual(['9.2', '9.3.2d3']);
    expect(clausesOf('trainingRecord')).toEqual(['7.2', '7.3', 'A.5.4']);
    expect(evidenceTypeById('reviewMinutes').clauses).toEqual(expect.arrayContaining(['9.3', '5.1e', '5.1g']));
  });

  it('cover every checklist item, and every item names at least one type', () => {
    for (const id of CHECKLIST_ITEM_IDS) expect(evidenceTypesFor(id).length).toBeGreaterThan(0);
    for (const item of CHECKLIST_ITEMS) {
      for (const type of item.primaryTypes) expect(evidenceTypeById(type).checklistItem).toBe(item.id);
    }
  });

  it('each carry a label and a freshness rule in both languages', () => {
    for (const type of EVIDENCE_TYPES) {
      expect(domainText(type.label, 'de')).not.toBe(domainText(type.label, 'en'));
      const rule = describeFreshnessRule(type.id, DEFAULT_FRESHNESS_SETTINGS);
      expect(domainText(rule, 'de')).toMatch(/^Gilt /);
      expect(domainText(rule, 'en')).toMatch(/^Current /);
    }
  });
});
