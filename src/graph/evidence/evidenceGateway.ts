/**
 * The evidence list and library on Graph: locating and provisioning them, batched creates and
 * uploads, queries, reviews with If-Match, list-item delta, downloads. Speaks domain records
 * (EvidenceRecord) and models only; Graph shapes stay here. Higher-level rules (dedupe, outbox,
 * cache) live in the evidence store (src/features/evidence).
 */
import { z } from 'zod';
import type { BatchOutcome, ColumnDefinition, ListItem, SharePointList } from '../models';
import { missingChoices } from '../gateways/columns';
import type { ListsGateway } from '../gateways/lists';
import type { ListItemsGateway } from '../gateways/listItems';
import type { SitesGateway } from '../gateways/sites';
import { batchOperation, runBatch, type BatchOperation } from '../gateways/batchOperations';
import { downloadDriveItem } from '../gateways/driveDownload';
import { deltaEntrySchema, isRemoved, listItemSchema, toListItem, toUpdatedFields, updatedFieldsSchema } from '../gateways/listItemShapes';
import { uploadInSession, type UploadProgress } from '../gateways/uploadSession';
import { collectionSchema, encodePath, GraphError, GraphNotFoundError, GraphResponseValidationError, segment, type GraphPipeline } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { fromEvidenceListItem, odataString, type EvidenceReadResult } from './evidenceFields';
import { COL, EVIDENCE_FIELDS, EVIDENCE_LIBRARY, EVIDENCE_LIST, EVIDENCE_SCHEMA_VERSION } from './evidenceSchema';

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

export interface EvidenceFile {
  /** Path below the library root, e.g. `2026/ab12-Protokoll.pdf`. */
  path: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface StoredFile {
  itemId: string;
  webUrl: string;
  name: string;
  /** Size and quickXorHash of the bytes as SharePoint stored them (may differ from what was sent). */
  size: number;
  quickXorHash?: string;
}

export interface EvidenceQueryRequest {
  /** OData filter over `fields/...` of ONE indexed column (Graph filters one indexed field at a time). */
  filter?: string;
  orderby?: string;
  top?: number;
  /** A nextLink from a previous page (the other options are then ignored). */
  nextLink?: string;
}

export interface EvidenceDeltaRound {
  results: EvidenceReadResult[];
  removedIds: string[];
  deltaLink: string;
}

export interface EvidenceGateway {
  /** The list and library of `siteUrl`; undefined when either is missing (not provisioned). */
  locate(siteUrl: string): Promise<EvidenceLocation | undefined>;
  /** Creates the list and library when missing and adds missing columns. Idempotent. */
  provision(siteUrl: string): Promise<ProvisionReport>;
  /** Creates items 20 per `$batch`; each create is repeatable (unique SourceKey: a repeat gives 409). */
  createMany(location: EvidenceLocation, items: readonly { fields: Record<string, unknown>; sourceKey: string }[]): Promise<BatchOutcome<EvidenceReadResult>[]>;
  /** Reads items by source key, 20 lookups per `$batch`; a key without item maps to undefined. */
  findBySourceKeys(location: EvidenceLocation, keys: readonly string[]): Promise<Map<string, EvidenceReadResult | undefined>>;
  get(location: EvidenceLocation, id: string): Promise<EvidenceReadResult>;
  query(location: EvidenceLocation, request: EvidenceQueryRequest): Promise<{ results: EvidenceReadResult[]; nextLink?: string }>;
  /** PATCH fields with If-Match; 412 → GraphPreconditionFailedError. Returns the item as now stored. */
  update(location: EvidenceLocation, id: string, fields: Record<string, unknown>, etag: string): Promise<EvidenceReadResult>;
  /** One complete delta round (all pages); `onPage` after each page with the entries so far. */
  delta(location: EvidenceLocation, deltaLink: string | undefined, onPage?: (entriesSoFar: number, more: boolean) => void): Promise<EvidenceDeltaRound>;
  /**
   * Uploads files: up to 2 MiB each in `$batch` (base64 bodies, 20 per batch and under Graph's 4 MB body
   * limit), larger ones one by one through an upload session. `fail` on an existing name gives 409 for
   * that file. `onProgress` reports bytes stored of all files (after each batch and each fragment).
   */
  uploadMany(
    location: EvidenceLocation,
    files: readonly EvidenceFile[],
    conflictBehavior: 'fail' | 'rename',
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<BatchOutcome<StoredFile>[]>;
  fileByPath(location: EvidenceLocation, path: string): Promise<StoredFile>;
  /** The file's bytes via its pre-authenticated download URL, fetched without a token. */
  download(location: EvidenceLocation, itemId: string): Promise<Uint8Array>;
}

/** Files up to this size travel inside `$batch` (as base64, a third larger); larger ones in an upload session. */
export const BATCH_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

/** Every read names the fields it needs: hidden columns' values come only when named. */
const FIELDS_EXPAND = `fields($select=${EVIDENCE_FIELDS.join(',')})`;

/** Items are read with these page sizes: large enough for few requests, small enough to show progress. */
export const DELTA_PAGE_SIZE = 1000;

const driveSchema = z.object({ id: z.string(), webUrl: z.string() });
const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  size: z.number().optional(),
  file: z.object({ hashes: z.object({ quickXorHash: z.string().nullish() }).nullish() }).nullish(),
});
const toFile = (file: z.output<typeof fileSchema>): StoredFile => {
  const stored: StoredFile = { itemId: file.id, webUrl: file.webUrl, name: file.name, size: file.size ?? 0 };
  const quickXor = file.file?.hashes?.quickXorHash;
  if (quickXor) stored.quickXorHash = quickXor;
  return stored;
};

