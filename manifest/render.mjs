// Turns the manifest templates in this folder into the files of the app package, and checks them.
// Used by scripts/validate-manifest.mjs (`npm run validate`) and scripts/package-app.mjs
// (`npm run package`). Templates use `${{NAME}}` placeholders, filled from the environment:
//
//   CHEFSACHE_HOST_URL     where the built app is served (default https://localhost:5173; https only)
//   CHEFSACHE_CLIENT_ID    the Entra app registration's application (client) id (a GUID)
//   CHEFSACHE_APP_ID       the Microsoft 365 app id (a GUID; default: Chefsache's own id)
//   CHEFSACHE_APP_VERSION  the app version (default: package.json version)
//
// CHEFSACHE_HOST_DOMAIN is derived from CHEFSACHE_HOST_URL (host and port, no scheme).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

export const DEFAULT_HOST_URL = 'https://localhost:5173';
export const DEFAULT_APP_ID = 'bb6ed4e8-3f3c-493c-a6b9-d2f7e6fb4c4a';
/** Used by `npm run validate` when no client id is configured; never packaged. */
export const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** Files of the app package besides manifest.json: localization files and the Teams icons. */
export const LOCALIZATION_FILES = ['de.json'];

export class ManifestSettingsError extends Error {
  constructor(problems) {
    super(`The app package settings are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestSettingsError';
    this.problems = problems;
  }
}

/**
 * Reads the placeholder values from the environment. With `requireClientId`, a missing client id is
 * an error (packaging); otherwise a placeholder GUID is used and reported in `notes` (validation).
 */
export function readSettings(env, { rootDir, requireClientId }) {
  const problems = [];
  const notes = [];
  const rawHost = (env.CHEFSACHE_HOST_URL ?? '').trim() || DEFAULT_HOST_URL;
  let hostUrl = rawHost.replace(/\/+$/, '');
  let hostDomain = '';
  try {
    const url = new URL(hostUrl);
    if (url.protocol !== 'https:') {
      problems.push(`CHEFSACHE_HOST_URL must use https (Teams and Outlook load add-in pages over https only), got "${rawHost}".`);
    }
    if (url.search || url.hash) problems.push(`CHEFSACHE_HOST_URL must not contain a query or fragment, got "${rawHost}".`);
    if (url.pathname !== '/' && url.pathname !== '') {
      problems.push(`CHEFSACHE_HOST_URL must be an origin without a path (the app is served from the root), got "${rawHost}".`);
    }
    hostUrl = url.origin;
    hostDomain = url.host;
  } catch {
    problems.push(`CHEFSACHE_HOST_URL is not a URL: "${rawHost}".`);
  }

  let clientId = (env.CHEFSACHE_CLIENT_ID ?? '').trim();
  if (!clientId) {
    if (requireClientId) {
      problems.push('CHEFSACHE_CLIENT_ID is not set: give the Application (client) ID of the Entra app registration (see docs/deployment.md).');
    } else {
      clientId = PLACEHOLDER_CLIENT_ID;
      notes.push(`CHEFSACHE_CLIENT_ID is not set; validating with the placeholder ${PLACEHOLDER_CLIENT_ID}.`);
    }
  } else if (!GUID.test(clientId)) {
    problems.push(`CHEFSACHE_CLIENT_ID must be a GUID (the Application (client) ID), got "${clientId}".`);
  }

  const appId = (env.CHEFSACHE_APP_ID ?? '').trim() || DEFAULT_APP_ID;
  if (!GUID.test(appId)) problems.push(`CHEFSACHE_APP_ID must be a GUID, got "${appId}".`);

  const packageVersion = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')).version;
  const appVersion = (env.CHEFSACHE_APP_VERSION ?? '').trim() || packageVersion;
  if (!SEMVER.test(appVersion)) problems.push(`CHEFSACHE_APP_VERSION must look like 1.2.3, got "${appVersion}".`);

  if (problems.length > 0) throw new ManifestSettingsError(problems);
  return {
    values: {
      CHEFSACHE_HOST_URL: hostUrl,
      CHEFSACHE_HOST_DOMAIN: hostDomain,
      CHEFSACHE_CLIENT_ID: clientId.toLowerCase(),
      CHEFSACHE_APP_ID: appId.toLowerCase(),
      CHEFSACHE_APP_VERSION: appVersion,
    },
    notes,
  };
}

/** Replaces every `${{NAME}}`; a placeholder without a value is an error, never left in the output. */
export function fillPlaceholders(text, values, fileName) {
  const missing = new Set();
  const filled = text.replace(PLACEHOLDER, (_, name) => {
    if (!(name in values)) {
      missing.add(name);
      return '';
    }
    // Values go into JSON strings: escape what JSON would escape.
    return JSON.stringify(String(values[name])).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`${fileName} uses unknown placeholders: ${[...missing].join(', ')}.`);
  return filled;
}

function parseJson(text, fileName) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not valid JSON: ${error.message}`);
  }
}

