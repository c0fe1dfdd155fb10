/**
 * The auditor binder end to end against a real emulator: evidence captured by the ISB, reviewed by
 * the CEO, exported by `npm run export-binder` (the real script), one byte changed in a copy, and
 * `npm run verify-binder` naming exactly that file. Also: list permissions as SharePoint enforces them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { GraphForbiddenError } from '../../src/graph';
import { BinderManifestSchema } from '../../src/features/binder/binderManifest';
import { ReviewConflictError } from '../../src/features/evidence/errors';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { browser, gatewaysFor, JONAS, KATRIN, mailCapture, policyCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, SHAREPOINT_HOST } from './graphHarness';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let emulator: RunningEmulator;
let work: string;

beforeAll(async () => {
  emulator = await startEmulator();
  work = mkdtempSync(join(tmpdir(), 'chefsache-binder-'));
  const jonas = browser(emulator).store('jonas.weber', JONAS);
  await jonas.capture(mailCapture('kick-off'));
  await jonas.capture(mailCapture('phishing', { effectiveDate: '2026-02-20T09:00:00+01:00' }));
  await jonas.capture({ ...policyCapture('leitlinie-2026', '2026-01-12T10:00:00Z'), content: { fileName: 'Leitlinie 2026.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 Leitlinie') } });
  const katrin = browser(emulator).store('katrin.berger', KATRIN);
  const [policy] = (await katrin.query({ types: ['securityPolicy'] })).items;
  await katrin.review(policy!.id, policy!.etag, { status: 'accepted' }, KATRIN);
}, EMULATOR_START_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (script: string, args: string[]) => spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('auditor binder from the command line', () => {
  it('exports every item with its file and hash, and verify-binder names exactly the one changed file', () => {
    const out = join(work, 'binder.zip');
    const exported = run('export-binder.ts', ['--out', out, '--emulator', emulator.url, '--admin-secret', emulator.adminSecret, '--from', '2026-01-01', '--to', '2026-12-31', '--lang', 'en']);
    expect({ status: exported.status, stderr: exported.stderr.includes('failed') ? exported.stderr : '' }).toEqual({ status: 0, stderr: '' });
    expect(exported.stdout).toContain('3 items');

    const files = unzipSync(readFileSync(out));
    const manifest = BinderManifestSchema.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest.company).toBe('Muster GmbH');
    const contentFiles = manifest.files.filter((f) => f.itemId).map((f) => f.path);
    expect(contentFiles).toHaveLength(3);
    expect(contentFiles.some((p) => p.endsWith('Leitlinie 2026.pdf'))).toBe(true);

    const ok = run('verify-binder.ts', [out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK: all 5 files match the manifest/);

    const target = contentFiles.find((p) => p.endsWith('.eml'))!;
    const changed = files[target]!.slice();
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 0x20;
    const copy = join(work, 'binder-copy.zip');
    writeFileSync(copy, zipSync({ ...files, [target]: changed }));
    const bad = run('verify-binder.ts', [copy]);
    expect(bad.status).toBe(1);
    const reported = bad.stderr.split('\n').filter((line) => /^\s+(changed|added|removed)/.test(line));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain(`changed  ${target}`);
  });

  it('explains wrong arguments with the usage text', () => {
    const result = run('export-binder.ts', ['--from', '2026-01-01']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--out <binder.zip> is required.');
    expect(result.stderr).toContain('Usage: npm run export-binder');
  });
});

describe('evidence list permissions seen from the app', () => {
  it('lets the auditor read everything but not review', async () => {
    const petra = browser(emulator).store('petra.pruefer', { upn: 'petra.pruefer@mustergmbh.onmicrosoft.com', displayName: 'Petra Prüfer' });
    const items = await petra.sync();
    expect(items).toHaveLength(3);
    const pending = items.find((i) => i.reviewStatus === 'pending')!;
    const error = await petra.review(pending.id, pending.etag, { status: 'accepted' }, { upn: 'petra.pruefer@mustergmbh.onmicrosoft.com', displayName: 'Petra Prüfer' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ReviewConflictError);
    expect(error).toBeInstanceOf(GraphForbiddenError);
  });

  it('shows other staff no evidence list at all: they cannot open the ISMS site', async () => {
    const anna = gatewaysFor(emulator, 'anna.mueller');
    await expect(anna.sites.byPath(SHAREPOINT_HOST, 'ISMS')).rejects.toBeInstanceOf(GraphForbiddenError);
    const katrin = gatewaysFor(emulator, 'katrin.berger');
    const site = await katrin.sites.byPath(SHAREPOINT_HOST, 'ISMS');
    expect((await katrin.lists.get(site.id, 'Chefsache Nachweise')).id).toBeTruthy();
  });
});
