/**
 * ISO/IEC 27001:2022 clauses that management-commitment evidence serves. Numbers and short names
 * only, in Chefsache's own words (the standard's text is copyrighted).
 */
import { z } from 'zod';
import type { Localized } from './text';

export const CLAUSE_IDS = [
  '5.1',
  '5.1a',
  '5.1b',
  '5.1c',
  '5.1d',
  '5.1e',
  '5.1f',
  '5.1g',
  '5.1h',
  '5.2',
  '5.3',
  '6.2',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '9.2',
  '9.3',
  '9.3.1',
  '9.3.2',
  '9.3.2a',
  '9.3.2b',
  '9.3.2c',
  '9.3.2d',
  '9.3.2d1',
  '9.3.2d2',
  '9.3.2d3',
  '9.3.2d4',
  '9.3.2e',
  '9.3.2f',
  '9.3.2g',
  '9.3.3',
  'A.5.4',
] as const;

export type ClauseId = (typeof CLAUSE_IDS)[number];

export interface Clause {
  id: ClauseId;
  /** How the clause is cited, e.g. "5.1 a)", "9.3.2 d) 3", "A.5.4". */
  citation: string;
  parent: ClauseId | null;
  name: Localized;
}

const c = (id: ClauseId, citation: string, parent: ClauseId | null, de: string, en: string): Clause => ({
  id,
  citation,
  parent,
  name: { de, en },
});

export const CLAUSES: readonly Clause[] = [
  c('5.1', '5.1', null, 'Führung und Verpflichtung', 'Leadership and commitment'),
  c('5.1a', '5.1 a)', '5.1', 'Politik und Ziele passend zur Strategie', 'Policy and objectives that fit the strategy'),
  c('5.1b', '5.1 b)', '5.1', 'ISMS in die Geschäftsprozesse einbinden', 'ISMS built into business processes'),
  c('5.1c', '5.1 c)', '5.1', 'Ressourcen bereitstellen', 'Resources made available'),
  c('5.1d', '5.1 d)', '5.1', 'Bedeutung der Informationssicherheit vermitteln', 'Communicating why security matters'),
  c('5.1e', '5.1 e)', '5.1', 'Für die Wirksamkeit des ISMS sorgen', 'Making sure the ISMS achieves its outcomes'),
  c('5.1f', '5.1 f)', '5.1', 'Mitarbeitende anleiten und unterstützen', 'Directing and supporting people'),
  c('5.1g', '5.1 g)', '5.1', 'Fortlaufende Verbesserung fördern', 'Promoting continual improvement'),
  c('5.1h', '5.1 h)', '5.1', 'Andere Führungskräfte unterstützen', 'Supporting other managers in their areas'),
  c('5.2', '5.2', null, 'Informationssicherheitsleitlinie', 'Information security policy'),
  c('5.3', '5.3', null, 'Rollen, Verantwortung und Befugnisse', 'Roles, responsibilities and authorities'),
  c('6.2', '6.2', null, 'Sicherheitsziele und Planung', 'Security objectives and plans to reach them'),
  c('7.1', '7.1', null, 'Ressourcen', 'Resources'),
  c('7.2', '7.2', null, 'Kompetenz', 'Competence'),
  c('7.3', '7.3', null, 'Bewusstsein', 'Awareness'),
  c('7.4', '7.4', null, 'Kommunikation', 'Communication'),
  c('9.2', '9.2', null, 'Internes Audit', 'Internal audit'),
  c('9.3', '9.3', null, 'Managementbewertung', 'Management review'),
  c('9.3.1', '9.3.1', '9.3', 'Bewertung in geplanten Abständen', 'Review at planned intervals'),
  c('9.3.2', '9.3.2', '9.3', 'Themen der Managementbewertung', 'Review inputs'),
  c('9.3.2a', '9.3.2 a)', '9.3.2', 'Stand der Maßnahmen aus früheren Bewertungen', 'Status of actions from earlier reviews'),
  c('9.3.2b', '9.3.2 b)', '9.3.2', 'Veränderte externe und interne Themen', 'Changes in external and internal issues'),
  c('9.3.2c', '9.3.2 c)', '9.3.2', 'Veränderte Erwartungen interessierter Parteien', 'Changed needs and expectations of interested parties'),
  c('9.3.2d', '9.3.2 d)', '9.3.2', 'Rückmeldungen zur Sicherheitsleistung', 'Feedback on security performance'),
  c('9.3.2d1', '9.3.2 d) 1', '9.3.2d', 'Abweichungen und Korrekturmaßnahmen', 'Nonconformities and corrective actions'),
  c('9.3.2d2', '9.3.2 d) 2', '9.3.2d', 'Ergebnisse von Überwachung und Messung', 'Monitoring and measurement results'),
  c('9.3.2d3', '9.3.2 d) 3', '9.3.2d', 'Auditergebnisse', 'Audit results'),
  c('9.3.2d4', '9.3.2 d) 4', '9.3.2d', 'Erreichung der Sicherheitsziele', 'Fulfilment of security objectives'),
  c('9.3.2e', '9.3.2 e)', '9.3.2', 'Rückmeldungen interessierter Parteien', 'Feedback from interested parties'),
  c('9.3.2f', '9.3.2 f)', '9.3.2', 'Risikobeurteilung und Stand der Risikobehandlung', 'Risk assessment results and risk treatment status'),
  c('9.3.2g', '9.3.2 g)', '9.3.2', 'Chancen zur fortlaufenden Verbesserung', 'Opportunities for continual improvement'),
  c('9.3.3', '9.3.3', '9.3', 'Ergebnisse der Managementbewertung', 'Results of the management review'),
  c('A.5.4', 'A.5.4', null, 'Verantwortung der Leitung', 'Management responsibilities'),
];

const byId = new Map<ClauseId, Clause>(CLAUSES.map((clause) => [clause.id, clause]));

export const ClauseIdSchema = z.enum(CLAUSE_IDS, { error: 'evidence.clauses.unknown' });

export function isClauseId(value: string): value is ClauseId {
  return byId.has(value as ClauseId);
}

export function clauseById(id: ClauseId): Clause {
  const clause = byId.get(id);
  if (!clause) throw new RangeError(`Unknown ISO 27001 clause "${id}".`);
  return clause;
}

/** The clause and every clause above it: 9.3.2d3 → 9.3.2d3, 9.3.2d, 9.3.2, 9.3. */
export function clauseWithAncestors(id: ClauseId): ClauseId[] {
  const chain: ClauseId[] = [];
  for (let current: ClauseId | null = id; current; current = clauseById(current).parent) chain.push(current);
  return chain;
}

/** Every clause that the given clauses support, including the clauses above them, in catalogue order. */
export function clausesSupportedBy(ids: readonly ClauseId[]): ClauseId[] {
  const supported = new Set(ids.flatMap(clauseWithAncestors));
  return CLAUSE_IDS.filter((id) => supported.has(id));
}

export function childClauses(id: ClauseId): Clause[] {
  return CLAUSES.filter((clause) => clause.parent === id);
}
