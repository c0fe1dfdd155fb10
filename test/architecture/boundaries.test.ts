/**
 * The layers as README "Architecture" draws them, checked over the whole tree (rules.ts says each rule).
 * Every violation is listed as file:line; ALLOWED holds the ones this test found when it was written.
 */
import { judge, moduleCycles, RULES, type Allowance } from './rules';
import { scanFile, sourceFiles } from './scan';

/**
 * SHRINK-ONLY. Violations that existed when the boundary test came (issue 13), each with the slice of
 * issue 13 that removes it. Never add an entry: fix the code. When a slice lands, lower or drop its entry
 * (the test says which); at the end of issue 13 this list is empty.
 */
const ALLOWED: readonly Allowance[] = [
  // OData filters and SharePoint column paths move behind a typed query in the evidence gateway.
  { file: 'src/features/evidence/serverFilter.ts', rule: 'odata', count: 6, removedBy: 'issue 13 H1 (split the evidence store)' },
  { file: 'src/features/evidence/createEvidenceStore.ts', rule: 'odata', count: 1, removedBy: 'issue 13 H1 (split the evidence store)' },
  // reviewRecords uses the same typed-list helper.
  { file: 'src/features/reviews/reviewRecords.ts', rule: 'odata', count: 2, removedBy: 'issue 13 H1 (reviewRecords on the typed-list helper)' },
];

const FOLDERS = ['src', 'scripts', 'bench', 'test', 'emulator'];

describe('boundaries', () => {
  const files = FOLDERS.flatMap(sourceFiles).map((file) => ({ file, scanned: scanFile(file) }));

  it('reads the tree (the scanner finds files and imports)', () => {
    expect(files.length).toBeGreaterThan(500);
    expect(files.find((f) => f.file === 'src/graph/index.ts')?.scanned.imports.length).toBeGreaterThan(0);
  });

  it('src/domain imports only zod and date-fns; Graph types and OData stay in src/graph; emulator and app share no code', () => {
    const violations = files.flatMap(({ file, scanned }) => RULES.flatMap((rule) => rule(file, scanned)));
    expect(judge(violations, ALLOWED)).toEqual([]);
  });

  it("the emulator's route modules import each other one way only", () => {
    expect(moduleCycles(files.filter((f) => f.file.startsWith('emulator/src/routes/')))).toEqual([]);
  });
});
