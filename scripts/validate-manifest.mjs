#!/usr/bin/env node
// `npm run validate`: renders manifest/manifest.json (+ localization files) with the environment's
// settings and validates it fully offline: Microsoft's JSON schema for the manifest version (bundled in
// @microsoft/app-manifest) plus the upload rules a schema cannot express (icon sizes, outline icon
// colors, URLs on the app host, nested app auth redirect URI, ribbon and auto-run actions).
//
//   node scripts/validate-manifest.mjs [--manifest-dir <dir>] [--assets-dir <dir>]
//
// Environment: CHEFSACHE_HOST_URL, CHEFSACHE_CLIENT_ID (optional here), CHEFSACHE_APP_ID,
// CHEFSACHE_APP_VERSION — see manifest/render.mjs. Exits 1 when there is any error.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ManifestSettingsError, readSettings, renderManifestFiles, validatePackage } from '../manifest/render.mjs';

const rootDir = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: { 'manifest-dir': { type: 'string' }, 'assets-dir': { type: 'string' } },
});
const manifestDir = resolve(args['manifest-dir'] ?? join(rootDir, 'manifest'));
const assetsDir = resolve(args['assets-dir'] ?? join(rootDir, 'assets'));

try {
  const settings = readSettings(process.env, { rootDir, requireClientId: false });
  for (const note of settings.notes) console.log(`note: ${note}`);
  const rendered = renderManifestFiles(manifestDir, settings.values);
  const errors = await validatePackage(rendered, { assetsDir, values: settings.values });
  for (const error of errors) console.error(`error: ${error}`);
  const label = `${rendered.manifest.name?.short ?? 'app'} ${rendered.manifest.version ?? ''} (manifest ${rendered.manifest.manifestVersion}) for ${settings.values.CHEFSACHE_HOST_URL}`;
  console.log(`Manifest validation: ${errors.length} error${errors.length === 1 ? '' : 's'} — ${label}`);
  process.exit(errors.length === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof ManifestSettingsError ? error.message : `Manifest validation failed: ${error.message}`);
  process.exit(1);
}
