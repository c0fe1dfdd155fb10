/**
 * The source registry (src/domain/sources) drives the app: every registered source has its texts in German and
 * English, a freshness rule for each of its types, a tab section that exists, and its types and source values
 * are choices of the provisioned evidence list.
 */
import { DEFAULT_FRESHNESS_SETTINGS, EVIDENCE_SOURCE_LABELS, EVIDENCE_TYPES, describeFreshnessRule, evidenceTypeById } from '../domain';
import { SOURCE_MODULES } from '../domain/sources/registry';
import { COL, EVIDENCE_LIST } from '../graph';
import { createTranslator } from '../i18n';
import { TAB_SECTIONS } from './sections';

const de = createTranslator('de');
const en = createTranslator('en');
const choicesOf = (name: string) => {
  const column = EVIDENCE_LIST.columns.find((c) => c.name === name);
  return column?.type === 'choice' ? column.choices : [];
};

describe.each(SOURCE_MODULES.map((source) => [source.id, source] as const))('registered source %s', (_id, source) => {
  const types = Object.keys(source.types).map((id) => evidenceTypeById(id as never));
  const origins = Object.keys(source.origins) as (keyof typeof EVIDENCE_SOURCE_LABELS)[];

  it('names its types and source values in German and English', () => {
    for (const label of [...types.map((type) => type.label), ...origins.map((origin) => EVIDENCE_SOURCE_LABELS[origin])]) {
      expect(de(label)).not.toBe(en(label));
      expect(de(label).length).toBeGreaterThan(0);
    }
  });

  it('gives each type a freshness rule in words', () => {
    for (const type of types) {
      const rule = describeFreshnessRule(type.id, DEFAULT_FRESHNESS_SETTINGS);
      expect(de(rule.key, rule.values)).toMatch(/^Gilt /);
      expect(en(rule.key, rule.values)).toMatch(/^Current /);
    }
  });

  it('belongs to a section of the Teams tab', () => {
    expect(TAB_SECTIONS.map((section) => section.id)).toContain(source.section);
  });

  it('is a choice of the provisioned evidence list (types and source values)', () => {
    expect(choicesOf(COL.type)).toEqual(expect.arrayContaining(types.map((type) => type.id)));
    expect(choicesOf(COL.source)).toEqual(expect.arrayContaining(origins));
  });
});

it('the evidence types are exactly the registered ones', () => {
  expect(EVIDENCE_TYPES.map((type) => type.id).sort()).toEqual(SOURCE_MODULES.flatMap((source) => Object.keys(source.types)).sort());
  expect(choicesOf(COL.type)).toEqual(EVIDENCE_TYPES.map((type) => type.id));
});
