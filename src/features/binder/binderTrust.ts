/**
 * The binder's trust checks (issue 11), run while it is exported: each item's version history
 * against its capture, its acceptances and the latest signature; the signature's own digest; and
 * the signed items that are gone.
 */
import { EvidenceNotFoundError } from '../evidence/errors';
import type { EvidenceStore, StoredEvidence } from '../evidence/evidenceStore';
import { evidenceDigest, latestSignature, type BinderRecords, type SignatureRecord } from './binderRecords';
import type { BinderHistorySource } from './historySource';
import { itemHistory, type ItemHistory } from './itemHistory';

export interface SignatureCheck {
  signature: SignatureRecord;
  /** The signature's digest matches its own entries. */
  digestOk: boolean;
  /** Items the signature covered that no longer exist. */
  removedIds: string[];
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The latest signature and how it holds up; undefined when there is none. */
export async function checkLatestSignature(
  records: BinderRecords,
  store: Pick<EvidenceStore, 'get'>,
  presentIds: ReadonlySet<string>,
): Promise<{ signatures: SignatureRecord[]; check?: SignatureCheck }> {
  const signatures = await records.signatures();
  const signature = latestSignature(signatures);
  if (!signature) return { signatures };
  const digestOk = (await evidenceDigest(signature.entries)) === signature.evidenceDigest && signature.entries.length === signature.evidenceCount;
  const removedIds: string[] = [];
  for (const entry of signature.entries) {
    if (presentIds.has(entry.itemId)) continue;
    try {
      await store.get(entry.itemId); // there, but outside the binder's range (or unreadable: listed as such)
    } catch (error) {
      if (error instanceof EvidenceNotFoundError) removedIds.push(entry.itemId);
    }
  }
  return { signatures, check: { signature, digestOk, removedIds } };
}

/** One item's history and flags; a history that cannot be read is reported, not hidden. */
export async function historyOf(
  item: StoredEvidence,
  context: { history?: BinderHistorySource; records: BinderRecords; signature?: SignatureRecord; actualSha256?: string },
): Promise<ItemHistory> {
  const { history } = context;
  let problem: string | undefined;
  const read = async <T>(what: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await what();
    } catch (error) {
      problem ??= describe(error);
      return fallback;
    }
  };
  const [itemVersions, fileVersions, retentionLabel, decisions] = await Promise.all([
    history ? read(() => history.itemVersions(item), []) : [],
    history ? read(() => history.fileVersions(item), []) : [],
    history ? read(() => history.retentionLabel(item), undefined) : undefined,
    read(() => context.records.decisionsFor(item.id), []),
  ]);
  const result = itemHistory({
    itemId: item.id,
    itemVersions,
    fileVersions,
    ...(retentionLabel ? { retentionLabel } : {}),
    ...(item.contentSha256 ? { storedSha256: item.contentSha256 } : {}),
    ...(context.actualSha256 ? { actualSha256: context.actualSha256 } : {}),
    decisions,
    ...(context.signature ? { signature: context.signature } : {}),
    claimedReview: {
      status: item.reviewStatus,
      ...(item.reviewer ? { reviewer: item.reviewer.displayName } : {}),
      ...(item.reviewedAt ? { reviewedAt: item.reviewedAt } : {}),
    },
  });
  if (problem) result.problem = problem;
  return result;
}
