/**
 * The outbox's persistence: captures that could not be stored wait here (with their content bytes)
 * until a retry succeeds. IndexedDB in the browser (indexedDbStorage.ts), memory in tests.
 */
import type { PersonRef } from '../../domain';
import type { CaptureInput, OutboxEntry } from './evidenceStore';

export interface OutboxRecord {
  entry: OutboxEntry;
  /** The site the capture belongs to. */
  scope: string;
  input: CaptureInput;
  /** When the user captured it: stays the item's capturedAt when it is finally stored. */
  capturedAt: string;
  /** The store's write id: identifies this capture across retries (a repeat that finds its own item counts as created). */
  writeId: string;
  /** Who captured it (stays so even when another user of the device is signed in at the retry). */
  capturedBy: PersonRef;
}

export interface OutboxStorage {
  list(scope: string): Promise<OutboxRecord[]>;
  put(record: OutboxRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

export function createMemoryOutboxStorage(): OutboxStorage {
  const records = new Map<string, OutboxRecord>();
  return {
    async list(scope) {
      return [...records.values()].filter((r) => r.scope === scope).map((r) => structuredClone(r));
    },
    async put(record) {
      records.set(record.entry.id, structuredClone(record));
    },
    async delete(id) {
      records.delete(id);
    },
  };
}