/** Renders manifest.json and the localization files from `manifestDir` with the given values. */
export function renderManifestFiles(manifestDir, values) {
  const render = (name) => {
    const text = fillPlaceholders(readFileSync(join(manifestDir, name), 'utf8'), values, name);
    return { name, json: parseJson(text, name) };
  };
  return { manifest: render('manifest.json').json, localizations: LOCALIZATION_FILES.map(render) };
}

// ---------- PNG inspection (for the icon rules Teams enforces when you upload the package) ----------

/** Reads width, height, color type and (for 8-bit RGB/RGBA) the pixels of a PNG. */
export function readPng(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.length < 33 || buffer.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG file');
  let offset = 8;
  let header;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9], interlace: data[12] };
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG has no IHDR chunk');
  const channels = { 2: 3, 6: 4 }[header.colorType];
  if (header.bitDepth !== 8 || !channels || header.interlace !== 0) return { ...header, pixels: undefined };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      let value;
      if (filter === 0) value = cur;
      else if (filter === 1) value = cur + left;
      else if (filter === 2) value = cur + up;
      else if (filter === 3) value = cur + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        value = cur + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { ...header, channels, pixels };
}

function checkIcon(assetsDir, file, rule, errors) {
  if (typeof file !== 'string' || file === '') {
    errors.push(`icons: a ${rule.size}×${rule.size} icon file name is missing in manifest.json.`);
    return;
  }
  const path = join(assetsDir, file);
  if (!existsSync(path)) {
    errors.push(`icons: ${file} is missing in assets/ (run node scripts/make-icons.mjs).`);
    return;
  }
  let png;
  try {
    png = readPng(readFileSync(path));
  } catch (error) {
    errors.push(`icons: assets/${file} cannot be read: ${error.message}.`);
    return;
  }
  if (png.width !== rule.size || png.height !== rule.size) {
    errors.push(`icons: assets/${file} must be ${rule.size}×${rule.size} pixels, is ${png.width}×${png.height}.`);
  }
  if (rule.outline) {
    if (png.colorType !== 6 || !png.pixels) {
      errors.push(`icons: assets/${file} (outline) must be an 8-bit RGBA PNG with a transparent background.`);
      return;
    }
    let opaqueNonWhite = 0;
    let transparent = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const [r, g, b, a] = png.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r < 240 || g < 240 || b < 240) opaqueNonWhite++;
    }
    if (opaqueNonWhite > 0) errors.push(`icons: assets/${file} (outline) must be white on transparent; ${opaqueNonWhite} pixels are colored.`);
    if (transparent === 0) errors.push(`icons: assets/${file} (outline) must have a transparent background.`);
  }
}

