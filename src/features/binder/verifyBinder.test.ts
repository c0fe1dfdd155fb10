/**
 * A binder is untrusted input: verifyBinder streams it and stops at its limits (zip bombs, endless
 * entry lists) and treats a name stored twice as tampering.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { sha256Hex } from '../../domain';
import { BINDER_FORMAT, MANIFEST_PATH } from './binderManifest';
import { DEFAULT_BINDER_LIMITS, verifyBinder } from './verifyBinder';

const POLICY = strToU8('%PDF-1.4 Leitlinie');

async function manifestFor(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const listed = await Promise.all(Object.entries(files).map(async ([path, bytes]) => ({ path, sha256: await sha256Hex(bytes), size: bytes.length })));
  return strToU8(
    JSON.stringify({
      format: BINDER_FORMAT,
      createdAt: '2026-03-10T09:00:00Z',
      company: 'Muster GmbH',
      range: { from: '2025-03-10T00:00:00Z', to: '2026-03-10T23:59:59Z' },
      itemCount: 1,
      files: listed,
    }),
  );
}

/** A ZIP written entry by entry, so a name can occur twice (zipSync takes an object). */
function zipEntries(entries: [string, Uint8Array, 'store' | 'deflate'][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes, how] of entries) {
    const entry = how === 'store' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Overwrites the uncompressed size in the first local file header (offset 22). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const forged = zip.slice();
  new DataView(forged.buffer).setUint32(22, size, true);
  return forged;
}

describe('verifyBinder on hostile archives', () => {
  it('still verifies a well-formed binder fed as a stream of chunks', async () => {
    const zip = zipSync({ 'evidence/leitlinie.pdf': POLICY, [MANIFEST_PATH]: await manifestFor({ 'evidence/leitlinie.pdf': POLICY }) });
    async function* chunks() {
      for (let at = 0; at < zip.length; at += 7) yield zip.subarray(at, at + 7);
    }
    expect(await verifyBinder(chunks())).toMatchObject({ ok: true, readable: true, checked: 1, differences: [] });
  });

  it('refuses a zip bomb by its declared size before inflating it', async () => {
    const bomb = declareSize(zipSync({ 'evidence/bomb.bin': new Uint8Array(1024) }, { level: 9 }), 0xfffffff0);
    expect(bomb.length).toBeLessThan(2000);
    const result = await verifyBinder(bomb);
    expect(result).toMatchObject({ ok: false, readable: false, limit: { kind: 'totalBytes', max: DEFAULT_BINDER_LIMITS.maxTotalBytes } });
    expect(result.readable === false && result.problem).toMatch(/more than 2147483648 bytes/);
  });

  it('stops inflating when the bytes exceed the limit even if the header lies about them', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const small = declareSize(zipEntries([['evidence/zeros.bin', zeros, 'deflate']]), 10);
    expect(small.length).toBeLessThan(64 * 1024);
    const result = await verifyBinder(small, { maxTotalBytes: 1024 * 1024, maxEntries: 100 });
    expect(result).toMatchObject({ readable: false, limit: { kind: 'totalBytes', max: 1024 * 1024 } });
  });

  it('caps the number of entries', async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`evidence/${i}.txt`] = strToU8(String(i));
    const result = await verifyBinder(zipSync(many), { maxTotalBytes: DEFAULT_BINDER_LIMITS.maxTotalBytes, maxEntries: 20 });
    expect(result).toMatchObject({ readable: false, limit: { kind: 'entries', max: 20 }, problem: expect.stringContaining('more than 20 entries') });
  });

  it('treats a file name that occurs twice as tampering, even when the first copy matches', async () => {
    const manifest = await manifestFor({ 'evidence/leitlinie.pdf': POLICY });
    const zip = zipEntries([
      ['evidence/leitlinie.pdf', POLICY, 'store'],
      ['evidence/leitlinie.pdf', strToU8('%PDF-1.4 gefälscht'), 'store'],
      [MANIFEST_PATH, manifest, 'deflate'],
    ]);
    const result = await verifyBinder(zip);
    expect(result).toMatchObject({ ok: false, readable: true, differences: [{ path: 'evidence/leitlinie.pdf', kind: 'duplicate' }] });
  });
});
