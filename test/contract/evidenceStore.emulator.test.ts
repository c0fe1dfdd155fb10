/** The evidence store contract on Graph: the real store and gateway against the emulator. */
import { browser, ISMS_SITE_URL } from '../integration/evidenceHarness';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { evidenceStoreContract, JONAS, NOW } from './evidenceStore.contract';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

evidenceStoreContract('Graph on the emulator', async () => {
  await emulator.reset();
  const profile = browser(emulator, ISMS_SITE_URL);
  const store = profile.store('jonas.weber', JONAS, { clock: () => NOW });
  // Another session of the same user reads past this store's cache.
  const reader = profile.store('jonas.weber', JONAS);
  await store.provision();
  return {
    store,
    all: async () => (await browser(emulator).store('jonas.weber', JONAS).sync()).sort((a, b) => Number(a.id) - Number(b.id)),
    setUnreachable: async (unreachable) => (unreachable ? emulator.setFaults([{ rate503: 1 }]) : emulator.clearFaults()),
    tamper: async (item, bytes) => {
      const location = await reader.location();
      await emulator.admin('POST', '/drive/tamper', { driveId: location.driveId, itemId: item.contentItemId, contentBase64: Buffer.from(bytes).toString('base64') });
    },
  };
});
