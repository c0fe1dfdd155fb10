/** The CLI as other suites use it: test/support/emulator.ts spawns a real process. */
import { startEmulator, type RunningEmulator } from '../../test/support/emulator';

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
    expect(await emu.stats()).toEqual({ requests: 2, byRoute: { 'GET /me': 2 } });
  });

  it('resets to the seed', async () => {
    await emu.reset();
    expect(await emu.stats()).toEqual({ requests: 0, byRoute: {} });
    const users = await emu.admin<unknown[]>('GET', '/users');
    expect(users).toHaveLength(25);
  });

  it('stops the process', async () => {
    const other = await startEmulator();
    await other.stop();
    await expect(fetch(`${other.url}/_admin/health`)).rejects.toThrow();
  }, 90_000);
});
