import type { BatchOutcome, ListItem, ListItemDelta, Page, UpdatedFields } from '../models';
import { collectionSchema, type GraphPipeline, GraphResponseValidationError, type GraphRequest, segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { type BatchOperation, batchOperation, runBatch, voidOperation } from './batchOperations';
import { deltaEntrySchema, isRemoved, listItemSchema, toListItem, toUpdatedFields, updatedFieldsSchema } from './listItemShapes';

/** SharePoint refuses filters/orderby on non-indexed columns unless the client accepts the risk. */
export const HONOR_NON_INDEXED_PREFER = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemQuery {
  /** OData filter on fields, e.g. `fields/Status eq 'offen'`. */
  filter?: string;
  /** e.g. `fields/Datum desc`. */
  orderby?: string;
  /** Page size. */
  top?: number;
  /**
   * Field names to return (default: all visible ones). Hidden columns' values come only when named
   * here (Graph: "To list hidden field values on listItems, include the desired columns by name").
   */
  select?: readonly string[];
  /** Send `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (filter/orderby on non-indexed columns). */
  honorNonIndexed?: boolean;
}

export interface WriteOptions {
  /** See GraphRequest.idempotencyKey: the caller vouches a repeat cannot duplicate the item. */
  idempotencyKey?: string;
}

/** The items of one list. Reads need Sites.Read.All, writes Sites.ReadWrite.All. */
export interface ListItemsClient {
  /** One item; `select` names the fields to return (needed for hidden columns' values). */
  get(id: string, options?: { select?: readonly string[] }): Promise<ListItem>;
  /** Items page by page (follow with `for await`). */
  query(options?: ItemQuery): AsyncIterable<Page<ListItem>>;
  /** Every item matching the query, all pages. */
  queryAll(options?: ItemQuery): Promise<ListItem[]>;
  /** One page: the first for `options`, or the one a previous page's `nextLink` names. */
  page(options: ItemQuery | { nextLink: string }): Promise<Page<ListItem>>;
  create(fields: Record<string, unknown>, options?: WriteOptions): Promise<ListItem>;
  /** Changes fields if the item still has version `etag`; else GraphPreconditionFailedError (412). */
  updateFields(id: string, fields: Record<string, unknown>, etag: string): Promise<UpdatedFields>;
  /** Deletes the item; with `etag` only if it is unchanged (412 otherwise). */
  delete(id: string, etag?: string): Promise<void>;
  /**
   * One complete delta round: from the start (no link) or since `deltaLink`. A link Graph no longer
   * accepts raises GraphResyncRequiredError (410): start again without a link.
   */
  delta(deltaLink?: string): Promise<ListItemDelta>;
  /** Request builders for `$batch` (run them with `batch`). */
  readonly requests: {
    create(fields: Record<string, unknown>, options?: WriteOptions): BatchOperation<ListItem>;
    updateFields(id: string, fields: Record<string, unknown>, etag: string): BatchOperation<UpdatedFields>;
    delete(id: string, etag?: string): BatchOperation<void>;
    /** The first page of a query (e.g. a lookup by a unique column). */
    find(options: ItemQuery): BatchOperation<ListItem[]>;
  };
  /** Runs operations in `$batch`es of 20; one outcome per operation, in order. */
  batch<T>(operations: readonly BatchOperation<T>[]): Promise<BatchOutcome<T>[]>;
  /** Creates many items, 20 per `$batch`. */
  createMany(fieldsList: readonly Record<string, unknown>[], options?: { idempotencyKeys?: readonly string[] }): Promise<BatchOutcome<ListItem>[]>;
}

export interface ListItemsGateway {
  forList(siteId: string, listId: string): ListItemsClient;
}

function fieldsExpand(select: readonly string[] | undefined): string {
  return select && select.length > 0 ? `fields($select=${select.join(',')})` : 'fields';
}

export function createListItemsGateway(pipeline: GraphPipeline): ListItemsGateway {
  return {
    forList(siteId, listId) {
      const itemsPath = `/sites/${segment(siteId)}/lists/${segment(listId)}/items`;
      const itemPath = (id: string) => `${itemsPath}/${segment(id)}`;

      const queryRequest = (options: ItemQuery) => ({
        method: 'GET' as const,
        url: itemsPath,
        query: { $expand: fieldsExpand(options.select), $filter: options.filter, $orderby: options.orderby, $top: options.top },
        headers: options.honorNonIndexed ? { Prefer: HONOR_NON_INDEXED_PREFER } : undefined,
        scopes: FEATURE_SCOPES.evidenceRead,
      });

      const requests: ListItemsClient['requests'] = {
        create: (fields, options) =>
          batchOperation(
            {
              method: 'POST',
              url: itemsPath,
              body: { json: { fields } },
              scopes: FEATURE_SCOPES.evidenceWrite,
              idempotencyKey: options?.idempotencyKey,
            },
            listItemSchema,
            toListItem,
          ),
        updateFields: (id, fields, etag) =>
          batchOperation(
            {
              method: 'PATCH',
              url: `${itemPath(id)}/fields`,
              headers: { 'If-Match': etag },
              body: { json: fields },
              scopes: FEATURE_SCOPES.evidenceWrite,
            },
            updatedFieldsSchema,
            toUpdatedFields,
          ),
        delete: (id, etag) =>
          voidOperation({
            method: 'DELETE',
            url: itemPath(id),
            headers: etag ? { 'If-Match': etag } : undefined,
            scopes: FEATURE_SCOPES.evidenceWrite,
          }),
        find: (options) => batchOperation(queryRequest(options), collectionSchema(listItemSchema), (page) => page.value.map(toListItem)),
      };

      /** Single requests reuse the batch builders, so both paths send the same thing. */
      const single = (operation: BatchOperation<unknown>): GraphRequest => ({ ...operation.request });

      async function* query(options: ItemQuery = {}): AsyncGenerator<Page<ListItem>> {
        const pages = pipeline.pages(queryRequest(options), listItemSchema);
        for await (const page of pages) yield { ...page, items: page.items.map(toListItem) };
      }

      const client: ListItemsClient = {
        get: async (id, options) =>
          toListItem(
            await pipeline.json(
              { method: 'GET', url: itemPath(id), query: { $expand: fieldsExpand(options?.select) }, scopes: FEATURE_SCOPES.evidenceRead },
              listItemSchema,
            ),
          ),
        query,
        queryAll: async (options) => {
          const items: ListItem[] = [];
          for await (const page of query(options)) items.push(...page.items);
          return items;
        },
        page: async (options) => {
          const request: GraphRequest = 'nextLink' in options ? { method: 'GET', url: options.nextLink, scopes: FEATURE_SCOPES.evidenceRead } : queryRequest(options);
          const page = await pipeline.json(request, collectionSchema(listItemSchema));
          return { items: page.value.map(toListItem), ...(page['@odata.nextLink'] ? { nextLink: page['@odata.nextLink'] } : {}) };
        },
        create: async (fields, options) => toListItem(await pipeline.json(single(requests.create(fields, options)), listItemSchema)),
        updateFields: async (id, fields, etag) =>
          toUpdatedFields(await pipeline.json(single(requests.updateFields(id, fields, etag)), updatedFieldsSchema)),
        delete: (id, etag) => pipeline.noContent(single(requests.delete(id, etag))),
        delta: async (deltaLink) => {
          const first: GraphRequest = deltaLink
            ? { method: 'GET', url: deltaLink, scopes: FEATURE_SCOPES.evidenceRead }
            : { method: 'GET', url: `${itemsPath}/delta`, query: { $expand: 'fields' }, scopes: FEATURE_SCOPES.evidenceRead };
          // The feed shows the latest state per item; the same item may appear more than once: last one wins.
          const latest = new Map<string, ListItem | 'removed'>();
          let nextDeltaLink: string | undefined;
          for await (const page of pipeline.pages(first, deltaEntrySchema)) {
            for (const entry of page.items) {
              latest.delete(entry.id);
              latest.set(entry.id, isRemoved(entry) ? 'removed' : toListItem(entry));
            }
            nextDeltaLink = page.deltaLink;
          }
          if (!nextDeltaLink) {
            throw new GraphResponseValidationError({
              status: 200,
              code: 'invalidResponse',
              message: 'Microsoft Graph ended a delta round without an @odata.deltaLink.',
              method: 'GET',
              url: deltaLink ?? `${pipeline.baseUrl}${itemsPath}/delta`,
              issues: ['@odata.deltaLink: missing on the last page'],
            });
          }
          const items: ListItem[] = [];
          const removedIds: string[] = [];
          for (const [id, state] of latest) {
            if (state === 'removed') removedIds.push(id);
            else items.push(state);
          }
          return { items, removedIds, deltaLink: nextDeltaLink };
        },
        requests,
        batch: (operations) => runBatch(pipeline, operations),
        createMany: (fieldsList, options) =>
          runBatch(
            pipeline,
            fieldsList.map((fields, index) => requests.create(fields, { idempotencyKey: options?.idempotencyKeys?.[index] })),
          ),
      };
      return client;
    },
  };
}
