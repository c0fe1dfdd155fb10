/**
 * ISO/IEC 27001:2022 clauses that management-commitment evidence serves. Numbers and short names
 * only, in Chefsache's own words (the standard's text is copyrighted).
 */
import { z } from 'zod';
import type { DomainMessages } from './locales';
import { message, type Message } from './text';

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
  /** The short name (locales/clauses.*.json, `clauses.name.<id with _ for .>`). */
  name: Message;
}

const c = (id: ClauseId, citation: string, parent: ClauseId | null): Clause => ({
  id,
  citation,
  parent,
  name: message(`clauses.name.${id.replaceAll('.', '_')}` as `clauses.name.${keyof DomainMessages['clauses']['name']}`),
});

export const CLAUSES: readonly Clause[] = [
  c('5.1', '5.1', null),
  c('5.1a', '5.1 a)', '5.1'),
  c('5.1b', '5.1 b)', '5.1'),
  c('5.1c', '5.1 c)', '5.1'),
  c('5.1d', '5.1 d)', '5.1'),
  c('5.1e', '5.1 e)', '5.1'),
  c('5.1f', '5.1 f)', '5.1'),
  c('5.1g', '5.1 g)', '5.1'),
  c('5.1h', '5.1 h)', '5.1'),
  c('5.2', '5.2', null),
  c('5.3', '5.3', null),
  c('6.2', '6.2', null),
  c('7.1', '7.1', null),
  c('7.2', '7.2', null),
  c('7.3', '7.3', null),
  c('7.4', '7.4', null),
  c('9.2', '9.2', null),
  c('9.3', '9.3', null),
  c('9.3.1', '9.3.1', '9.3'),
  c('9.3.2', '9.3.2', '9.3'),
  c('9.3.2a', '9.3.2 a)', '9.3.2'),
  c('9.3.2b', '9.3.2 b)', '9.3.2'),
  c('9.3.2c', '9.3.2 c)', '9.3.2'),
  c('9.3.2d', '9.3.2 d)', '9.3.2'),
  c('9.3.2d1', '9.3.2 d) 1', '9.3.2d'),
  c('9.3.2d2', '9.3.2 d) 2', '9.3.2d'),
  c('9.3.2d3', '9.3.2 d) 3', '9.3.2d'),
  c('9.3.2d4', '9.3.2 d) 4', '9.3.2d'),
  c('9.3.2e', '9.3.2 e)', '9.3.2'),
  c('9.3.2f', '9.3.2 f)', '9.3.2'),
  c('9.3.2g', '9.3.2 g)', '9.3.2'),
  c('9.3.3', '9.3.3', '9.3'),
  c('A.5.4', 'A.5.4', null),
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
