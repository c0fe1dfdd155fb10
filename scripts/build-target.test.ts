/**
 * Production builds cannot point at the emulator: `npm run build` refuses CHEFSACHE_AUTH=emulator
 * unless --demo is given, and every build leaves chefsache-build.json for `npm run package`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_MARKER_FILE, checkBuildTarget, DemoBuildRefusedError } from './vite-build-target';

const root = join(__dirname, '..');
jest.setTimeout(120_000);

function clean(env: Record<string, string>): NodeJS.ProcessEnv {
  const rest = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CHEFSACHE_')));
  return { ...rest, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env };
}

describe('npm run build', () => {
  test('refuses a build for the local emulator without --demo, before it writes anything', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, env: clean({ CHEFSACHE_AUTH: 'emulator' }), encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('Refusing a production build that signs in against the local emulator');
    expect(`${r.stdout}${r.stderr}`).toContain('npm run build -- --demo');
  });

  test('the rule: emulator builds only on purpose, tenant builds always', () => {
    expect(() => checkBuildTarget({ auth: 'emulator', graphBaseUrl: 'http://localhost:4365/v1.0', demo: false })).toThrow(DemoBuildRefusedError);
    expect(() => checkBuildTarget({ auth: 'emulator', graphBaseUrl: 'http://localhost:4365/v1.0', demo: true })).not.toThrow();
    expect(() => checkBuildTarget({ auth: 'msal', graphBaseUrl: 'https://graph.microsoft.com/v1.0', demo: false })).not.toThrow();
  });
});

describe('the build marker', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'chefsache-build-target-'));
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    mkdirSync(join(work, 'src'), { recursive: true });
    writeFileSync(join(work, 'src', 'main.ts'), 'document.title = "Chefsache";\n');
    writeFileSync(join(work, 'src', 'index.html'), '<!doctype html><html><head><title>Chefsache</title></head><body><script type="module" src="./main.ts"></script></body></html>\n');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function build(auth: 'emulator' | 'msal', demo: boolean) {
    writeFileSync(
      join(work, 'vite.config.ts'),
      [
        "import { defineConfig } from 'vite';",
        `import { buildTargetPlugin } from ${JSON.stringify(join(root, 'scripts', 'vite-build-target.ts'))};`,
        `const dir = ${JSON.stringify(work)};`,
        'export default defineConfig({',
        "  root: `${dir}/src`, logLevel: 'warn',",
        `  plugins: [buildTargetPlugin({ auth: '${auth}', graphBaseUrl: 'https://graph.example/v1.0', demo: ${demo} })],`,
        '  build: { outDir: `${dir}/dist`, emptyOutDir: true },',
        '});',
      ].join('\n'),
    );
    const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(work, 'vite.config.ts')], { cwd: work, env: clean({}), encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  test('says what the build is for, so npm run package can refuse a demo build', () => {
    const tenant = build('msal', false);
    expect(tenant.status).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'dist', BUILD_MARKER_FILE), 'utf8'))).toEqual({
      format: 'chefsache-build/1',
      auth: 'msal',
      demo: false,
      graphBaseUrl: 'https://graph.example/v1.0',
    });
    const demo = build('emulator', true);
    expect(demo.status).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'dist', BUILD_MARKER_FILE), 'utf8'))).toMatchObject({ auth: 'emulator', demo: true });
    rmSync(join(work, 'dist'), { recursive: true, force: true });
    const refused = build('emulator', false);
    expect(refused.status).not.toBe(0);
    expect(existsSync(join(work, 'dist'))).toBe(false);
  });
});
