/**
 * Vite 8 (Rolldown) build for Chefsache. Vite's root is `src/`, so every HTML page lives next to
 * the code it starts and is served without a `/src` prefix:
 *
 *   /                        src/index.html              landing page, forwards to the Teams tab
 *   /teams/                  src/teams/index.html        Teams tab (also the standalone demo)
 *   /teams/config.html       src/teams/config.html       team tab configuration page (pages.config)
 *   /outlook/taskpane.html   src/outlook/taskpane.html   Outlook task pane
 *   /outlook/commands.html   src/outlook/commands.html   Outlook event runtime (on-send handler)
 *   /outlook/runtime.js      (build only)                the same handler as a classic script for
 *                                                        classic Outlook on Windows (JS-only runtime)
 *   /auth/redirect.html      src/auth/redirect.html      MSAL redirect bridge (when present)
 *   /dev/outlook.html        src/dev/outlook.html        dev server only: compose window with the real task
 *                                                        pane and on-send handler (never built, see
 *                                                        scripts/vite-pages.ts)
 *
 * Environment (see docs/architecture.md, "App configuration"):
 *   CHEFSACHE_AUTH (emulator|msal, default emulator), CHEFSACHE_EMULATOR_URL (default
 *   http://localhost:4365), CHEFSACHE_EMULATOR_FILES_URL (the emulator's SharePoint file host, for the
 *   demo build's CSP; default: the emulator's port + 1), CHEFSACHE_GRAPH_BASE_URL (default <emulator>/v1.0 or Graph),
 *   CHEFSACHE_CLIENT_ID, CHEFSACHE_TENANT_ID, CHEFSACHE_SITE_URL, CHEFSACHE_APP_PORT (dev server, default 5173).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build as viteBuild, defineConfig, type Plugin, type Rolldown } from 'vite';
import { addinHostingPlugin } from './scripts/vite-addin-hosting';
import { cspOptionsFor, cspPlugin, emulatorFilesUrl } from './scripts/vite-csp';
import { buildTargetPlugin, DEMO_BUILD_ENV } from './scripts/vite-build-target';
import { pageInputs } from './scripts/vite-pages';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const srcDir = `${rootDir}src`;

interface ChefsacheEnv {
  graphBaseUrl: string;
  auth: 'emulator' | 'msal';
  emulatorUrl?: string;
  clientId?: string;
  tenantId?: string;
  siteUrl?: string;
  teamsAppId?: string;
}

/** Builds the `__CHEFSACHE_ENV__` value from environment variables (the only place that reads them). */
function chefsacheEnvFrom(env: NodeJS.ProcessEnv): ChefsacheEnv {
  const authValue = env.CHEFSACHE_AUTH ?? 'emulator';
  if (authValue !== 'emulator' && authValue !== 'msal') {
    throw new Error(`CHEFSACHE_AUTH must be "emulator" or "msal", got "${authValue}".`);
  }
  const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const clientId = nonEmpty(env.CHEFSACHE_CLIENT_ID);
  const siteUrl = nonEmpty(env.CHEFSACHE_SITE_URL);
  const tenantId = nonEmpty(env.CHEFSACHE_TENANT_ID);
  const teamsAppId = nonEmpty(env.CHEFSACHE_APP_ID);
  const optional = { ...(clientId ? { clientId } : {}), ...(tenantId ? { tenantId } : {}), ...(siteUrl ? { siteUrl } : {}), ...(teamsAppId ? { teamsAppId } : {}) };
  if (authValue === 'emulator') {
    const emulatorUrl = (nonEmpty(env.CHEFSACHE_EMULATOR_URL) ?? 'http://localhost:4365').replace(/\/+$/, '');
    const graphBaseUrl = nonEmpty(env.CHEFSACHE_GRAPH_BASE_URL) ?? `${emulatorUrl}/v1.0`;
    return { graphBaseUrl, auth: 'emulator', emulatorUrl, ...optional };
  }
  const graphBaseUrl = nonEmpty(env.CHEFSACHE_GRAPH_BASE_URL) ?? 'https://graph.microsoft.com/v1.0';
  return { graphBaseUrl, auth: 'msal', ...optional };
}

