/**
 * Checks a binder ZIP against its manifest: every file that was changed, added, removed or stored
 * twice. Used by `npm run verify-binder` and the panel's verify button.
 *
 * The ZIP is read as a stream (fflate's `Unzip`), entry by entry, and each entry is hashed when it
 * ends, so only one entry's bytes are held at a time. A binder is untrusted input: the entry count
 * and the total unpacked size are capped (declared sizes are checked before inflating, actual bytes
 * while inflating, so a "zip bomb" stops early), and a name that occurs twice counts as tampering —
 * different tools would show different content for it.
 */
import { strFromU8, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { sha256Hex } from '../../domain';
import { BinderManifestSchema, MANIFEST_PATH, type BinderManifest } from './binderManifest';

export interface BinderDifference {
  path: string;
  kind: 'changed' | 'added' | 'removed' | 'duplicate';
  expectedSha256?: string;
  actualSha256?: string;
}

/** Which cap a binder exceeded, and the cap. */
export interface BinderLimitExceeded {
  kind: 'totalBytes' | 'entries';
  max: number;
}

export type BinderVerification =
  | { ok: boolean; readable: true; manifest: BinderManifest; checked: number; differences: BinderDifference[] }
  /** Not a ZIP, no valid manifest, or over a limit: nothing could be checked. */
  | { ok: false; readable: false; problem: string; limit?: BinderLimitExceeded; differences: [] };

export interface BinderLimits {
  /** Total unpacked bytes of all entries. Default 2 GiB. */
  maxTotalBytes: number;
  /** Number of entries. Default 50,000. */
  maxEntries: number;
}

export const DEFAULT_BINDER_LIMITS: BinderLimits = { maxTotalBytes: 2 * 1024 ** 3, maxEntries: 50_000 };

const CHUNK_BYTES = 256 * 1024;

class LimitError extends Error {
  constructor(readonly limit: BinderLimitExceeded, message: string) {
    super(message);
  }
}

async function* chunksOf(input: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += CHUNK_BYTES) yield input.subarray(at, at + CHUNK_BYTES);
  } else {
    for await (const chunk of input) yield chunk;
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface ReadEntries {
  /** SHA-256 per entry name (the first entry of a name). */
  hashes: Map<string, string>;
  duplicates: Set<string>;
  manifestBytes?: Uint8Array;
}

/** Streams the entries, hashing each; throws LimitError over a limit, Error when the ZIP is broken. */
async function readEntries(input: Uint8Array | AsyncIterable<Uint8Array>, limits: BinderLimits): Promise<ReadEntries> {
  const pending: Promise<void>[] = [];
  const result: ReadEntries = { hashes: new Map(), duplicates: new Set() };
  const seen = new Set<string>();
  let entries = 0;
  let declared = 0;
  let unpacked = 0;
  let failure: Error | undefined;
  const tooLarge = () =>
    new LimitError({ kind: 'totalBytes', max: limits.maxTotalBytes }, `The ZIP unpacks to more than ${limits.maxTotalBytes} bytes, more than a binder may hold.`);

  const onFile = (file: UnzipFile) => {
    if (failure) return;
    entries += 1;
    if (entries > limits.maxEntries) {
      failure = new LimitError({ kind: 'entries', max: limits.maxEntries }, `The ZIP has more than ${limits.maxEntries} entries, more than a binder may hold.`);
      return;
    }
    declared += file.originalSize ?? 0;
    if (declared > limits.maxTotalBytes) {
      failure = tooLarge();
      return;
    }
    const first = !seen.has(file.name);
    if (!first) result.duplicates.add(file.name);
    seen.add(file.name);
    const parts: Uint8Array[] = [];
    let length = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      unpacked += chunk.length;
      if (unpacked > limits.maxTotalBytes) {
        failure = tooLarge();
        return;
      }
      parts.push(chunk);
      length += chunk.length;
      if (!final || !first || file.name.endsWith('/')) return;
      const bytes = concat(parts, length);
      parts.length = 0;
      if (file.name === MANIFEST_PATH) result.manifestBytes = bytes;
      const hashing = sha256Hex(bytes).then((hex) => {
        result.hashes.set(file.name, hex);
      });
      pending.push(hashing);
    };
    file.start();
  };

  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  let signatureChecked = false;
  for await (const chunk of chunksOf(input)) {
    if (!signatureChecked) {
      // Local file header "PK\x03\x04" or an empty archive's end record "PK\x05\x06".
      if (chunk.length < 4 || chunk[0] !== 0x50 || chunk[1] !== 0x4b || !((chunk[2] === 3 && chunk[3] === 4) || (chunk[2] === 5 && chunk[3] === 6))) {
        throw new Error('it does not start with a ZIP signature');
      }
      signatureChecked = true;
    }
    unzip.push(chunk);
    if (failure) break;
  }
  if (!signatureChecked) throw new Error('the file is empty');
  if (!failure) unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  await Promise.all(pending);
  return result;
}

export async function verifyBinder(zip: Uint8Array | AsyncIterable<Uint8Array>, limits: BinderLimits = DEFAULT_BINDER_LIMITS): Promise<BinderVerification> {
  let read: ReadEntries;
  try {
    read = await readEntries(zip, limits);
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, readable: false, problem: error.message, limit: error.limit, differences: [] };
    return { ok: false, readable: false, problem: `Not a readable ZIP file: ${error instanceof Error ? error.message : String(error)}`, differences: [] };
  }
  if (!read.manifestBytes) return { ok: false, readable: false, problem: `The ZIP has no ${MANIFEST_PATH}.`, differences: [] };
  let manifest: BinderManifest;
  try {
    const parsed = BinderManifestSchema.safeParse(JSON.parse(strFromU8(read.manifestBytes)));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      return { ok: false, readable: false, problem: `${MANIFEST_PATH} is not a valid binder manifest: ${issues}`, differences: [] };
    }
    manifest = parsed.data;
  } catch (error) {
    return { ok: false, readable: false, problem: `${MANIFEST_PATH} is not JSON: ${error instanceof Error ? error.message : String(error)}`, differences: [] };
  }

  const differences: BinderDifference[] = [...read.duplicates].map((path) => ({ path, kind: 'duplicate' as const }));
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const actual = read.hashes.get(file.path);
    if (actual === undefined) differences.push({ path: file.path, kind: 'removed', expectedSha256: file.sha256 });
    else if (actual !== file.sha256) differences.push({ path: file.path, kind: 'changed', expectedSha256: file.sha256, actualSha256: actual });
  }
  for (const [path, actualSha256] of read.hashes) {
    if (path === MANIFEST_PATH || listed.has(path) || path.endsWith('/')) continue;
    differences.push({ path, kind: 'added', actualSha256 });
  }
  differences.sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
  return { ok: differences.length === 0, readable: true, manifest, checked: manifest.files.length, differences };
}
