/** One evidence item as the binder holds it: its metadata, its file in the ZIP, and what went wrong. */
import type { StoredEvidence } from '../evidence/evidenceStore';
import type { BinderFile } from './binderManifest';
import type { ItemHistory } from './itemHistory';

export interface BinderEntry {
  item: StoredEvidence;
  /** The content file in the ZIP; absent when the item has no content or it could not be read. */
  file?: BinderFile;
  /** The downloaded bytes do not match the hash stored when the item was captured. */
  hashMismatch: boolean;
  /** Why the content could not be read. */
  problem?: string;
  /** Versions of the item and its file, retention label, and every change flagged after capture, acceptance or signature. */
  history?: ItemHistory;
}

/** A file name that is safe inside a ZIP on every system. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'content').slice(0, 120);
}

/** The stored file's name, taken from its library URL; `content` when there is none. */
export function contentFileName(item: Pick<StoredEvidence, 'contentUrl'>): string {
  const url = item.contentUrl;
  if (!url) return 'content';
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return safeFileName(last ? decodeURIComponent(last) : 'content');
  } catch {
    return 'content';
  }
}

export function contentPath(item: StoredEvidence): string {
  return `evidence/${safeFileName(item.id)}_${contentFileName(item)}`;
}
