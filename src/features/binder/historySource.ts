/**
 * Where the binder reads an item's version history and its file's retention label: Graph's
 * versions gateway on the evidence list and library (issue 11). The store's located list and
 * library name the ids; a store without a location (a fake, an unavailable store) has no history.
 */
import { EVIDENCE_FIELDS, type EvidenceLocation, type FileVersionModel, type GraphGateways, type ListItemVersionModel, type RetentionLabelModel } from '../../graph';
import type { StoredEvidence } from '../evidence/evidenceStore';

export interface BinderHistorySource {
  /** Newest first. */
  itemVersions(item: StoredEvidence): Promise<ListItemVersionModel[]>;
  /** Newest first; none when the item has no stored file. */
  fileVersions(item: StoredEvidence): Promise<FileVersionModel[]>;
  retentionLabel(item: StoredEvidence): Promise<RetentionLabelModel | undefined>;
}

export function graphHistorySource(versions: GraphGateways['versions'], location: () => Promise<EvidenceLocation>): BinderHistorySource {
  return {
    async itemVersions(item) {
      const loc = await location();
      return versions.listItemVersions(loc.siteId, loc.listId, item.id, { select: EVIDENCE_FIELDS });
    },
    async fileVersions(item) {
      if (!item.contentItemId) return [];
      return versions.fileVersions((await location()).driveId, item.contentItemId);
    },
    async retentionLabel(item) {
      if (!item.contentItemId) return undefined;
      return versions.retentionLabel((await location()).driveId, item.contentItemId);
    },
  };
}

/** The history source for a store that knows its list (the Graph store); undefined otherwise. */
export function historySourceFor(graph: Pick<GraphGateways, 'versions'>, store: object): BinderHistorySource | undefined {
  const located = (store as { location?: unknown }).location;
  if (typeof located !== 'function') return undefined;
  return graphHistorySource(graph.versions, () => (located as () => Promise<EvidenceLocation>).call(store));
}
