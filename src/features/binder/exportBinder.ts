/**
 * Exports the auditor binder for a date range: a PDF organised by checklist item and clause plus
 * a ZIP with every file and a manifest of SHA-256 hashes. Works on the evidence store contract, so
 * the panel and the command line (scripts/export-binder.ts) build the same binder.
 * The ZIP is written streaming to a sink (a file in the CLI, chunks for a Blob in the browser):
 * each file is downloaded, hashed, compressed into the sink and dropped before the next one, so a
 * binder of 1,000 files needs no more memory than one of 100 (bench/tenYears.ts measures it).
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { sha256Hex, type AcknowledgementPage, type Language } from '../../domain';
import type { EvidenceStore, ProgressListener, StoredEvidence, UnreadableEvidence } from '../evidence/evidenceStore';
import { contentPath, type BinderEntry } from './binderEntries';
import { BINDER_FORMAT, ITEMS_PATH, MANIFEST_PATH, PDF_PATH, UNREADABLE_PATH, type BinderFile, type BinderManifest } from './binderManifest';
import { buildBinderPdf } from './binderPdf';
import { createTranslator, translateMessage } from '../../i18n/translate';
import { NO_BINDER_RECORDS, type BinderRecords, type SignatureRecord } from './binderRecords';
import { checkLatestSignature, historyOf, type SignatureCheck } from './binderTrust';
import type { BinderHistorySource } from './historySource';

/** Where the ZIP's bytes go, in order; `write` may wait (back-pressure of a file stream). */
export interface BinderSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export interface ExportBinderOptions {
  sink: BinderSink;
  store: Pick<EvidenceStore, 'query' | 'content' | 'get'>;
  /** Version history and retention labels (Graph); without it the binder shows no history. */
  history?: BinderHistorySource;
  /** Decisions and signatures to check the evidence against. Default: none. */
  records?: BinderRecords;
  /** Inclusive bounds on the effective date. */
  from: Date;
  to: Date;
  company: string;
  lang: Language;
  timeZone: string;
  now: Date;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** Staff acknowledgement pages (issue 15): one per policy version. */
  acknowledgements?: readonly AcknowledgementPage[];
}

