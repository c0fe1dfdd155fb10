import { catalogues } from './messages';
import { placeholdersOf } from './translate';

const { de, en } = catalogues;

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value, path)) out.set(k, v);
    else throw new Error(`${path} is neither a string nor a group`);
  }
  return out;
}

describe('message catalogues', () => {
  const german = leaves(de);
  const english = leaves(en);

  it('have exactly the same keys in German and English', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, englishText] of english) {
      expect({ key, placeholders: placeholdersOf(german.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholdersOf(englishText),
      });
    }
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...german, ...english]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('contain the texts the demo marker and the empty state promise', () => {
    expect(german.get('demo.title')).toBe('Lokale Demo-Firma (Emulator)');
    expect(english.get('demo.title')).toBe('Local demo company (emulator)');
    expect(german.get('evidence.empty')).toBe('Noch keine Nachweise');
    expect(english.get('evidence.empty')).toBe('No evidence yet');
  });
});
