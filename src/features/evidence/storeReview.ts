/** Review: the decision record first (decision list), then the item's review fields with If-Match (412 → ReviewConflictError). */
import { evidenceItemDigest } from '../../domain';
import { GraphNotFoundError, GraphPreconditionFailedError, RecordListMissingError, type EvidenceReadResult, type RecordsGateway } from '../../graph';
import { EvidenceReadError } from './captureRunner';
import { EvidenceNotFoundError, ReviewConflictError } from './errors';
import type { EvidenceStore, StoredEvidence } from './evidenceStore';
import { applyDecision, checkDecision } from './reviewDecision';
import type { StoreContext } from './storeContext';
import type { StoreLocator } from './storeLocation';
import type { StoreReads } from './storeReads';

export interface ReviewParts {
  locator: StoreLocator;
  reads: Pick<StoreReads, 'knownByKey' | 'remember' | 'get'>;
  /** The decision list; without it (unit tests of other features) a review writes only the item. */
  records?: RecordsGateway;
  autoProvision: boolean;
}

export function createStoreReview(ctx: StoreContext, { locator, reads, records, autoProvision }: ReviewParts): Pick<EvidenceStore, 'review' | 'decisions'> {
  /** Adds a decision record; a missing decision list is created first unless auto set-up is off (setup creates it). */
  async function addDecision(gateway: RecordsGateway, input: Parameters<RecordsGateway['addDecision']>[1]): Promise<void> {
    try {
      await gateway.addDecision(ctx.site, input);
    } catch (error) {
      if (!(error instanceof RecordListMissingError) || !autoProvision) throw error;
      await gateway.provision(ctx.site, 'decisions');
      await gateway.addDecision(ctx.site, input);
    }
  }

  return {
    async review(id, etag, decision, reviewer) {
      const loc = await locator.location();
      const cachedItem = [...(await reads.knownByKey()).values()].find((i) => i.id === id && i.etag === etag);
      let current = cachedItem ?? (await reads.get(id));
      if (current.etag !== etag) throw new ReviewConflictError(decision, current);
      checkDecision(current, decision, reviewer);
      if (records) {
        // The record pins the item as the reviewer saw it: read it fresh for its version label.
        if (cachedItem && !cachedItem.version) current = await reads.get(id);
        if (current.etag !== etag) throw new ReviewConflictError(decision, current);
        const comment = decision.comment?.trim();
        await addDecision(records, {
          evidenceItemId: id,
          decision: decision.status,
          ...(comment ? { comment } : {}),
          ...(current.contentSha256 ? { contentSha256: current.contentSha256 } : {}),
          itemDigest: evidenceItemDigest(current),
          ...(current.version ? { evidenceVersion: current.version } : {}),
        });
      }
      const reviewed = applyDecision(current, decision, reviewer, ctx.clock());
      let result: EvidenceReadResult;
      try {
        result = await ctx.gateway.saveReview(loc, id, reviewed, etag);
      } catch (error) {
        if (error instanceof GraphPreconditionFailedError) throw new ReviewConflictError(decision, await reads.get(id), { cause: error });
        if (error instanceof GraphNotFoundError) throw new EvidenceNotFoundError(id, { cause: error });
        throw error;
      }
      if (!result.ok) throw new EvidenceReadError(result.id, result.issues);
      const item: StoredEvidence = { ...result.record };
      if (current.contentItemId && !item.contentItemId) item.contentItemId = current.contentItemId;
      await reads.remember([item]);
      return item;
    },

    async decisions(itemId) {
      if (!records) return undefined;
      const read = await records.decisions(ctx.site, itemId);
      return read.missing ? undefined : read.records;
    },
  };
}
