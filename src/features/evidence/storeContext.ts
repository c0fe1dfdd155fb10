/** What every part of the Graph-backed evidence store shares: the gateway, the site (cache scope), clock, cache. */
import type { FreshnessSettings } from '../../domain';
import type { EvidenceGateway } from '../../graph';
import type { EvidenceCache } from './evidenceCache';

export interface StoreContext {
  gateway: EvidenceGateway;
  /** Browser URL of the SharePoint site; also the cache's and the outbox's scope. */
  site: string;
  clock: () => Date;
  cache: EvidenceCache;
  /** `$batch` calls (or downloads) in flight at once. */
  concurrency: number;
  settings?: FreshnessSettings;
}

/** Runs `work` for each index with at most `concurrency` at a time. */
export async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
