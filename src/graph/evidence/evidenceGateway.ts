/**
 * The evidence list and library on Graph: locating and provisioning them, batched creates, typed
 * queries, reviews with If-Match, list-item delta, and the library's files (evidenceFiles.ts). Speaks
 * domain items (StoredEvidence) and typed queries; column names, OData and Graph shapes stay here.
 * Higher-level rules (dedupe, outbox, cache) live in the evidence store (src/features/evidence).
 */
import { z } from 'zod';
import type { EvidenceItem } from '../../domain';
import type { BatchOutcome, ColumnDefinition, ListItem, SharePointList } from '../models';
import { missingChoices } from '../gateways/columns';
import type { ListsGateway } from '../gateways/lists';
import type { ListItemsGateway } from '../gateways/listItems';
import type { SitesGateway } from '../gateways/sites';
import { typedListItems, type TypedListItems, type TypedListShape } from '../gateways/typedList';
import { GraphNotFoundError, GraphResponseValidationError, segment, type GraphPipeline } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { fromEvidenceListItem, toEvidenceFields, toReviewFields, type EvidenceReadResult, type EvidenceWrite } from './evidenceFields';
import { createEvidenceFiles, type EvidenceFiles } from './evidenceFiles';
import { bySourceKey, toTypedQuery, type EvidenceListQuery } from './evidenceQuery';
import { EVIDENCE_FIELDS, EVIDENCE_LIBRARY, EVIDENCE_LIST, EVIDENCE_SCHEMA_VERSION } from './evidenceSchema';
import { deltaEntrySchema, isRemoved, toListItem } from '../gateways/listItemShapes';

/** Where the evidence lives in one site (ids are cached by the store so a re-open needs no lookups). */
export interface EvidenceLocation {
  siteUrl: string;
  siteId: string;
  listId: string;
  libraryId: string;
  driveId: string;
  /** Browser URL of the library root (file links are below it). */
  libraryWebUrl: string;
  schemaVersion: number;
}

export interface ProvisionReport {
  location: EvidenceLocation;
  /** Display names of lists/libraries created in this run. */
  created: string[];
  /** Internal names of columns added to an existing list in this run. */
  addedColumns: string[];
  /** Choice values added to existing columns in this run, as `<column>: <value>` (a newly registered source's type). */
  addedChoices: string[];
}

export interface EvidenceDeltaRound {
  results: EvidenceReadResult[];
  removedIds: string[];
  deltaLink: string;
}

export interface EvidencePageResult {
  results: EvidenceReadResult[];
  /** Opaque: hand it back as `{ cursor }` for the next page. */
  cursor?: string;
}

export interface EvidenceGateway extends EvidenceFiles {
  /** The list and library of `siteUrl`; undefined when either is missing (not provisioned). */
  locate(siteUrl: string): Promise<EvidenceLocation | undefined>;
  /** Creates the list and library when missing and adds missing columns. Idempotent. */
  provision(siteUrl: string): Promise<ProvisionReport>;
  /** Creates items 20 per `$batch`; each create is repeatable (unique SourceKey: a repeat gives 409). */
  createMany(location: EvidenceLocation, writes: readonly EvidenceWrite[]): Promise<BatchOutcome<EvidenceReadResult>[]>;
  /** Reads items by source key, 20 lookups per `$batch`; a key without item maps to undefined. */
  findBySourceKeys(location: EvidenceLocation, keys: readonly string[]): Promise<Map<string, EvidenceReadResult | undefined>>;
  get(location: EvidenceLocation, id: string): Promise<EvidenceReadResult>;
  /**
   * One page: Graph filters on the query's most selective indexed condition and orders by effective
   * date (evidenceQuery.ts); the caller checks the other conditions on each page.
   */
  query(location: EvidenceLocation, request: EvidenceListQuery | { cursor: string }): Promise<EvidencePageResult>;
  /** Writes the review fields of `reviewed` with If-Match; 412 → GraphPreconditionFailedError. Returns the item as now stored. */
  saveReview(location: EvidenceLocation, id: string, reviewed: EvidenceItem, etag: string): Promise<EvidenceReadResult>;
  /** One complete delta round (all pages); `onPage` after each page with the entries so far. */
  delta(location: EvidenceLocation, deltaLink: string | undefined, onPage?: (entriesSoFar: number, more: boolean) => void): Promise<EvidenceDeltaRound>;
}

