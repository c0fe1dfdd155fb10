#!/usr/bin/env node
// `npm run package`: builds the app package for sideloading in Teams and Outlook — one zip with
// manifest.json, its localization files and the Teams icons — from manifest/ and assets/, filled
// with the environment's settings, and refuses to write it unless the manifest validates.
//
//   CHEFSACHE_HOST_URL=https://chefsache.example.com CHEFSACHE_CLIENT_ID=<guid> npm run package
//   node scripts/package-app.mjs [--out <file>] [--manifest-dir <dir>] [--assets-dir <dir>] [--build-dir <dir>]
//
// Writes dist/chefsache-app.zip by default (run it after `npm run build`, which empties dist/).
// The package points Teams and Outlook at the web app built in dist/, so it refuses a build made
// for the local emulator (`npm run build -- --demo`, chefsache-build.json says auth "emulator"), a
// folder without that marker, and a build that carries source maps.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import {
  ManifestSettingsError,
  packageFiles,
  readSettings,
  renderManifestFiles,
  validatePackage,
} from '../manifest/render.mjs';

const rootDir = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: { out: { type: 'string' }, 'manifest-dir': { type: 'string' }, 'assets-dir': { type: 'string' }, 'build-dir': { type: 'string' } },
});
const manifestDir = resolve(args['manifest-dir'] ?? join(rootDir, 'manifest'));
const assetsDir = resolve(args['assets-dir'] ?? join(rootDir, 'assets'));
const outFile = resolve(args.out ?? join(rootDir, 'dist', 'chefsache-app.zip'));
const buildDir = resolve(args['build-dir'] ?? join(rootDir, 'dist'));

/** Why the web app build cannot be shipped, or null. */
function buildProblem(dir) {
  const marker = join(dir, 'chefsache-build.json');
  if (!existsSync(marker)) return `${relative(process.cwd(), dir) || dir} holds no production build (no chefsache-build.json): run npm run build first.`;
  let build;
  try {
    build = JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    return `${marker} is not JSON: run npm run build again.`;
  }
  if (build.auth !== 'msal') return `The build in ${relative(process.cwd(), dir) || dir} signs in against the local emulator (${build.graphBaseUrl}): a demo build is never packaged. Build with CHEFSACHE_AUTH=msal (docs/deployment.md).`;
  const maps = readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.map'));
  if (maps.length > 0) return `The build carries source maps (${maps.slice(0, 3).join(', ')}${maps.length > 3 ? ', …' : ''}): rebuild with npm run build.`;
  return null;
}

try {
  const problem = buildProblem(buildDir);
  if (problem) {
    console.error(`No package written: ${problem}`);
    process.exit(1);
  }
  const settings = readSettings(process.env, { rootDir, requireClientId: true });
  const rendered = renderManifestFiles(manifestDir, settings.values);
  const errors = await validatePackage(rendered, { assetsDir, values: settings.values });
  if (errors.length > 0) {
    for (const error of errors) console.error(`error: ${error}`);
    console.error(`No package written: the manifest has ${errors.length} error${errors.length === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  const files = packageFiles(rendered, assetsDir);
  // A fixed timestamp keeps the zip byte-identical for identical input.
  const mtime = new Date('2026-01-01T00:00:00Z');
  const zip = zipSync(
    Object.fromEntries([...files].map(([name, data]) => [name, [new Uint8Array(data), { mtime }]])),
    { level: 9 },
  );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  const where = relative(process.cwd(), outFile) || outFile;
  console.log(`Wrote ${where} (${zip.length} bytes): ${[...files.keys()].join(', ')}`);
  console.log(`  host ${settings.values.CHEFSACHE_HOST_URL}, client id ${settings.values.CHEFSACHE_CLIENT_ID}, app id ${settings.values.CHEFSACHE_APP_ID}, version ${settings.values.CHEFSACHE_APP_VERSION}`);
} catch (error) {
  console.error(error instanceof ManifestSettingsError ? error.message : `Packaging failed: ${error.message}`);
  process.exit(1);
}
