/**
 * Runs app pages from the dev server under the production Content-Security-Policy: the policy a
 * demo build for the given emulator would carry (scripts/vite-csp.ts, wired as in vite.config.ts),
 * sent as the page's `Content-Security-Policy` header. The dev server's HTML carries Vite's inline
 * module scripts (React Refresh preamble), which a build has not; only their sha256 hashes are added
 * to script-src. Every other directive, connect-src in particular, is the build's own.
 * A document the test fulfils has no network address space, so Chromium's Local Network Access would
 * treat it as public and block its calls to the loopback emulator: the app origin is granted that
 * permission, as a user on a real host would (the dev server's own pages need no grant).
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicy, cspOptionsFor } from '../../../scripts/vite-csp';
import type { RunningEmulator } from '../../support/emulator';
import { appUrl } from './appServer';

/** The build's `<meta>` policy for a demo build pointing at `emulator` (CHEFSACHE_EMULATOR_URL + _FILES_URL). */
export function demoBuildPolicy(emulator: RunningEmulator): string {
  return contentSecurityPolicy(cspOptionsFor({ graphBaseUrl: emulator.graphUrl, emulatorUrl: emulator.url, emulatorFilesUrl: emulator.filesUrl })).meta;
}

function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`);
  }
  return hashes;
}

function withScriptHashes(policy: string, hashes: readonly string[]): string {
  return policy
    .split('; ')
    .map((directive) => (directive.startsWith('script-src ') ? [directive, ...hashes].join(' ') : directive))
    .join('; ');
}

/** Serves every app document with `policy`; returns the violations the pages report (blocked URL + directive). */
export async function applyProductionCsp(context: BrowserContext, policy: string): Promise<{ violations(page: Page): Promise<string[]> }> {
  const appOrigin = new URL(appUrl()).origin;
  await context.grantPermissions(['local-network-access'], { origin: appOrigin });
  await context.route(
    (url) => url.origin === appOrigin,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = await response.text();
      await route.fulfill({
        response,
        body: html,
        headers: { ...response.headers(), 'content-security-policy': withScriptHashes(policy, inlineScriptHashes(html)) },
      });
    },
  );
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return { violations: (page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations) };
}
