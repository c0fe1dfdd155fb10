/**
 * `npm run validate` and `npm run package` as an admin runs them: the real scripts in a child process,
 * with the environment as the only input.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ON_SEND_ACTION_ID } from '../src/outlook/onSend';

const root = join(__dirname, '..');
const CLIENT_ID = '6b1f7a52-4c1e-4d5e-9f61-2a7c0e9b8d31';
const HOST = 'https://chefsache.contoso.example';
const TENANT_BUILD = { auth: 'msal', demo: false };

function run(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CHEFSACHE_')));
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'chefsache-manifest-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A build folder as `npm run build` leaves it: pages plus chefsache-build.json. */
function buildDir(marker: { auth: string; demo: boolean } | null, extraFiles: Record<string, string> = {}): string {
  const dir = join(work, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  if (marker) writeFileSync(join(dir, 'chefsache-build.json'), JSON.stringify({ format: 'chefsache-build/1', graphBaseUrl: 'https://graph.microsoft.com/v1.0', ...marker }));
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  return dir;
}

function copyOf(folder: 'manifest' | 'assets'): string {
  const dir = join(work, folder);
  cpSync(join(root, folder), dir, { recursive: true });
  return dir;
}

describe('npm run validate', () => {
  test('the manifest validates with 0 errors against the bundled Microsoft schema', () => {
    const r = run('validate-manifest.mjs');
    expect(r.output).toContain('Manifest validation: 0 errors');
    expect(r.output).toContain('manifest 1.30');
    expect(r.status).toBe(0);
  });

  test('schema violations and broken action references are reported, and the run fails', () => {
    const dir = copyOf('manifest');
    const file = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.staticTabs[0].scopes;
    manifest.extensions[0].autoRunEvents[0].events[0].options.sendMode = 'softblock';
    manifest.extensions[0].ribbons[1].tabs[0].groups[0].controls[0].actionId = 'openSomethingElse';
    writeFileSync(file, JSON.stringify(manifest));

    const r = run('validate-manifest.mjs', ['--manifest-dir', dir]);

    expect(r.status).toBe(1);
    expect(r.output).toContain("/staticTabs/0 must have required property 'scopes'");
    expect(r.output).toContain('sendMode must be equal to one of the allowed values');
    expect(r.output).toContain('uses undeclared action "openSomethingElse"');
    expect(r.output).toContain('Manifest validation: 3 errors');
  });

  test('a German string for a manifest field that does not exist is caught', () => {
    const dir = copyOf('manifest');
    const file = join(dir, 'de.json');
    const de = JSON.parse(readFileSync(file, 'utf8'));
    de['staticTabs[3].name'] = 'Gibt es nicht';
    writeFileSync(file, JSON.stringify(de));

    const r = run('validate-manifest.mjs', ['--manifest-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.output).toContain('key "staticTabs[3].name" does not name a string in manifest.json');
  });

  test('a colored outline icon is rejected (Teams requires white on transparent)', () => {
    const dir = copyOf('assets');
    cpSync(join(dir, 'icon-32.png'), join(dir, 'outline.png'));

    const r = run('validate-manifest.mjs', ['--assets-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/outline\.png \(outline\) must be white on transparent/);
  });

  test('a color icon of the wrong size is rejected', () => {
    const dir = copyOf('assets');
    cpSync(join(dir, 'icon-128.png'), join(dir, 'color.png'));

    const r = run('validate-manifest.mjs', ['--assets-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.output).toContain('assets/color.png must be 192×192 pixels, is 128×128');
  });

  test('a host without https is refused with the reason', () => {
    const r = run('validate-manifest.mjs', [], { CHEFSACHE_HOST_URL: 'http://chefsache.contoso.example' });
    expect(r.status).toBe(1);
    expect(r.output).toContain('CHEFSACHE_HOST_URL must use https');
  });
});

describe('npm run package', () => {
  test('writes one zip for Teams and Outlook with the host and client id filled in', () => {
    const out = join(work, 'chefsache-app.zip');
    const r = run('package-app.mjs', ['--out', out, '--build-dir', buildDir(TENANT_BUILD)], { CHEFSACHE_HOST_URL: `${HOST}/`, CHEFSACHE_CLIENT_ID: CLIENT_ID });

    expect(r.status).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'de.json', 'icon-32.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest.webApplicationInfo.id).toBe(CLIENT_ID);
    expect(manifest.webApplicationInfo.nestedAppAuthInfo[0].redirectUri).toBe('brk-multihub://chefsache.contoso.example');
    expect(manifest.validDomains).toEqual(['chefsache.contoso.example']);
    expect(manifest.staticTabs[0].contentUrl).toBe(`${HOST}/teams/?view=dashboard`);
    expect(manifest.extensions[0].runtimes[1].code).toEqual({
      page: `${HOST}/outlook/commands.html`,
      script: `${HOST}/outlook/runtime.js`,
    });
    expect(manifest.extensions[0].autoRunEvents[0].events[0]).toEqual({
      type: 'messageSending',
      actionId: 'onMessageSendHandler',
      options: { sendMode: 'promptUser' },
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    // The development compose page (src/dev, never built) is never linked from the package.
    expect(JSON.stringify(manifest)).not.toContain('/dev/');
    expect(Buffer.from(files['outline.png']!).equals(readFileSync(join(root, 'assets', 'outline.png')))).toBe(true);
    expect(JSON.parse(Buffer.from(files['de.json']!).toString('utf8'))['staticTabs[0].name']).toBe('Übersicht');
  });

  test('refuses to package without the Entra client id and writes nothing', () => {
    const out = join(work, 'chefsache-app.zip');
    const r = run('package-app.mjs', ['--out', out, '--build-dir', buildDir(TENANT_BUILD)], { CHEFSACHE_HOST_URL: HOST });
    expect(r.status).toBe(1);
    expect(r.output).toContain('CHEFSACHE_CLIENT_ID is not set');
    expect(existsSync(out)).toBe(false);
  });

  test('refuses a client id that is not a GUID', () => {
    const r = run('package-app.mjs', ['--out', join(work, 'x.zip'), '--build-dir', buildDir(TENANT_BUILD)], { CHEFSACHE_CLIENT_ID: 'chefsache-app' });
    expect(r.status).toBe(1);
    expect(r.output).toContain('CHEFSACHE_CLIENT_ID must be a GUID');
  });

  test('refuses to package a manifest that does not validate', () => {
    const dir = copyOf('manifest');
    const file = join(dir, 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"promptUser"', '"maybe"'));
    const out = join(work, 'chefsache-app.zip');

    const r = run('package-app.mjs', ['--out', out, '--manifest-dir', dir, '--build-dir', buildDir(TENANT_BUILD)], { CHEFSACHE_CLIENT_ID: CLIENT_ID });
    expect(r.status).toBe(1);
    expect(r.output).toContain('No package written');
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run package refuses a web app build it must not ship', () => {
  const settings = { CHEFSACHE_HOST_URL: HOST, CHEFSACHE_CLIENT_ID: CLIENT_ID };

  test('a demo build made for the local emulator', () => {
    const out = join(work, 'chefsache-app.zip');
    const r = run('package-app.mjs', ['--out', out, '--build-dir', buildDir({ auth: 'emulator', demo: true })], settings);
    expect(r.status).toBe(1);
    expect(r.output).toContain('signs in against the local emulator');
    expect(existsSync(out)).toBe(false);
  });

  test('a folder without a production build', () => {
    const r = run('package-app.mjs', ['--out', join(work, 'x.zip'), '--build-dir', buildDir(null)], settings);
    expect(r.status).toBe(1);
    expect(r.output).toContain('run npm run build first');
  });

  test('a build that carries source maps', () => {
    const r = run('package-app.mjs', ['--out', join(work, 'x.zip'), '--build-dir', buildDir(TENANT_BUILD, { 'teams.js.map': '{}' })], settings);
    expect(r.status).toBe(1);
    expect(r.output).toContain('source maps (teams.js.map)');
  });
});

describe('node scripts/make-icons.mjs', () => {
  test('the committed icons are exactly what the script draws', () => {
    const out = join(work, 'icons');
    const r = run('make-icons.mjs', ['--out', out]);
    expect(r.status).toBe(0);
    for (const file of ['color.png', 'outline.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'icon-128.png']) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(root, 'assets', file)))).toBe(true);
    }
  });
});

describe('manifest and app agree', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'));

  test('the on-send event runs the handler the Outlook runtime registers', () => {
    expect(manifest.extensions[0].autoRunEvents[0].events[0].actionId).toBe(ON_SEND_ACTION_ID);
  });

  test('every page and script the manifest links to is built from a source file', () => {
    // URL path → source (docs/architecture.md, "App pages").
    const source = (path: string): string => {
      if (path === '/teams/') return 'src/teams/index.html';
      if (path === '/outlook/runtime.js') return 'src/outlook/runtime.ts';
      const icon = /^\/icons\/(icon-\d+\.png)$/.exec(path);
      if (icon) return `assets/${icon[1]}`;
      return `src${path}`;
    };
    const paths = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && value.startsWith('${{CHEFSACHE_HOST_URL}}/')) {
        paths.add(new URL(value.replace('${{CHEFSACHE_HOST_URL}}', 'https://host.example')).pathname);
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(manifest);
    paths.delete('/');
    expect(paths.size).toBeGreaterThan(5);
    for (const path of paths) expect({ path, exists: existsSync(join(root, source(path))) }).toEqual({ path, exists: true });
  });
});
