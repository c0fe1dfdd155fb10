/** Integrity: downloads stored content and recomputes its SHA-256 against the hash recorded at capture. */
import { sha256Hex } from '../../domain';
import type { EvidenceStore, VerifyResult } from './evidenceStore';
import { describeFailure } from './failures';
import { inParallel, type StoreContext } from './storeContext';
import type { StoreLocator } from './storeLocation';
import type { StoreReads } from './storeReads';

export function createStoreIntegrity(
  ctx: StoreContext,
  locator: StoreLocator,
  reads: Pick<StoreReads, 'get' | 'sync'>,
): Pick<EvidenceStore, 'content' | 'verify'> {
  return {
    async content(item) {
      if (!item.contentItemId) throw new Error(`Evidence item ${item.id} ("${item.title}") has no stored content.`);
      return ctx.gateway.download(await locator.location(), item.contentItemId);
    },

    async verify(ids, onProgress) {
      const loc = await locator.location();
      const all = ids ? await Promise.all(ids.map(reads.get)) : await reads.sync();
      const targets = all.filter((item) => item.contentSha256 !== undefined);
      const results: VerifyResult[] = new Array(targets.length);
      let done = 0;
      onProgress?.({ done, total: targets.length });
      await inParallel(targets.length, ctx.concurrency, async (index) => {
        const item = targets[index]!;
        const base = { id: item.id, title: item.title, expectedSha256: item.contentSha256 };
        if (!item.contentItemId) {
          results[index] = { ...base, ok: false, problem: 'The item names no stored file (ContentItemId is empty).' };
        } else {
          try {
            const actual = await sha256Hex(await ctx.gateway.download(loc, item.contentItemId));
            results[index] = { ...base, ok: actual === item.contentSha256, actualSha256: actual };
          } catch (error) {
            results[index] = { ...base, ok: false, problem: describeFailure(error) };
          }
        }
        onProgress?.({ done: ++done, total: targets.length });
      });
      return results;
    },
  };
}
