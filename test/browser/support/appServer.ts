import type { RunningEmulator } from '../../support/emulator';
import { startSetUpEmulator } from '../../support/setUpEmulator';

/**
 * The Vite dev server the browser tests share: globalSetup starts it once and publishes its URL
 * and PID through these environment variables (Jest workers start after globalSetup and inherit
 * them; in-band runs share the process).
 */
export const APP_URL_ENV = 'CHEFSACHE_BROWSER_APP_URL';
export const APP_PID_ENV = 'CHEFSACHE_BROWSER_APP_PID';

/** Where the dev server's app points when a test forgets `?emulator=`: nothing listens there. */
export const NO_EMULATOR_URL = 'http://127.0.0.1:9';

export function appUrl(): string {
  const url = process.env[APP_URL_ENV];
  if (!url) {
    throw new Error(
      `${APP_URL_ENV} is not set: the browser tests' globalSetup (test/browser/globalSetup.ts) did not start the app. ` +
        'Run them through Jest: npx jest --selectProjects browser',
    );
  }
  return url;
}

/** URL of an app page pointed at the given emulator, e.g. `pageUrl('/teams/', emulator.url)`. */
export function pageUrl(path: string, emulatorUrl: string): string {
  const url = new URL(path, appUrl());
  url.searchParams.set('emulator', emulatorUrl);
  return url.toString();
}

/** The app's origin: the emulator lets it (and only it) sign demo users in through `/_signin`. */
export function appOrigin(): string {
  return new URL(appUrl()).origin;
}

/**
 * A fresh emulator whose sign-in answers this app, with the demo site set up through the app's own setup
 * (roles by object id, SharePoint permissions; again after every `reset()`): what every browser test starts with.
 */
export function startAppEmulator(): Promise<RunningEmulator> {
  return startSetUpEmulator({ appOrigins: [appOrigin()] });
}
