/**
 * An emulator whose demo site is set up through the app's own setup (src/features/setup) as its site owner,
 * after start and after every reset(): role groups by object id, SharePoint permissions on Chefsache's lists.
 * Integration, browser tests and the bench use this; the emulator's own tests use ./emulator.ts (no app code).
 */
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { createSettingsWriter } from '../../src/features/setup/settingsStore';
import { DEMO_ROLE_GROUP_NAMES, DEMO_SITE_OWNER, setUpDemoCompany } from '../../src/features/setup/setupCli';
import { createGraphGateways } from '../../src/graph';
import { installTeamsAppInEmulator } from '../../scripts/install-teams-app';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './emulator';

export function startSetUpEmulator(options: Omit<StartEmulatorOptions, 'setUp'> = {}): Promise<RunningEmulator> {
  return startEmulator({
    ...options,
    setUp: async (emulator) => {
      await setUpDemoCompany(emulator.url, emulator.adminSecret);
      await installTeamsAppInEmulator(emulator.url, emulator.adminSecret);
    },
  });
}

/**
 * Only the role groups (settings list, by object id) written as the site owner, without the rest of setup: for
 * tests that need roles on a site whose Chefsache lists must stay missing (a deleted evidence list).
 */
export async function writeDemoRoleSettings(emulator: Pick<RunningEmulator, 'url' | 'graphUrl' | 'adminSecret'>): Promise<void> {
  const tokenProvider = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: DEMO_SITE_OWNER });
  const graph = createGraphGateways({ baseUrl: emulator.graphUrl, tokenProvider });
  const id = async (name: string) => (await graph.groups.find(name))[0]!.id;
  await createSettingsWriter(graph, DEMO_SITE_URL).write('roles', {
    topManagement: await id(DEMO_ROLE_GROUP_NAMES.topManagement),
    isb: await id(DEMO_ROLE_GROUP_NAMES.isb),
    auditors: await id(DEMO_ROLE_GROUP_NAMES.auditors),
  });
}