function appPort(env: NodeJS.ProcessEnv): number {
  const raw = env.CHEFSACHE_APP_PORT ?? '5173';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`CHEFSACHE_APP_PORT must be a port number, got "${raw}".`);
  }
  return port;
}

/**
 * Classic Outlook on Windows runs event handlers in a JavaScript-only runtime that loads one
 * classic script (no ES modules, no DOM). This emits `outlook/runtime.js`, an IIFE bundle of the
 * same entry the HTML runtime page uses.
 */
function outlookClassicRuntimeScript(): Plugin {
  return {
    name: 'chefsache:outlook-classic-runtime',
    apply: 'build',
    async generateBundle() {
      const result = await viteBuild({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          minify: true,
          lib: { entry: `${srcDir}/outlook/runtime.ts`, formats: ['iife'], name: 'ChefsacheOutlookRuntime' },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('Bundling src/outlook/runtime.ts produced no script.');
      this.emitFile({ type: 'asset', fileName: 'outlook/runtime.js', source: chunk.code });
    },
  };
}

// Fluent UI and zod are not grouped: one group chunk would carry every component any section uses
// into every page's first load. Rolldown splits them by the pages and sections that import them.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  // Loaded on demand only: teams-js inside Teams, MSAL with `auth: msal`.
  { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/, priority: 10 },
  { name: 'msal', test: /node_modules[\\/]@azure[\\/]msal-/, priority: 10 },
];

export default defineConfig(({ command }) => {
  const env = chefsacheEnvFrom(process.env);
  // The dev server serves the development pages (src/dev); the app links them only there.
  const appEnv = command === 'serve' && env.auth === 'emulator' ? { ...env, devPages: true } : env;
  // `npm run build -- --demo` (scripts/build.mjs): an emulator build on purpose; it keeps source maps.
  const demoBuild = process.env[DEMO_BUILD_ENV] === '1';
  return {
    root: srcDir,
    publicDir: `${rootDir}public`,
    plugins: [
      react(),
      // Builds only: no emulator build without --demo; chefsache-build.json for npm run package.
      buildTargetPlugin({ auth: env.auth, graphBaseUrl: env.graphBaseUrl, demo: demoBuild }),
      outlookClassicRuntimeScript(),
      // Production builds only: a Content-Security-Policy on every page (+ staticwebapp.config.json).
      // connect-src: Graph, the SharePoint host downloads come from (CHEFSACHE_SITE_URL's origin, else
      // *.sharepoint.com), in a demo build the emulator and its file host (CHEFSACHE_EMULATOR_FILES_URL).
      cspPlugin(
        cspOptionsFor({
          ...env,
          ...(env.emulatorUrl ? { emulatorFilesUrl: emulatorFilesUrl(env.emulatorUrl, process.env.CHEFSACHE_EMULATOR_FILES_URL) } : {}),
        }),
      ),
      // Ribbon icons and the Outlook well-known file for CHEFSACHE_HOST_URL (docs/deployment.md).
      addinHostingPlugin({ assetsDir: `${rootDir}assets` }),
    ],
    // src/config.ts reads `globalThis.__CHEFSACHE_ENV__`: the dev server defines the global, a
    // production build replaces the expression, so both spellings are listed.
    define: {
      __CHEFSACHE_ENV__: JSON.stringify(appEnv),
      'globalThis.__CHEFSACHE_ENV__': JSON.stringify(appEnv),
    },
    // Pre-bundled at start-up, so the dev server never re-optimizes (and reloads) mid-session
    // when a section first imports them (the panel's sanitizer, PDF and ZIP code).
    optimizeDeps: { include: ['dompurify', 'pdf-lib', 'fflate'] },
    server: {
      port: appPort(process.env),
      strictPort: true,
    },
    preview: {
      port: appPort(process.env),
      strictPort: true,
    },
    build: {
      outDir: `${rootDir}dist`,
      emptyOutDir: true,
      // Production builds ship no source maps (npm run package refuses a build that has them).
      sourcemap: demoBuild,
      rolldownOptions: {
        input: pageInputs(srcDir),
        output: {
          codeSplitting: { groups: vendorGroups },
        },
      },
    },
  };
});
