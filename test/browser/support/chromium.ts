/**
 * Launches Debian's Chromium with playwright-core as TOOLCHAIN.md prescribes: a persistent context
 * in a fresh temp dir and flags that keep it off the (closed) network. A missing Chromium fails the
 * tests with instructions; browser tests never skip.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const RESULTS_DIR = join(__dirname, '..', '..', '..', 'test-results');

export interface BrowserOptions {
  /** Browser UI locale, e.g. `de-DE` (navigator.language). */
  locale: string;
  colorScheme?: 'light' | 'dark';
  /**
   * Default true: Office.js requests are answered at once with a network error (a route). While any
   * route is active Playwright answers every CORS preflight itself, so a test of CORS behaviour
   * passes false (Office.js is then only unreachable, as the browser runs off the network).
   */
  routeOfficeJs?: boolean;
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser({ locale, colorScheme = 'light', routeOfficeJs = true }: BrowserOptions): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. The browser tests need it: apt-get update && apt-get install -y chromium`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'chefsache-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      locale,
      colorScheme,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Office.js comes from Microsoft's CDN, unreachable here: fail it at once so pages don't wait.
  if (routeOfficeJs) await context.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('internetdisconnected'));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as `test-results/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
