/**
 * The layers as README "Architecture" draws them, checked over the whole tree (rules.ts says each rule).
 * Every violation is listed as file:line; ALLOWED holds the ones this test found when it was written.
 */
import { judge, moduleCycles, RULES, type Allowance } from './rules';
import { scanFile, sourceFiles } from './scan';

/**
 * SHRINK-ONLY, and empty since issue 13 landed: the OData that features built moved behind the typed
 * evidence query and the typed-list helper in src/graph. Never add an entry: fix the code.
 */
const ALLOWED: readonly Allowance[] = [];

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
