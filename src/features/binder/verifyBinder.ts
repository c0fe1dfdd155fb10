/**
 * Checks a binder ZIP against its manifest: every file that was changed, added or removed.
 * Used by `npm run verify-binder` and the panel's verify button.
 */
import { strFromU8, unzipSync } from 'fflate';
import { sha256Hex } from '../../domain';
import { BinderManifestSchema, MANIFEST_PATH, type BinderManifest } from './binderManifest';

export interface BinderDifference {
  path: string;
  kind: 'changed' | 'added' | 'removed';
  expectedSha256?: string;
  actualSha256?: string;
}

export type BinderVerification =
  | { ok: boolean; readable: true; manifest: BinderManifest; checked: number; differences: BinderDifference[] }
  /** Not a ZIP, or no valid manifest: nothing could be checked. */
  | { ok: false; readable: false; problem: string; differences: [] };

export async function verifyBinder(zipBytes: Uint8Array): Promise<BinderVerification> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch (error) {
    return { ok: false, readable: false, problem: `Not a readable ZIP file: ${error instanceof Error ? error.message : String(error)}`, differences: [] };
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return { ok: false, readable: false, problem: `The ZIP has no ${MANIFEST_PATH}.`, differences: [] };
  let manifest: BinderManifest;
  try {
    const parsed = BinderManifestSchema.safeParse(JSON.parse(strFromU8(manifestBytes)));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      return { ok: false, readable: false, problem: `${MANIFEST_PATH} is not a valid binder manifest: ${issues}`, differences: [] };
    }
    manifest = parsed.data;
  } catch (error) {
    return { ok: false, readable: false, problem: `${MANIFEST_PATH} is not JSON: ${error instanceof Error ? error.message : String(error)}`, differences: [] };
  }

  const differences: BinderDifference[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = files[file.path];
    if (!bytes) {
      differences.push({ path: file.path, kind: 'removed', expectedSha256: file.sha256 });
      continue;
    }
    const actual = await sha256Hex(bytes);
    if (actual !== file.sha256) differences.push({ path: file.path, kind: 'changed', expectedSha256: file.sha256, actualSha256: actual });
  }
  for (const [path, bytes] of Object.entries(files)) {
    if (path === MANIFEST_PATH || listed.has(path) || path.endsWith('/')) continue;
    differences.push({ path, kind: 'added', actualSha256: await sha256Hex(bytes) });
  }
  differences.sort((a, b) => a.path.localeCompare(b.path));
  return { ok: differences.length === 0, readable: true, manifest, checked: manifest.files.length, differences };
}