/**
 * Graph answers an upload inside `$batch` with the driveItem JSON base64-encoded (documented for
 * non-JSON request bodies); accept both forms.
 */
const batchFileSchema = z.preprocess((body) => {
  if (typeof body !== 'string') return body;
  try {
    const binary = atob(body);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return body;
  }
}, fileSchema);

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

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

  const readItem = (item: z.output<typeof listItemSchema>) => fromEvidenceListItem(toListItem(item));
  const get = async (loc: EvidenceLocation, id: string) =>
    fromEvidenceListItem(await listItems.forList(loc.siteId, loc.listId).get(id, { select: EVIDENCE_FIELDS }));

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

    async createMany(loc, items) {
      const client = listItems.forList(loc.siteId, loc.listId);
      const operations: BatchOperation<EvidenceReadResult>[] = items.map(({ fields, sourceKey }) => {
        const op = client.requests.create(fields, { idempotencyKey: `evidence:${sourceKey}` });
        return { request: op.request, parse: (result) => fromEvidenceListItem(op.parse(result)) };
      });
      return runBatch(pipeline, operations);
    },

    async findBySourceKeys(loc, keys) {
      const unique = [...new Set(keys)];
      const operations = unique.map((key) =>
        batchOperation(
          {
            method: 'GET',
            url: itemsPath(loc),
            query: { $expand: FIELDS_EXPAND, $filter: `fields/${COL.sourceKey} eq ${odataString(key)}`, $top: 2 },
            scopes: FEATURE_SCOPES.evidenceRead,
          },
          collectionSchema(listItemSchema),
          (page) => page.value.map(readItem),
        ),
      );
      const outcomes = await runBatch(pipeline, operations);
      const found = new Map<string, EvidenceReadResult | undefined>();
      outcomes.forEach((outcome, index) => {
        if (!outcome.ok) throw outcome.error;
        found.set(unique[index]!, outcome.value[0]);
      });
      return found;
    },

    get,

    async query(loc, request) {
      const page = await pipeline.json(
        request.nextLink
          ? { method: 'GET', url: request.nextLink, scopes: FEATURE_SCOPES.evidenceRead }
          : {
              method: 'GET',
              url: itemsPath(loc),
              query: { $expand: FIELDS_EXPAND, $filter: request.filter, $orderby: request.orderby, $top: request.top },
              scopes: FEATURE_SCOPES.evidenceRead,
            },
        collectionSchema(listItemSchema),
      );
      return { results: page.value.map(readItem), nextLink: page['@odata.nextLink'] };
    },

    async update(loc, id, fields, etag) {
      const updated = toUpdatedFields(
        await pipeline.json(
          {
            method: 'PATCH',
            url: `${itemsPath(loc)}/${segment(id)}/fields`,
            headers: { 'If-Match': etag },
            body: { json: fields },
            scopes: FEATURE_SCOPES.evidenceWrite,
          },
          updatedFieldsSchema,
        ),
      );
      if (!updated.etag) return get(loc, id);
      const item: ListItem = { id, etag: updated.etag, fields: updated.fields };
      return fromEvidenceListItem(item);
    },

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

    async uploadMany(loc, files, conflictBehavior, onProgress) {
      const totalBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
      let doneBytes = 0;
      const report = (extra = 0) => onProgress?.({ sentBytes: doneBytes + extra, totalBytes });
      report();
      const outcomes: BatchOutcome<StoredFile>[] = new Array(files.length);
      const small = files.flatMap((file, index) => (file.bytes.byteLength <= BATCH_UPLOAD_MAX_BYTES ? [{ file, index }] : []));
      const operations = small.map(({ file }) =>
        batchOperation(
          {
            method: 'PUT',
            url: `/drives/${segment(loc.driveId)}/root:/${encodePath(file.path)}:/content`,
            query: { '@microsoft.graph.conflictBehavior': conflictBehavior },
            headers: { 'Content-Type': file.contentType || 'application/octet-stream' },
            body: { json: base64(file.bytes) },
            scopes: FEATURE_SCOPES.files,
          },
          batchFileSchema,
          toFile,
        ),
      );
      if (operations.length > 0) {
        (await runBatch(pipeline, operations)).forEach((outcome, position) => {
          outcomes[small[position]!.index] = outcome;
          doneBytes += small[position]!.file.bytes.byteLength;
        });
        report();
      }
      for (const [index, file] of files.entries()) {
        if (outcomes[index]) continue;
        try {
          const stored = await uploadInSession(pipeline, {
            createUrl: `/drives/${segment(loc.driveId)}/root:/${encodePath(file.path)}:/createUploadSession`,
            bytes: file.bytes,
            conflictBehavior,
            schema: fileSchema,
            onProgress: (p) => report(p.sentBytes),
          });
          outcomes[index] = { ok: true, value: toFile(stored) };
        } catch (error) {
          if (!(error instanceof GraphError)) throw error;
          outcomes[index] = { ok: false, error };
        }
        doneBytes += file.bytes.byteLength;
        report();
      }
      return outcomes;
    },

    async fileByPath(loc, path) {
      return toFile(
        await pipeline.json(
          { method: 'GET', url: `/drives/${segment(loc.driveId)}/root:/${encodePath(path)}`, scopes: FEATURE_SCOPES.evidenceRead },
          fileSchema,
        ),
      );
    },

    download(loc, itemId) {
      return downloadDriveItem(pipeline, `/drives/${segment(loc.driveId)}/items/${segment(itemId)}`, FEATURE_SCOPES.evidenceRead);
    },
  };
}
