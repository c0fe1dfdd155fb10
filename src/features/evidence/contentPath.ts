/**
 * Where a capture's content goes in the evidence library: `<year of effective date>/<key>-<name>`.
 * The key is derived from the source key, so a repeated capture of the same source targets the
 * same file (and an upload with conflictBehavior "fail" cannot overwrite stored evidence).
 */
import { sha256HexSync } from '../../domain';

/** Characters SharePoint refuses in file names, plus control characters. */
const FORBIDDEN = /["*:<>?/\\|#%\u0000-\u001f]/g;

export function safeFileName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const base = cleaned === '' ? 'Nachweis' : cleaned;
  if (base.length <= 120) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 120 - ext.length) + ext;
}

export function contentPath(sourceKey: string, effectiveDate: string, fileName: string): string {
  const year = new Date(effectiveDate).getUTCFullYear();
  return `${year}/${sha256HexSync(sourceKey).slice(0, 16)}-${safeFileName(fileName)}`;
}