/** Items are read with these page sizes: large enough for few requests, small enough to show progress. */
export const DELTA_PAGE_SIZE = 1000;

/** Every read names the fields it needs: hidden columns' values come only when named. */
const FIELDS_EXPAND = `fields($select=${EVIDENCE_FIELDS.join(',')})`;

/** The evidence list as a typed list: items in, read results out. */
export const EVIDENCE_LIST_SHAPE: TypedListShape<EvidenceReadResult, EvidenceWrite> = {
  definition: EVIDENCE_LIST,
  select: EVIDENCE_FIELDS,
  read: fromEvidenceListItem,
  write: ({ item, ...extras }) => toEvidenceFields(item, extras),
};

const driveSchema = z.object({ id: z.string(), webUrl: z.string() });

function missingColumns(existing: readonly ColumnDefinition[] | undefined, wanted: readonly ColumnDefinition[]): ColumnDefinition[] {
  const names = new Set((existing ?? []).map((c) => c.name.toLowerCase()));
  return wanted.filter((c) => !names.has(c.name.toLowerCase()));
}

export interface EvidenceGatewayDeps {
  pipeline: GraphPipeline;
  sites: SitesGateway;
  lists: ListsGateway;
  listItems: ListItemsGateway;
}

export function createEvidenceGateway({ pipeline, sites, lists, listItems }: EvidenceGatewayDeps): EvidenceGateway {
  const itemsPath = (loc: EvidenceLocation) => `/sites/${segment(loc.siteId)}/lists/${segment(loc.listId)}/items`;
  const items = (loc: EvidenceLocation): TypedListItems<EvidenceReadResult, EvidenceWrite> =>
    typedListItems(listItems.forList(loc.siteId, loc.listId), EVIDENCE_LIST_SHAPE);

  async function findList(siteId: string, name: string): Promise<SharePointList | undefined> {
    try {
      return await lists.get(siteId, name);
    } catch (error) {
      if (error instanceof GraphNotFoundError) return undefined;
      throw error;
    }
  }

  async function libraryDrive(siteId: string, libraryId: string) {
    return pipeline.json(
      { method: 'GET', url: `/sites/${segment(siteId)}/lists/${segment(libraryId)}/drive`, query: { $select: 'id,webUrl' }, scopes: FEATURE_SCOPES.evidenceRead },
      driveSchema,
    );
  }

  /** `complete`: every column is known to exist (just created or added). */
  async function location(siteUrl: string, siteId: string, list: SharePointList, library: SharePointList, complete = false): Promise<EvidenceLocation> {
    const drive = await libraryDrive(siteId, library.id);
    const present = complete || (missingColumns(list.columns, EVIDENCE_LIST.columns).length === 0 && missingChoices(list.columns, EVIDENCE_LIST.columns).length === 0);
    return {
      siteUrl,
      siteId,
      listId: list.id,
      libraryId: library.id,
      driveId: drive.id,
      libraryWebUrl: drive.webUrl,
      schemaVersion: present ? EVIDENCE_SCHEMA_VERSION : 0,
    };
  }

  return {
    async locate(siteUrl) {
      const site = await sites.fromWebUrl(siteUrl);
      const [list, library] = await Promise.all([findList(site.id, EVIDENCE_LIST.displayName), findList(site.id, EVIDENCE_LIBRARY.displayName)]);
      if (!list || !library) return undefined;
      return location(siteUrl, site.id, list, library);
    },

    async provision(siteUrl) {
      const site = await sites.fromWebUrl(siteUrl);
      const created: string[] = [];
      const addedColumns: string[] = [];
      const addedChoices: string[] = [];
      let list = await findList(site.id, EVIDENCE_LIST.displayName);
      if (!list) {
        list = await lists.create(site.id, EVIDENCE_LIST);
        created.push(EVIDENCE_LIST.displayName);
      } else {
        for (const column of missingColumns(list.columns, EVIDENCE_LIST.columns)) {
          await lists.addColumn(site.id, list.id, column);
          addedColumns.push(column.name);
        }
        for (const update of missingChoices(list.columns, EVIDENCE_LIST.columns)) {
          await lists.setChoices(site.id, list.id, update.column, update.choices);
          addedChoices.push(...update.added.map((value) => `${update.column.name}: ${value}`));
        }
      }
      let library = await findList(site.id, EVIDENCE_LIBRARY.displayName);
      if (!library) {
        library = await lists.create(site.id, EVIDENCE_LIBRARY);
        created.push(EVIDENCE_LIBRARY.displayName);
      }
      return { location: await location(siteUrl, site.id, list, library, true), created, addedColumns, addedChoices };
    },

    createMany: (loc, writes) => items(loc).createMany(writes.map((value) => ({ value, idempotencyKey: `evidence:${value.item.sourceKey}` }))),

    async findBySourceKeys(loc, keys) {
      const unique = [...new Set(keys)];
      const outcomes = await items(loc).findMany(unique.map(bySourceKey));
      const found = new Map<string, EvidenceReadResult | undefined>();
      outcomes.forEach((outcome, index) => {
        if (!outcome.ok) throw outcome.error;
        found.set(unique[index]!, outcome.value[0]);
      });
      return found;
    },

    get: (loc, id) => items(loc).get(id),

    async query(loc, request) {
      const page = await items(loc).page('cursor' in request ? request : toTypedQuery(request));
      return { results: page.results, ...(page.cursor ? { cursor: page.cursor } : {}) };
    },

    saveReview: (loc, id, reviewed, etag) => items(loc).update(id, toReviewFields(reviewed), etag),

    async delta(loc, deltaLink, onPage) {
      const first = deltaLink
        ? { method: 'GET' as const, url: deltaLink, scopes: FEATURE_SCOPES.evidenceRead }
        : { method: 'GET' as const, url: `${itemsPath(loc)}/delta`, query: { $expand: FIELDS_EXPAND, $top: DELTA_PAGE_SIZE }, scopes: FEATURE_SCOPES.evidenceRead };
      const latest = new Map<string, ListItem | 'removed'>();
      let next: string | undefined;
      let count = 0;
      for await (const page of pipeline.pages(first, deltaEntrySchema)) {
        for (const entry of page.items) {
          latest.delete(entry.id);
          latest.set(entry.id, isRemoved(entry) ? 'removed' : toListItem(entry));
        }
        count += page.items.length;
        next = page.deltaLink;
        onPage?.(count, page.nextLink !== undefined);
      }
      if (!next) {
        throw new GraphResponseValidationError({
          status: 200,
          code: 'invalidResponse',
          message: 'Microsoft Graph ended a delta round without an @odata.deltaLink.',
          method: 'GET',
          url: deltaLink ?? `${pipeline.baseUrl}${itemsPath(loc)}/delta`,
          issues: ['@odata.deltaLink: missing on the last page'],
        });
      }
      const results: EvidenceReadResult[] = [];
      const removedIds: string[] = [];
      for (const [id, state] of latest) {
        if (state === 'removed') removedIds.push(id);
        else results.push(fromEvidenceListItem(state));
      }
      return { results, removedIds, deltaLink: next };
    },

    ...createEvidenceFiles(pipeline),
  };
}