/** Resolves a dotted localization key such as `extensions[0].ribbons[1].tabs[0].label` in the manifest. */
function resolvePath(object, key) {
  let current = object;
  for (const part of key.split('.')) {
    const match = /^([A-Za-z0-9]+)(?:\[(\d+)\])?$/.exec(part);
    if (!match) return undefined;
    current = current?.[match[1]];
    if (match[2] !== undefined) current = Array.isArray(current) ? current[Number(match[2])] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

function collectUrls(value, path, out) {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) out.push({ path, url: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => collectUrls(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '$schema') collectUrls(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** Loads the JSON schema that `$schema` names from @microsoft/app-manifest's bundled copies: never from the network. */
function bundledSchema(schemaUrl) {
  const prefix = 'https://developer.microsoft.com/json-schemas/';
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(prefix)) {
    throw new Error(`$schema must point at ${prefix}teams/v<version>/..., got ${JSON.stringify(schemaUrl)}.`);
  }
  const packageDir = join(require.resolve('@microsoft/app-manifest'), '..', '..');
  const file = join(packageDir, 'build', 'json-schemas', schemaUrl.slice(prefix.length));
  if (!existsSync(file)) {
    throw new Error(`${schemaUrl} is not bundled with @microsoft/app-manifest; pick a bundled manifest version (offline validation only).`);
  }
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw);
}

/**
 * Microsoft's localization schema has key patterns (`\b...]`) that are invalid as unicode regular
 * expressions, so AppManifestUtils (Ajv with unicode regexps) cannot compile it. Validate localization
 * files with the same Ajv draft-04 engine that @microsoft/app-manifest uses, with non-unicode regexps.
 */
function localizationSchemaErrors(json, schema) {
  const fromAppManifest = createRequire(require.resolve('@microsoft/app-manifest'));
  const Ajv = fromAppManifest('ajv-draft-04');
  const addFormats = fromAppManifest('ajv-formats');
  const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  (addFormats.default ?? addFormats)(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

/**
 * Validates the rendered package offline: Microsoft's JSON schemas (through @microsoft/app-manifest)
 * plus the rules Teams and Outlook apply on upload that a schema cannot express. Returns error strings.
 */
export async function validatePackage({ manifest, localizations }, { assetsDir, values }) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const errors = [];
  const schemaErrors = async (json, label) => {
    let schema;
    try {
      schema = bundledSchema(json.$schema);
    } catch (error) {
      errors.push(`${label}: ${error.message}`);
      return;
    }
    const found = label === 'manifest.json'
      ? await AppManifestUtils.validateAgainstSchema(json, schema)
      : localizationSchemaErrors(json, schema);
    for (const e of found) errors.push(`${label}: schema: ${e}`);
  };

  await schemaErrors(manifest, 'manifest.json');
  if (manifest.manifestVersion && typeof manifest.$schema === 'string' && !manifest.$schema.includes(`/v${manifest.manifestVersion}/`)) {
    errors.push(`manifest.json: manifestVersion ${manifest.manifestVersion} does not match $schema ${manifest.$schema}.`);
  }

  // Localization files: schema, listed in localizationInfo, and every key points at a real manifest string.
  const listed = new Set((manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file));
  for (const { name, json } of localizations) {
    await schemaErrors(json, name);
    if (!listed.has(name)) errors.push(`${name}: not listed in localizationInfo.additionalLanguages.`);
    for (const key of Object.keys(json)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (typeof resolvePath(manifest, key) !== 'string') errors.push(`${name}: key "${key}" does not name a string in manifest.json.`);
    }
  }
  for (const file of listed) {
    if (!localizations.some((l) => l.name === file)) errors.push(`manifest.json: localization file ${file} is not part of the package.`);
  }

  // Icons: the files exist with the sizes Teams requires; the outline icon is white on transparent.
  checkIcon(assetsDir, manifest.icons?.color, { size: 192 }, errors);
  checkIcon(assetsDir, manifest.icons?.outline, { size: 32, outline: true }, errors);
  if (manifest.icons?.color32x32) checkIcon(assetsDir, manifest.icons.color32x32, { size: 32 }, errors);

  // Every URL is on the configured host; the host is a valid domain; NAA uses the host's broker redirect URI.
  const host = values.CHEFSACHE_HOST_DOMAIN;
  // Icons linked by URL are served from assets/ at /icons/ (scripts/vite-addin-hosting.ts): they must exist.
  const hostedIcons = new Set();
  for (const { path, url } of collectUrls(manifest, '', [])) {
    const parsed = new URL(url);
    if (parsed.host !== host) errors.push(`manifest.json: ${path} points at ${parsed.host}, outside the app host ${host}.`);
    if (parsed.protocol !== 'https:') errors.push(`manifest.json: ${path} must use https: ${url}.`);
    const icon = /^\/icons\/icon-(\d+)\.png$/.exec(parsed.pathname);
    if (icon) hostedIcons.add(Number(icon[1]));
    else if (parsed.pathname.startsWith('/icons/')) errors.push(`manifest.json: ${path} names an icon the host does not serve: ${parsed.pathname}.`);
  }
  for (const size of [...hostedIcons].sort((a, b) => a - b)) checkIcon(assetsDir, `icon-${size}.png`, { size }, errors);
  if (!(manifest.validDomains ?? []).includes(host)) errors.push(`manifest.json: validDomains must contain the app host ${host}.`);
  const naa = manifest.webApplicationInfo?.nestedAppAuthInfo ?? [];
  if (naa.length === 0) errors.push('manifest.json: webApplicationInfo.nestedAppAuthInfo is missing (single sign-on through nested app auth).');
  for (const [i, entry] of naa.entries()) {
    if (entry.redirectUri !== `brk-multihub://${host}`) {
      errors.push(`manifest.json: webApplicationInfo.nestedAppAuthInfo[${i}].redirectUri must be brk-multihub://${host}.`);
    }
  }

  // Outlook extension: ids are unique, every ribbon button and auto-run event names a declared action.
  for (const [e, extension] of (manifest.extensions ?? []).entries()) {
    const actions = new Map();
    for (const runtime of extension.runtimes ?? []) {
      for (const action of runtime.actions ?? []) {
        if (actions.has(action.id)) errors.push(`manifest.json: extensions[${e}] declares action "${action.id}" twice.`);
        actions.set(action.id, action);
      }
    }
    const controlIds = new Set();
    for (const ribbon of extension.ribbons ?? []) {
      for (const tab of ribbon.tabs ?? []) {
        for (const group of tab.groups ?? []) {
          for (const control of group.controls ?? []) {
            if (controlIds.has(control.id)) errors.push(`manifest.json: ribbon control id "${control.id}" is used twice.`);
            controlIds.add(control.id);
            if (control.actionId && !actions.has(control.actionId)) {
              errors.push(`manifest.json: ribbon control "${control.id}" uses undeclared action "${control.actionId}".`);
            }
            const sizes = new Set((control.icons ?? []).map((i) => i.size));
            for (const size of [16, 32, 80]) {
              if (!sizes.has(size)) errors.push(`manifest.json: ribbon control "${control.id}" needs a ${size}px icon.`);
            }
          }
        }
      }
    }
    for (const autoRun of extension.autoRunEvents ?? []) {
      for (const event of autoRun.events ?? []) {
        const action = actions.get(event.actionId);
        if (!action) errors.push(`manifest.json: auto-run event "${event.type}" uses undeclared action "${event.actionId}".`);
        else if (action.type !== 'executeFunction') {
          errors.push(`manifest.json: auto-run event "${event.type}" must run an executeFunction action, "${event.actionId}" is ${action.type}.`);
        }
      }
    }
  }

  const unfilled = JSON.stringify({ manifest, localizations }).match(/\$\{\{[A-Z0-9_]+\}\}/);
  if (unfilled) errors.push(`A placeholder was not filled: ${unfilled[0]}.`);
  return errors;
}

/** The files of the app package: manifest, localization files and the icons the manifest names. */
export function packageFiles({ manifest, localizations }, assetsDir) {
  const files = new Map();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const { name, json } of localizations) files.set(name, Buffer.from(`${JSON.stringify(json, null, 2)}\n`));
  for (const icon of new Set(Object.values(manifest.icons ?? {}))) files.set(icon, readFileSync(join(assetsDir, icon)));
  return files;
}
