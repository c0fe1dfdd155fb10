/**
 * verify-binder on the command line: a name stored twice in the ZIP is tampering (exit 1, offline);
 * with Graph access the binder's signatures are checked against SharePoint's signature items.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, Zip, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../../domain';
import { BINDER_FORMAT, MANIFEST_PATH, type BinderManifest } from './binderManifest';
import { UsageError } from './binderCli';
import { checkAnchors } from './signatureAnchors';
import { parseVerifyArgs } from './verifyCli';

function zipEntries(entries: [string, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of entries) {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return Buffer.concat(parts);
}

const manifest = (files: BinderManifest['files'], signatures: BinderManifest['signatures'] = []): BinderManifest => ({
  format: BINDER_FORMAT,
  createdAt: '2026-03-10T09:00:00Z',
  company: 'Muster GmbH',
  range: { from: '2025-03-10T00:00:00Z', to: '2026-03-10T23:59:59Z' },
  itemCount: 1,
  files,
  signatures,
});

describe('verify-binder', () => {
  it('exits 1 and names the entry when a ZIP holds one name twice', async () => {
    const policy = strToU8('%PDF-1.4 Leitlinie');
    const files = [{ path: 'evidence/leitlinie.pdf', sha256: await sha256Hex(policy), size: policy.length }];
    const zip = zipEntries([
      ['evidence/leitlinie.pdf', policy],
      ['evidence/leitlinie.pdf', strToU8('%PDF-1.4 gefälscht')],
      [MANIFEST_PATH, strToU8(JSON.stringify(manifest(files)))],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'verify-binder-'));
    const path = join(dir, 'binder.zip');
    writeFileSync(path, zip);
    const run = await promisify(execFile)('npx', ['tsx', 'scripts/verify-binder.ts', path], { cwd: join(__dirname, '..', '..', '..') }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/duplicate\s+evidence\/leitlinie\.pdf/);
  }, 60_000);

  it('parses Graph and emulator options', () => {
    expect(parseVerifyArgs(['b.zip'])).toMatchObject({ path: 'b.zip' });
    expect(parseVerifyArgs(['b.zip', '--graph', 'https://graph.microsoft.com/v1.0/', '--token', 't'])).toMatchObject({ graph: { baseUrl: 'https://graph.microsoft.com/v1.0', token: 't' } });
    expect(parseVerifyArgs(['b.zip', '--emulator', 'http://localhost:4365'], { EMULATOR_ADMIN_SECRET: 's' })).toMatchObject({ graph: { baseUrl: 'http://localhost:4365/v1.0', adminSecret: 's' } });
    expect(() => parseVerifyArgs(['b.zip', '--graph', 'https://x'])).toThrow(UsageError);
    expect(() => parseVerifyArgs([])).toThrow(UsageError);
  });

  it('reports signatures missing, changed or left out compared with SharePoint', () => {
    const digest = (c: string) => c.repeat(64);
    const listed = manifest([], [
      { id: '1', signedAt: '2026-01-01T00:00:00Z', evidenceDigest: digest('a'), evidenceCount: 1 },
      { id: '2', signedAt: '2026-02-01T00:00:00Z', evidenceDigest: digest('b'), evidenceCount: 1 },
    ]);
    const server = [
      { id: '2', signedAt: '2026-02-01T00:00:00Z', evidenceDigest: digest('c'), evidenceCount: 1, entries: [] },
      { id: '3', signedAt: '2026-03-01T00:00:00Z', evidenceDigest: digest('d'), evidenceCount: 1, entries: [] },
      { id: '4', signedAt: '2026-04-01T00:00:00Z', evidenceDigest: digest('e'), evidenceCount: 1, entries: [] },
    ];
    expect(checkAnchors(listed, server).map((d) => `${d.kind} ${d.signatureId}`)).toEqual(['signatureMissing 1', 'digestDiffers 2', 'signatureOmitted 3']);
  });
});