export interface ExportedBinder {
  manifest: BinderManifest;
  entries: BinderEntry[];
  /** Items of the range that fail validation: listed, never dropped. */
  unreadable: UnreadableEvidence[];
  /** The latest signature and how it holds up, when there is one. */
  signatureCheck?: SignatureCheck;
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

const translators = { de: createTranslator('de'), en: createTranslator('en') };

/** An unreadable entry for unreadable.json: its reason in words, German and English (read without the app). */
const unreadableInWords = ({ id, reason, fields }: UnreadableEvidence) => ({
  id,
  reason: { de: translateMessage(translators.de, reason), en: translateMessage(translators.en, reason) },
  fields,
});

/** Every item whose effective date lies in the range, oldest first (all pages), and the unreadable ones met on the way. */
export async function itemsInRange(
  store: Pick<EvidenceStore, 'query'>,
  from: Date,
  to: Date,
  signal?: AbortSignal,
): Promise<{ items: StoredEvidence[]; unreadable: UnreadableEvidence[] }> {
  const items: StoredEvidence[] = [];
  const unreadable = new Map<string, UnreadableEvidence>();
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
    for (const entry of page.unreadable ?? []) unreadable.set(entry.id, entry);
    cursor = page.cursor;
  } while (cursor);
  return { items, unreadable: [...unreadable.values()] };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function exportBinder(options: ExportBinderOptions): Promise<ExportedBinder> {
  const { store, signal, onProgress } = options;
  if (options.from.getTime() > options.to.getTime()) throw new RangeError('The binder range starts after it ends.');
  const { items, unreadable } = await itemsInRange(store, options.from, options.to, signal);
  const records = options.records ?? NO_BINDER_RECORDS;
  const { signatures, check: signatureCheck } = await checkLatestSignature(records, store, new Set([...items.map((i) => i.id), ...unreadable.map((u) => u.id)]));
  // Minutes whose signature no longer holds; a reviews list this user may not read leaves them unchecked (undefined).
  const minutes = records.minutes ? await records.minutes().catch(() => undefined) : undefined;
  const total = items.length + 1;
  onProgress?.({ done: 0, total });

  // fflate calls back synchronously with the compressed chunks; they are handed to the sink
  // (awaiting it) after every file, so at most one file's bytes are held at a time.
  const pending: Uint8Array[] = [];
  let zipError: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else pending.push(chunk);
  });
  const drain = async () => {
    if (zipError) throw zipError;
    while (pending.length > 0) await options.sink.write(pending.shift()!);
  };
  const write = async (path: string, bytes: Uint8Array) => {
    const entry = new ZipDeflate(path, { level: 6 });
    entry.mtime = options.now;
    zip.add(entry);
    entry.push(bytes, true);
    await drain();
  };
  const files: BinderFile[] = [];
  const add = async (path: string, bytes: Uint8Array, itemId?: string): Promise<BinderFile> => {
    const file: BinderFile = { path, sha256: await sha256Hex(bytes), size: bytes.byteLength, ...(itemId ? { itemId } : {}) };
    await write(path, bytes);
    files.push(file);
    return file;
  };

  const entries: BinderEntry[] = [];
  for (const [index, item] of items.entries()) {
    throwIfCancelled(signal);
    const entry: BinderEntry = { item, hashMismatch: false };
    if (item.contentUrl || item.contentSha256) {
      try {
        const bytes = await store.content(item);
        entry.file = await add(contentPath(item), bytes, item.id);
        entry.hashMismatch = item.contentSha256 !== undefined && item.contentSha256 !== entry.file.sha256;
      } catch (error) {
        entry.problem = describe(error);
      }
    }
    entry.history = await historyOf(item, {
      ...(options.history ? { history: options.history } : {}),
      records,
      ...(signatureCheck ? { signature: signatureCheck.signature } : {}),
      ...(entry.file ? { actualSha256: entry.file.sha256 } : {}),
    });
    entries.push(entry);
    onProgress?.({ done: index + 1, total });
  }
  throwIfCancelled(signal);

  await add(
    ITEMS_PATH,
    strToU8(JSON.stringify(entries.map((e) => ({ ...e.item, file: e.file?.path ?? null, hashMismatch: e.hashMismatch, problem: e.problem ?? null, history: e.history ?? null })), null, 2)),
  );
  if (unreadable.length > 0) await add(UNREADABLE_PATH, strToU8(JSON.stringify(unreadable.map(unreadableInWords), null, 2)));
  const pdf = await buildBinderPdf({
    lang: options.lang,
    company: options.company,
    from: options.from,
    to: options.to,
    createdAt: options.now,
    timeZone: options.timeZone,
    entries,
    unreadable,
    ...(signatureCheck ? { signatureCheck } : {}),
    ...(minutes ? { minutes } : {}),
    ...(options.acknowledgements ? { acknowledgements: options.acknowledgements } : {}),
  });
  await add(PDF_PATH, pdf);
  const manifest: BinderManifest = {
    format: BINDER_FORMAT,
    createdAt: options.now.toISOString(),
    company: options.company,
    range: { from: options.from.toISOString(), to: options.to.toISOString() },
    itemCount: entries.length,
    files,
    unreadableCount: unreadable.length,
    signatures: manifestSignatures(signatures),
    flaggedCount: entries.filter((e) => (e.history?.flags.length ?? 0) > 0).length,
    ...(minutes ? { minutesFlagged: minutes.map((m) => ({ occurrenceStart: m.occurrenceStart, flags: [...m.flags] })) } : {}),
  };
  await write(MANIFEST_PATH, strToU8(JSON.stringify(manifest, null, 2)));
  zip.end();
  await drain();
  onProgress?.({ done: total, total });
  return { manifest, entries, unreadable, ...(signatureCheck ? { signatureCheck } : {}) };
}

function manifestSignatures(signatures: readonly SignatureRecord[]): BinderManifest['signatures'] {
  return [...signatures]
    .sort((a, b) => Date.parse(b.signedAt) - Date.parse(a.signedAt))
    .map((s) => ({ id: s.id, signedAt: s.signedAt, evidenceDigest: s.evidenceDigest, evidenceCount: s.evidenceCount }));
}
