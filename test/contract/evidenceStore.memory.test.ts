/** The evidence store contract on the in-memory gateway (what unit tests of features use). */
import { createMemoryEvidenceStore } from '../../src/features/evidence/testing/memoryEvidenceStore';
import { evidenceStoreContract, JONAS, NOW } from './evidenceStore.contract';

evidenceStoreContract('in memory', async () => {
  const store = createMemoryEvidenceStore({ capturedBy: JONAS, clock: () => NOW });
  return {
    store,
    all: async () => store.all(),
    setUnreachable: async (unreachable) => store.setOffline(unreachable),
    tamper: async (item, bytes) => store.tamper(item.id, bytes),
  };
});
