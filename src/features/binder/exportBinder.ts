/**
 * Exports the auditor binder for a date range: a PDF organised by checklist item and clause plus
 * a ZIP with every file and a manifest of SHA-256 hashes. Works on the evidence store contract, so
 * the panel and the command line (scripts/export-binder.ts) build the same binder.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sha256Hex, type Lang } from '../../domain';
import type { EvidenceStore, ProgressListener, StoredEvidence } from '../evidence/evidenceStore';
import { contentPath, type BinderEntry } from './binderEntries';
import { BINDER_FORMAT, ITEMS_PATH, MANIFEST_PATH, PDF_PATH, type BinderFile, type BinderManifest } from './binderManifest';
import { buildBinderPdf } from './binderPdf';

export interface ExportBinderOptions {
  store: Pick<EvidenceStore, 'query' | 'content'>;
  /** Inclusive bounds on the effective date. */
  from: Date;
  to: Date;
  company: string;
  lang: Lang;
  timeZone: string;
  now: Date;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

export interface ExportedBinder {
  zip: Uint8Array;
  manifest: BinderManifest;
  entries: BinderEntry[];
}

export class BinderCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The binder export was cancelled.');
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BinderCancelledError();
}

/** Every item whose effective date lies in the range, oldest first (all pages). */
export async function itemsInRange(store: Pick<EvidenceStore, 'query'>, from: Date, to: Date, signal?: AbortSignal): Promise<StoredEvidence[]> {
  const items: StoredEvidence[] = [];
  let cursor: string | undefined;
  do {
    throwIfCancelled(signal);
    const page = await store.query({
      effectiveFrom: from.toISOString(),
      effectiveTo: to.toISOString(),
      order: 'effectiveDateAsc',
      pageSize: 200,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function exportBinder(options: ExportBinderOptions): Promise<ExportedBinder> {
  const { store, signal, onProgress } = options;
  if (options.from.getTime() > options.to.getTime()) throw new RangeError('The binder range starts after it ends.');
  const items = await itemsInRange(store, options.from, options.to, signal);
  const total = items.length + 1;
  onProgress?.({ done: 0, total });

  const zipFiles: Zippable = {};
  const files: BinderFile[] = [];
  const add = async (path: string, bytes: Uint8Array, itemId?: string): Promise<BinderFile> => {
    const file: BinderFile = { path, sha256: await sha256Hex(bytes), size: bytes.byteLength, ...(itemId ? { itemId } : {}) };
    zipFiles[path] = [bytes, { mtime: options.now }];
    files.push(file);
    return file;
  };

  const entries: BinderEntry[] = [];
  for (const [index, item] of items.entries()) {
    throwIfCancelled(signal);
    const entry: BinderEntry = { item, hashMismatch: false };
    if (item.contentUrl || item.contentWebUrl || item.contentSha256) {
      try {
        const bytes = await store.content(item);
        entry.file = await add(contentPath(item), bytes, item.id);
        entry.hashMismatch = item.contentSha256 !== undefined && item.contentSha256 !== entry.file.sha256;
      } catch (error) {
        entry.problem = describe(error);
      }
    }
    entries.push(entry);
    onProgress?.({ done: index + 1, total });
  }
  throwIfCancelled(signal);

  await add(ITEMS_PATH, strToU8(JSON.stringify(entries.map((e) => ({ ...e.item, file: e.file?.path ?? null, hashMismatch: e.hashMismatch, problem: e.problem ?? null })), null, 2)));
  const pdf = await buildBinderPdf({
    lang: options.lang,
    company: options.company,
    from: options.from,
    to: options.to,
    createdAt: options.now,
    timeZone: options.timeZone,
    entries,
  });
  await add(PDF_PATH, pdf);
  const manifest: BinderManifest = {
    format: BINDER_FORMAT,
    createdAt: options.now.toISOString(),
    company: options.company,
    range: { from: options.from.toISOString(), to: options.to.toISOString() },
    itemCount: entries.length,
    files,
  };
  zipFiles[MANIFEST_PATH] = [strToU8(JSON.stringify(manifest, null, 2)), { mtime: options.now }];
  const zip = zipSync(zipFiles, { level: 6 });
  onProgress?.({ done: total, total });
  return { zip, manifest, entries };
}
