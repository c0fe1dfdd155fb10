/**
 * The production-build plugins: Content-Security-Policy (scripts/vite-csp.ts) and the Outlook add-in
 * hosting files (scripts/vite-addin-hosting.ts). The last tests run a real `vite build` of a two-page
 * fixture with both plugins and inspect what a static host would serve.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeAddinsAllowed } from './vite-addin-hosting';
import { FRAME_ANCESTORS, contentSecurityPolicy, cspOptionsFor } from './vite-csp';

const root = join(__dirname, '..');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  test('allows Office.js from Microsoft CDN and no other script origin', () => {
    const policy = directives(contentSecurityPolicy({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' }).meta);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  test('lets the app call Graph, Entra ID sign-in and the configured Graph base URL', () => {
    const policy = directives(contentSecurityPolicy({ graphBaseUrl: 'http://localhost:4365/v1.0' }).meta);
    expect(policy.get('connect-src')).toEqual(
      expect.arrayContaining(['https://graph.microsoft.com', 'https://login.microsoftonline.com', 'http://localhost:4365']),
    );
  });

  test('lets downloads through from the configured site\'s SharePoint host only, else from any SharePoint Online host', () => {
    const configured = directives(contentSecurityPolicy(cspOptionsFor({ graphBaseUrl: 'https://graph.microsoft.com/v1.0', siteUrl: 'https://contoso.sharepoint.com/sites/ISMS' })).meta);
    expect(configured.get('connect-src')).toContain('https://contoso.sharepoint.com');
    expect(configured.get('connect-src')).not.toContain('https://*.sharepoint.com');
    const unknownTenant = directives(contentSecurityPolicy(cspOptionsFor({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' })).meta);
    expect(unknownTenant.get('connect-src')).toContain('https://*.sharepoint.com');
  });

  test('a demo build allows the emulator and its SharePoint file host (default: the next port)', () => {
    const demo = directives(contentSecurityPolicy(cspOptionsFor({ graphBaseUrl: 'http://localhost:4365/v1.0', emulatorUrl: 'http://localhost:4365' })).meta);
    expect(demo.get('connect-src')).toEqual(expect.arrayContaining(['http://localhost:4365', 'http://localhost:4366']));
    const moved = cspOptionsFor({ graphBaseUrl: 'http://127.0.0.1:5000/v1.0', emulatorUrl: 'http://127.0.0.1:5000', emulatorFilesUrl: 'http://127.0.0.1:6000' });
    expect(moved.extraConnectSrc).toEqual(['http://127.0.0.1:5000', 'http://127.0.0.1:6000']);
  });

  test('only Teams, Outlook and Microsoft 365 may embed the app (header), the meta tag leaves it out', () => {
    const { meta, header } = contentSecurityPolicy();
    expect(directives(header).get('frame-ancestors')).toEqual([...FRAME_ANCESTORS]);
    expect(FRAME_ANCESTORS).toEqual(
      expect.arrayContaining(['https://*.cloud.microsoft', 'https://teams.microsoft.com', 'https://outlook.office.com']),
    );
    expect(meta).not.toContain('frame-ancestors');
  });

  test('a Graph base URL that is not a URL stops the build with a clear message', () => {
    expect(() => contentSecurityPolicy({ graphBaseUrl: 'graph' })).toThrow('the Graph base URL is not a URL: "graph"');
  });
});

describe('officeAddinsAllowed', () => {
  test('lists the event runtime script of the configured host', () => {
    expect(JSON.parse(officeAddinsAllowed('https://chefsache.contoso.example/'))).toEqual({
      allowed: ['https://chefsache.contoso.example/outlook/runtime.js'],
    });
  });

  test('the committed file in public/ matches the default host', () => {
    const committed = readFileSync(join(root, 'public', '.well-known', 'microsoft-officeaddins-allowed.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(officeAddinsAllowed('https://localhost:5173')));
  });

  test('refuses a host without https', () => {
    expect(() => officeAddinsAllowed('http://chefsache.contoso.example')).toThrow('must use https');
  });
});

describe('production build with both plugins', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'chefsache-vite-'));
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    mkdirSync(join(work, 'src', 'outlook'), { recursive: true });
    mkdirSync(join(work, 'public', '.well-known'), { recursive: true });
    writeFileSync(
      join(work, 'public', '.well-known', 'microsoft-officeaddins-allowed.json'),
      readFileSync(join(root, 'public', '.well-known', 'microsoft-officeaddins-allowed.json')),
    );
    writeFileSync(join(work, 'src', 'main.ts'), 'document.title = "Chefsache";\n');
    writeFileSync(
      join(work, 'src', 'index.html'),
      '<!doctype html><html><head><title>Chefsache</title></head><body><script type="module" src="./main.ts"></script></body></html>\n',
    );
    writeFileSync(
      join(work, 'src', 'outlook', 'taskpane.html'),
      '<!doctype html><html><head><title>Task pane</title>' +
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>' +
        '<body><script type="module" src="../main.ts"></script></body></html>\n',
    );
    writeFileSync(
      join(work, 'vite.config.ts'),
      [
        "import { defineConfig } from 'vite';",
        `import { cspPlugin } from ${JSON.stringify(join(root, 'scripts', 'vite-csp.ts'))};`,
        `import { addinHostingPlugin } from ${JSON.stringify(join(root, 'scripts', 'vite-addin-hosting.ts'))};`,
        `const dir = ${JSON.stringify(work)};`,
        'export default defineConfig({',
        "  root: `${dir}/src`, publicDir: `${dir}/public`, logLevel: 'warn',",
        "  plugins: [cspPlugin({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' }),",
        `    addinHostingPlugin({ assetsDir: ${JSON.stringify(join(root, 'assets'))} })],`,
        '  build: { outDir: `${dir}/dist`, emptyOutDir: true, rolldownOptions: { input: {',
        '    index: `${dir}/src/index.html`, taskpane: `${dir}/src/outlook/taskpane.html` } } },',
        '});',
      ].join('\n'),
    );
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  function build(hostUrl: string) {
    const env = { ...process.env, CHEFSACHE_HOST_URL: hostUrl, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
    const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(work, 'vite.config.ts')], {
      cwd: work,
      env,
      encoding: 'utf8',
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  test('every page carries the policy first in <head>; the host gets icons, well-known file and headers', () => {
    const r = build('https://chefsache.contoso.example');
    expect(r.output).not.toMatch(/error/i);
    expect(r.status).toBe(0);

    const expectedMeta = contentSecurityPolicy({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' }).meta;
    for (const page of ['index.html', 'outlook/taskpane.html']) {
      const html = readFileSync(join(work, 'dist', page), 'utf8');
      const head = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      expect(head?.[1]?.replace(/&#39;/g, "'")).toBe(expectedMeta);
    }
    expect(readFileSync(join(work, 'dist', 'outlook', 'taskpane.html'), 'utf8')).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">',
    );

    for (const size of [16, 32, 64, 80, 128]) {
      expect(readFileSync(join(work, 'dist', 'icons', `icon-${size}.png`)).equals(readFileSync(join(root, 'assets', `icon-${size}.png`)))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(work, 'dist', '.well-known', 'microsoft-officeaddins-allowed.json'), 'utf8'))).toEqual({
      allowed: ['https://chefsache.contoso.example/outlook/runtime.js'],
    });
    const swa = JSON.parse(readFileSync(join(work, 'dist', 'staticwebapp.config.json'), 'utf8'));
    expect(swa.globalHeaders['Content-Security-Policy']).toContain('frame-ancestors');
  }, 90_000);

  test('a build for a host without https fails before writing anything', () => {
    rmSync(join(work, 'dist'), { recursive: true, force: true });
    const r = build('http://chefsache.contoso.example');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('CHEFSACHE_HOST_URL must use https');
    expect(existsSync(join(work, 'dist', 'index.html'))).toBe(false);
  }, 90_000);
});
