/**
 * Retention labels where the tenant has them (issue 11, optional): when setup stored a record label (settings key
 * `recordLabel`), accepting evidence and signing minutes apply it to the file (Graph setRetentionLabel), which
 * Purview then keeps from being changed or deleted, even by site owners. Applying needs Sites.FullControl.All
 * (incremental consent); a refusal never undoes the decision or signature: the outcome says "not applied" and why.
 */
import { GraphError, type GraphGateways, type VersionsGateway } from '../../graph';
import { readSettings } from '../setup/settingsStore';


export type RecordLabelOutcome =
  /** No record label configured (or no file to label). */
  | { state: 'notConfigured' }
  | { state: 'applied'; name: string }
  | { state: 'notApplied'; name: string; reason: string };

export interface RecordLabelDeps {
  versions: Pick<VersionsGateway, 'applyRetentionLabel'>;
  /** The configured label's name (undefined: none). */
  labelName(): Promise<string | undefined>;
  driveId(): Promise<string>;
}

function reasonOf(error: unknown): string {
  if (error instanceof GraphError) return `${error.status} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Applies the configured record label to an item's file; never throws. */
export async function applyRecordLabel(deps: RecordLabelDeps, item: { contentItemId?: string }): Promise<RecordLabelOutcome> {
  let name: string | undefined;
  try {
    name = await deps.labelName();
  } catch (error) {
    return { state: 'notApplied', name: '?', reason: reasonOf(error) };
  }
  if (!name || !item.contentItemId) return { state: 'notConfigured' };
  try {
    const applied = await deps.versions.applyRetentionLabel(await deps.driveId(), item.contentItemId, name);
    return { state: 'applied', name: applied.name };
  } catch (error) {
    return { state: 'notApplied', name, reason: reasonOf(error) };
  }
}

/** The configured record label's name from the site's settings, read once (a failed read is tried again). */
export function recordLabelName(graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>, siteUrl: string): () => Promise<string | undefined> {
  let read: Promise<string | undefined> | undefined;
  return () => {
    read ??= readSettings(graph, siteUrl).then((s) => s.recordLabel?.name);
    read.catch(() => (read = undefined));
    return read;
  };
}

/** Which accepted or signed files carry the configured record label (the dashboard's label status). */
export type RecordLabelStatus =
  | { configured: false }
  | { configured: true; name: string; labelled: number; total: number; /** Why some labels could not be read. */ unchecked?: string };

/** Reads the label of each file (a few at a time) and counts those that carry the configured one. */
export async function recordLabelCoverage(
  deps: Omit<RecordLabelDeps, 'versions'> & { versions: Pick<VersionsGateway, 'retentionLabel'> },
  files: readonly { contentItemId?: string }[],
): Promise<RecordLabelStatus> {
  const name = await deps.labelName();
  if (!name) return { configured: false };
  const ids = [...new Set(files.flatMap((f) => (f.contentItemId ? [f.contentItemId] : [])))];
  if (ids.length === 0) return { configured: true, name, labelled: 0, total: 0 };
  const driveId = await deps.driveId();
  let labelled = 0;
  let unchecked: string | undefined;
  for (let i = 0; i < ids.length; i += 4) {
    await Promise.all(
      ids.slice(i, i + 4).map(async (id) => {
        try {
          if ((await deps.versions.retentionLabel(driveId, id))?.name.toLowerCase() === name.toLowerCase()) labelled += 1;
        } catch (error) {
          unchecked ??= reasonOf(error);
        }
      }),
    );
  }
  return { configured: true, name, labelled, total: ids.length, ...(unchecked ? { unchecked } : {}) };
}
