/** The emulator's CLI as other suites use it: test/support/emulator.ts spawns a real process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../support/emulator';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
}, 90_000);
afterAll(() => emu.stop());

describe('startEmulator()', () => {
  it('starts a seeded emulator on a free port and signs in demo users', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.graphUrl).toBe(`${emu.url}/v1.0`);
    const token = await emu.token('jonas.weber');
    const me = (await (await fetch(`${emu.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { jobTitle: string };
    expect(me.jobTitle).toBe('Informationssicherheitsbeauftragter');
  });

  it('sets and clears faults and reads stats', async () => {
    const token = await emu.token('katrin.berger', ['User.Read']);
    await emu.resetStats();
    await emu.setFaults([{ path: '^/me$', rate503: 1, times: 1 }]);
    const first = await fetch(`${emu.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    const second = await fetch(`${emu.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect([first.status, second.status]).toEqual([503, 200]);
    await emu.clearFaults();
    expect(await emu.stats()).toEqual({ requests: 2, byRoute: { 'GET /me': 2 }, ru: { total: 0, byRoute: {} } });
  });

  it('resets to the seed', async () => {
    await emu.reset();
    expect(await emu.stats()).toEqual({ requests: 0, byRoute: {}, ru: { total: 0, byRoute: {} } });
    const users = await emu.admin<unknown[]>('GET', '/users');
    expect(users).toHaveLength(25);
  });

  it('stops the process', async () => {
    const other = await startEmulator();
    await other.stop();
    await expect(fetch(`${other.url}/_admin/health`)).rejects.toThrow();
  }, 90_000);
});

describe('the CLI beyond loopback', () => {
  const run = (args: string[], untilLine: RegExp) =>
    new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn(join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'), ['emulator/bin/emulator.ts', ...args], {
        cwd: join(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const check = () => {
        if (untilLine.test(stdout + stderr)) child.kill('SIGTERM');
      };
      child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), check()));
      child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), check()));
      child.on('exit', (code) => resolve({ stdout, stderr, code }));
    });

  it('binds to another interface only with --host, and warns when it does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-host-'));
    try {
      const result = await run(['--port', '0', '--data', dataDir, '--host', '0.0.0.0'], /WARNING[^\n]*\n/);
      expect(result.stdout).toMatch(/^Emulator listening on http:\/\/0\.0\.0\.0:\d+/);
      expect(result.stdout).toMatch(/Admin secret: [0-9a-f]{48}/);
      expect(result.stderr).toContain('WARNING: listening on 0.0.0.0, not on loopback');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses an app origin that is not an origin', async () => {
    const result = await run(['--port', '0', '--data', ':memory:', '--app-origin', 'http://localhost:5173/teams/'], /$^/);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--app-origin');
  }, 90_000);
});
