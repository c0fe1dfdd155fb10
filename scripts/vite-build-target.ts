/**
 * What a production build is for. A build that signs in against the local emulator
 * (`CHEFSACHE_AUTH=emulator`, the default for `npm start`) is a demo: `npm run build` refuses it
 * unless `--demo` is given (scripts/build.mjs sets CHEFSACHE_DEMO_BUILD=1). Every build writes
 * `chefsache-build.json` next to its pages, so `npm run package` can refuse to ship a demo build.
 * The dev server (`npm start`) is not affected: the plugin applies to builds only.
 */
import type { Plugin } from 'vite';

export const BUILD_MARKER_FILE = 'chefsache-build.json';
export const BUILD_MARKER_FORMAT = 'chefsache-build/1';
/** Set by `npm run build -- --demo`. */
export const DEMO_BUILD_ENV = 'CHEFSACHE_DEMO_BUILD';

export interface BuildTarget {
  auth: 'emulator' | 'msal';
  graphBaseUrl: string;
  /** `npm run build -- --demo`: an emulator build on purpose (never packaged). */
  demo: boolean;
}

export class DemoBuildRefusedError extends Error {
  override readonly name = 'DemoBuildRefusedError';
}

/** Throws when a build would point at the emulator without --demo. */
export function checkBuildTarget(target: BuildTarget): void {
  if (target.auth === 'emulator' && !target.demo) {
    throw new DemoBuildRefusedError(
      `Refusing a production build that signs in against the local emulator (CHEFSACHE_AUTH=emulator, Graph ${target.graphBaseUrl}). ` +
        'Build for a tenant with CHEFSACHE_AUTH=msal (docs/deployment.md), or run "npm run build -- --demo" for a local demo build.',
    );
  }
}

export function buildTargetPlugin(target: BuildTarget): Plugin {
  return {
    name: 'chefsache:build-target',
    apply: 'build',
    config() {
      checkBuildTarget(target);
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: BUILD_MARKER_FILE,
        source: `${JSON.stringify({ format: BUILD_MARKER_FORMAT, auth: target.auth, demo: target.demo, graphBaseUrl: target.graphBaseUrl }, null, 2)}\n`,
      });
    },
  };
}
