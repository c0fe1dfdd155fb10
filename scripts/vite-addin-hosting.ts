/**
 * What the web host must serve besides the pages, for the Outlook add-in part of the app package:
 *
 * - `/icons/icon-{16,32,64,80,128}.png`: the ribbon button icons the manifest links to (from assets/).
 * - `/.well-known/microsoft-officeaddins-allowed.json`: the list of event-runtime scripts that may use
 *   single sign-on and CORS in classic Outlook on Windows, for the configured host
 *   (CHEFSACHE_HOST_URL). public/ holds the file for the default host https://localhost:5173; a
 *   production build rewrites it for its own host.
 *
 * In the dev server the icons are served from assets/ directly.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
/** The classic-Outlook event runtime script (manifest: extensions[0].runtimes[1].code.script). */
export const EVENT_RUNTIME_SCRIPT = '/outlook/runtime.js';
export const WELL_KNOWN_FILE = '.well-known/microsoft-officeaddins-allowed.json';
export const DEFAULT_HOST_URL = 'https://localhost:5173';

export interface AddinHostingOptions {
  /** Where the build will be served; default CHEFSACHE_HOST_URL or https://localhost:5173. */
  hostUrl?: string;
  /** Folder with icon-<size>.png; default `assets/` in the working directory (npm runs scripts at the repo root). */
  assetsDir?: string;
}

function hostOrigin(hostUrl: string): string {
  let url: URL;
  try {
    url = new URL(hostUrl);
  } catch {
    throw new Error(`CHEFSACHE_HOST_URL is not a URL: "${hostUrl}".`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`CHEFSACHE_HOST_URL must use https (Outlook and Teams load add-ins over https only), got "${hostUrl}".`);
  }
  return url.origin;
}

/** The well-known file's content for a host. */
export function officeAddinsAllowed(hostUrl: string): string {
  return `${JSON.stringify({ allowed: [`${hostOrigin(hostUrl)}${EVENT_RUNTIME_SCRIPT}`] }, null, 2)}\n`;
}

export function addinHostingPlugin(options: AddinHostingOptions = {}): Plugin {
  const assetsDir = options.assetsDir ?? join(process.cwd(), 'assets');
  const hostUrl = options.hostUrl ?? (process.env.CHEFSACHE_HOST_URL?.trim() || DEFAULT_HOST_URL);
  const icon = (size: number) => readFileSync(join(assetsDir, `icon-${size}.png`));
  let outDir = '';

  return {
    name: 'chefsache:addin-hosting',
    configResolved(config) {
      outDir = config.build.outDir;
      if (config.command === 'build') hostOrigin(hostUrl); // fail the build early on a bad host
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/icons\/icon-(\d+)\.png$/.exec(req.url?.split('?')[0] ?? '');
        const size = Number(match?.[1]);
        if (!match || !ICON_SIZES.includes(size as (typeof ICON_SIZES)[number])) return next();
        res.setHeader('Content-Type', 'image/png');
        res.end(icon(size));
      });
    },
    generateBundle() {
      if (!this.meta.watchMode) {
        for (const size of ICON_SIZES) {
          this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: icon(size) });
        }
      }
    },
    // After Vite has copied public/ into the output: replace the default host's well-known file.
    async writeBundle() {
      const target = join(outDir, WELL_KNOWN_FILE);
      await mkdir(join(outDir, '.well-known'), { recursive: true });
      await writeFile(target, officeAddinsAllowed(hostUrl));
    },
  };
}
