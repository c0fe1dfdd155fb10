/**
 * Content-Security-Policy for Chefsache's production build.
 *
 * `cspPlugin()` adds a `<meta http-equiv="Content-Security-Policy">` to every built HTML page and
 * writes `staticwebapp.config.json` (Azure Static Web Apps) carrying the same policy as an HTTP header
 * plus `frame-ancestors`, which browsers ignore in a meta tag. Other static hosts: set the header from
 * `contentSecurityPolicy(...).header` (docs/deployment.md shows nginx and IIS).
 *
 * The policy allows: the app's own origin; Office.js from Microsoft's CDN; Microsoft Graph, Entra ID
 * sign-in and the configured Graph base URL (the emulator in a demo build); the SharePoint host that
 * file downloads come from (see sharePointDownloadSource); teams-js' list of valid host origins;
 * embedding only by Teams, Outlook and Microsoft 365 (frame-ancestors, header only).
 * The dev server (`npm start`) gets no policy: Vite's dev client needs inline scripts and websockets.
 */
import type { Plugin } from 'vite';

export interface CspOptions {
  /** The Graph base URL the build talks to; default CHEFSACHE_GRAPH_BASE_URL or Microsoft Graph. */
  graphBaseUrl?: string;
  /** The evidence site (CHEFSACHE_SITE_URL): downloads come from its SharePoint host. */
  siteUrl?: string;
  /** More origins for connect-src (e.g. the emulator and its SharePoint file host in a demo build). */
  extraConnectSrc?: readonly string[];
}

/** SharePoint Online's hosts in the worldwide cloud (Microsoft 365 URLs and IP address ranges, ID 31: `<tenant>.sharepoint.com`). */
export const SHAREPOINT_ONLINE_HOSTS = 'https://*.sharepoint.com';

/**
 * Where file bytes are read from. Graph hands out `@microsoft.graph.downloadUrl` (and `/content`
 * redirects) on the SharePoint host of the site that holds the file, e.g.
 * `https://contoso.sharepoint.com/sites/ISMS/_layouts/15/download.aspx?...` (Microsoft Learn,
 * "Download the contents of a driveItem"). With a configured site that is exactly its origin, which
 * is also right in other clouds (`*.sharepoint.us`, `*.sharepoint.cn`, sovereign clouds); without one
 * the tenant is unknown at build time and every SharePoint Online host (`*.sharepoint.com`) is allowed.
 */
export function sharePointDownloadSource(siteUrl: string | undefined): string {
  return siteUrl ? originOf(siteUrl, 'the SharePoint site URL') : SHAREPOINT_ONLINE_HOSTS;
}

/** The emulator's SharePoint file host: CHEFSACHE_EMULATOR_FILES_URL, else the emulator's port + 1 (its default). */
export function emulatorFilesUrl(emulatorUrl: string, configured?: string): string {
  if (configured && configured.trim() !== '') return originOf(configured.trim(), 'CHEFSACHE_EMULATOR_FILES_URL');
  const url = new URL(emulatorUrl);
  url.port = String(Number(url.port || (url.protocol === 'https:' ? 443 : 80)) + 1);
  return url.origin;
}

/** The app configuration a build uses (vite.config.ts) → the policy's options. */
export function cspOptionsFor(app: { graphBaseUrl: string; siteUrl?: string; emulatorUrl?: string; emulatorFilesUrl?: string }): CspOptions {
  const emulator = app.emulatorUrl ? [app.emulatorUrl, app.emulatorFilesUrl ?? emulatorFilesUrl(app.emulatorUrl)] : [];
  return { graphBaseUrl: app.graphBaseUrl, ...(app.siteUrl ? { siteUrl: app.siteUrl } : {}), extraConnectSrc: emulator };
}

/** Office.js is loaded from here (never bundled); it loads its host-specific parts from the same CDN. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';
export const GRAPH_ORIGIN = 'https://graph.microsoft.com';
export const ENTRA_LOGIN_ORIGIN = 'https://login.microsoftonline.com';
/** teams-js fetches its list of valid host origins from here (and falls back to a built-in list). */
export const TEAMS_JS_CDN = 'https://res.cdn.office.net';

/** Hosts that may embed the app: Microsoft's documented frame-ancestors for Teams, Outlook and Microsoft 365. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.officeapps.live.com',
] as const;

function originOf(url: string, what: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`Content-Security-Policy: ${what} is not a URL: "${url}".`);
  }
}

export interface ContentSecurityPolicy {
  /** For the `<meta http-equiv>` tag: everything except frame-ancestors. */
  meta: string;
  /** For the HTTP `Content-Security-Policy` header: the meta policy plus frame-ancestors. */
  header: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): ContentSecurityPolicy {
  const graphBaseUrl = options.graphBaseUrl ?? process.env.CHEFSACHE_GRAPH_BASE_URL?.trim() ?? `${GRAPH_ORIGIN}/v1.0`;
  const connect = new Set<string>([
    "'self'",
    GRAPH_ORIGIN,
    ENTRA_LOGIN_ORIGIN,
    originOf(graphBaseUrl || `${GRAPH_ORIGIN}/v1.0`, 'the Graph base URL'),
    sharePointDownloadSource(options.siteUrl),
    TEAMS_JS_CDN,
    ...(options.extraConnectSrc ?? []).map((url) => originOf(url, 'an extra connect-src entry')),
  ]);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", OFFICE_JS_CDN]],
    // Fluent UI (Griffel) inserts <style> elements at runtime.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', [...connect]],
    // MSAL's hidden iframe renews sessions in the plain-browser flow.
    ['frame-src', ["'self'", ENTRA_LOGIN_ORIGIN]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  const meta = directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
  return { meta, header: `${meta}; frame-ancestors ${FRAME_ANCESTORS.join(' ')}` };
}

/** Azure Static Web Apps configuration with the policy as a response header on every file. */
export function staticWebAppConfig(policy: ContentSecurityPolicy): string {
  return `${JSON.stringify(
    {
      globalHeaders: {
        'Content-Security-Policy': policy.header,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      },
      mimeTypes: { '.json': 'application/json' },
    },
    null,
    2,
  )}\n`;
}

export function cspPlugin(options: CspOptions = {}): Plugin {
  let policy: ContentSecurityPolicy | undefined;
  const current = () => (policy ??= contentSecurityPolicy(options));
  return {
    name: 'chefsache:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: current().meta },
          injectTo: 'head-prepend',
        },
      ],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'staticwebapp.config.json', source: staticWebAppConfig(current()) });
    },
  };
}
