/** Each boundary rule fails on a file that breaks it (fixtures as text) and passes the file that keeps it. */
import { domainImports, emulatorSeparate, graphOnlyInGraph, judge, moduleCycles, type Violation } from './rules';
import { odataIn, scanText } from './scan';

const places = (violations: Violation[]) => violations.map((v) => `${v.file}:${v.line} ${v.rule}`);

describe('the scanner', () => {
  it('finds static, dynamic, re-exported, required and type imports with their lines', () => {
    const scanned = scanText('src/x.ts', ["import a from 'a';", "export { b } from './b';", "const c = await import('c');", "const d = require('d');", "type E = import('e').E;", "import type { F } from 'f';"].join('\n'));
    expect(scanned.imports.map((i) => [i.module, i.line, i.typeOnly])).toEqual([
      ['a', 1, false],
      ['./b', 2, false],
      ['c', 3, false],
      ['d', 4, false],
      ['e', 5, true],
      ['f', 6, true],
    ]);
  });

  it('tells OData in literals and templates from prose', () => {
    expect(odataIn('/sites/x/lists/y/items?$expand=fields&$top=200')).toBe('$expand');
    expect(odataIn('$filter')).toBe('$filter');
    expect(odataIn("fields/RecordKind eq 'minutes'")).toBe("filter 'fields/RecordKind eq ''");
    expect(odataIn('fields/')).toBe("column path 'fields/'");
    expect(odataIn(' ge ', true)).toBe("filter 'ge'");
    expect(odataIn('Use $filter to narrow the list.')).toBeUndefined();
    expect(odataIn('/sites/x/lists/y/items/1/fields')).toBeUndefined();
    expect(odataIn('Price: 5 EUR')).toBeUndefined();
    const scanned = scanText('src/f.ts', ['// $filter=x in a comment', 'const q = `fields/${col} eq ${v}`;', "const o = { $select: 'id' };"].join('\n'));
    expect(scanned.odata.map((o) => o.line)).toEqual([2, 2, 3]);
  });
});

describe('the rules', () => {
  it('src/domain: zod, date-fns and its own files only; its tests may use Node built-ins', () => {
    const text = ["import { z } from 'zod';", "import { addDays } from 'date-fns';", "import de from './locales/a.de.json';", "import { t } from '../i18n';", "import React from 'react';", "import { join } from 'node:path';"].join('\n');
    expect(places(domainImports('src/domain/rule.ts', scanText('src/domain/rule.ts', text)))).toEqual([
      'src/domain/rule.ts:4 domain-imports',
      'src/domain/rule.ts:5 domain-imports',
      'src/domain/rule.ts:6 domain-imports',
    ]);
    expect(places(domainImports('src/domain/rule.test.ts', scanText('src/domain/rule.test.ts', text)))).toEqual([
      'src/domain/rule.test.ts:4 domain-imports',
      'src/domain/rule.test.ts:5 domain-imports',
    ]);
  });

  it('Graph types, the Graph SDK and OData only in src/graph (src and scripts)', () => {
    const text = ["import type { ListItem } from '@microsoft/microsoft-graph-types';", "import { Client } from '@microsoft/microsoft-graph-client';", "const f = \"fields/Status eq 'x'\";"].join('\n');
    expect(places(graphOnlyInGraph('src/features/a.ts', scanText('src/features/a.ts', text)))).toEqual([
      'src/features/a.ts:1 graph-types',
      'src/features/a.ts:2 graph-types',
      'src/features/a.ts:3 odata',
    ]);
    expect(places(graphOnlyInGraph('scripts/a.ts', scanText('scripts/a.ts', text)))).toHaveLength(3);
    expect(graphOnlyInGraph('src/graph/gateways/a.ts', scanText('src/graph/gateways/a.ts', text))).toEqual([]);
    expect(graphOnlyInGraph('test/integration/a.test.ts', scanText('test/integration/a.test.ts', text))).toEqual([]);
  });

  it('emulator and app import nothing from each other', () => {
    const fromEmulator = "import { COL } from '../../../src/graph';\nimport { store } from '../store/store';";
    expect(places(emulatorSeparate('emulator/src/routes/x.ts', scanText('emulator/src/routes/x.ts', fromEmulator)))).toEqual(['emulator/src/routes/x.ts:1 emulator-imports-app']);
    const fromApp = "import { createEmulator } from '../../emulator/src/server';";
    expect(places(emulatorSeparate('test/support/x.ts', scanText('test/support/x.ts', fromApp)))).toEqual(['test/support/x.ts:1 app-imports-emulator']);
  });

  it('route modules: an import on a cycle is reported, a one-way import is not', () => {
    const file = (path: string, text: string) => ({ file: path, scanned: scanText(path, text) });
    expect(
      moduleCycles([
        file('emulator/src/routes/a/x.ts', "import { y } from '../b/y';"),
        file('emulator/src/routes/b/y.ts', "import { z } from '../c/z';"),
        file('emulator/src/routes/c/z.ts', "import { x } from '../a/x';\nimport { w } from '../d/w';"),
        file('emulator/src/routes/d/w.ts', "import { s } from '../../store/store';"),
      ]),
    ).toEqual([
      'emulator/src/routes/a/x.ts:1 a → b (b imports a back)',
      'emulator/src/routes/b/y.ts:1 b → c (c imports b back)',
      'emulator/src/routes/c/z.ts:1 c → a (a imports c back)',
    ]);
  });

  it('the allow-list only shrinks: more or fewer violations than allowed both fail', () => {
    const v = (line: number): Violation => ({ file: 'src/f.ts', line, text: 'builds OData', rule: 'odata' });
    const allowed = [{ file: 'src/f.ts', rule: 'odata' as const, count: 2, removedBy: 'a slice' }];
    expect(judge([v(1), v(2)], allowed)).toEqual([]);
    expect(judge([v(1), v(2), v(3)], allowed)).toHaveLength(3);
    expect(judge([v(1)], allowed)).toEqual(['src/f.ts [odata] allow-list says 2, found 1: shrink the entry (or drop it at 0)']);
    expect(judge([{ ...v(4), file: 'src/g.ts' }], allowed)).toEqual([
      'src/f.ts [odata] allow-list says 2, found 0: shrink the entry (or drop it at 0)',
      'src/g.ts:4 [odata] builds OData',
    ]);
  });
});
