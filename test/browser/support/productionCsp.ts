/**
 * Serves the app under the production Content-Security-Policy: a small proxy in front of the shared
 * Vite dev server that adds the policy a demo build for the given emulator would carry
 * (scripts/vite-csp.ts, wired as in vite.config.ts) as the `Content-Security-Policy` header of every
 * HTML page. The dev server's HTML carries Vite's inline module script (React Refresh preamble),
 * which a build has not; only its sha256 hash is added to script-src. Every other directive,
 * connect-src in particular, is the build's own. Websockets (Vite's client) are passed through.
 *
 * A proxy rather than Playwright's `route`: while any route is active Playwright answers every CORS
 * preflight itself (permissively), so the emulator's CORS rules would never be tested.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { contentSecurityPolicy, cspOptionsFor } from '../../../scripts/vite-csp';
import type { RunningEmulator } from '../../support/emulator';
import { appUrl } from './appServer';

/** The build's `<meta>` policy for a demo build pointing at `emulator` (CHEFSACHE_EMULATOR_URL + _FILES_URL). */
export function demoBuildPolicy(emulator: RunningEmulator): string {
  return contentSecurityPolicy(cspOptionsFor({ graphBaseUrl: emulator.graphUrl, emulatorUrl: emulator.url, emulatorFilesUrl: emulator.filesUrl })).meta;
}

function withInlineScriptHashes(policy: string, html: string): string {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`);
  }
  return policy
    .split('; ')
    .map((directive) => (directive.startsWith('script-src ') ? [directive, ...hashes].join(' ') : directive))
    .join('; ');
}

export interface CspProxy {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** An app page on the proxy, pointed at the emulator (`?emulator=`). */
  pageUrl(path: string, emulatorUrl: string): string;
  stop(): Promise<void>;
}

/** `policy` may be read late (a function): the proxy's origin is needed to start the emulator the policy names. */
export async function startCspProxy(policy: string | (() => string)): Promise<CspProxy> {
  const target = new URL(appUrl());
  const server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host, 'accept-encoding': 'identity' };
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      const isHtml = (answer.headers['content-type'] ?? '').startsWith('text/html');
      if (!isHtml) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8');
        const { 'content-length': _length, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 200, { ...rest, 'content-security-policy': withInlineScriptHashes(typeof policy === 'function' ? policy() : policy, html) });
        res.end(html);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries({ ...req.headers, host: target.host }).map(([k, v]) => `${k}: ${String(v)}`)];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (path, emulatorUrl) => {
      const url = new URL(path, origin);
      url.searchParams.set('emulator', emulatorUrl);
      return url.toString();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Records the page's CSP violations (directive + blocked URL) from the first script on. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}
