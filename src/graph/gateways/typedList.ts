/**
 * A SharePoint list as a typed store: the list's definition, how its fields map to and from a domain
 * value (validated with zod on the way in), and create / get / update-with-If-Match / query / page on
 * typed conditions. Column names and OData stay here; callers speak domain values and conditions.
 * Used by the evidence gateway and the review records.
 */
import type { BatchOutcome, ListDefinition, ListItem } from '../models';
import { GraphNotFoundError, type BatchSuccess } from '../pipeline';
import type { ListItemsClient, ListItemsGateway } from './listItems';
import type { ListsGateway } from './lists';
import { fieldsFilter, fieldsOrder, type FieldCondition } from './odata';
import type { SitesGateway } from './sites';

/** How one list's items map to values: `R` what a read gives (a value or a read result), `W` what a write takes. */
export interface TypedListShape<R, W> {
  definition: ListDefinition;
  /** Fields every read names (hidden columns' values come only when named). */
  select: readonly string[];
  read(item: ListItem): R;
  write(value: W): Record<string, unknown>;
}

export interface TypedQuery {
  where?: readonly FieldCondition[];
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  top?: number;
  /** Conditions on non-indexed columns: send `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. */
  nonIndexed?: boolean;
}

export interface TypedPage<R> {
  results: R[];
  /** Opaque: hand it back to `page` for the next page. */
  cursor?: string;
}

export interface TypedListItems<R, W> {
  get(id: string): Promise<R>;
  /** Every item matching, all pages. */
  all(query?: TypedQuery): Promise<R[]>;
  /** One page: the first for `query`, or the one `cursor` names. */
  page(query: TypedQuery | { cursor: string }): Promise<TypedPage<R>>;
  create(value: W, options?: { idempotencyKey?: string }): Promise<R>;
  /** Creates many, 20 per `$batch`; one outcome per value, in order. */
  createMany(values: readonly { value: W; idempotencyKey?: string }[]): Promise<BatchOutcome<R>[]>;
  /** Runs lookups (first page of each query), 20 per `$batch`. */
  findMany(queries: readonly TypedQuery[]): Promise<BatchOutcome<R[]>[]>;
  /**
   * Writes `fields` (all of `value`'s, or those `pick` chooses) if the item still has version `etag`;
   * else GraphPreconditionFailedError (412). Returns the item as now stored.
   */
  update(id: string, fields: Record<string, unknown>, etag: string): Promise<R>;
  /** Writes a whole value with If-Match. */
  replace(id: string, value: W, etag: string): Promise<R>;
}

const toItemQuery = (query: TypedQuery, select: readonly string[]) => ({
  filter: fieldsFilter(query.where ?? []),
  orderby: query.orderBy ? fieldsOrder(query.orderBy.field, query.orderBy.direction) : undefined,
  top: query.top,
  select,
  honorNonIndexed: query.nonIndexed,
});

/** The typed items of a list whose ids are known. */
export function typedListItems<R, W>(client: ListItemsClient, shape: TypedListShape<R, W>): TypedListItems<R, W> {
  const { read, select } = shape;
  const get = async (id: string) => read(await client.get(id, { select }));
  const update = async (id: string, fields: Record<string, unknown>, etag: string) => {
    const updated = await client.updateFields(id, fields, etag);
    // Without a new etag in the answer, read the item back.
    return updated.etag ? read({ id, etag: updated.etag, fields: updated.fields }) : get(id);
  };
  return {
    get,
    all: async (query = {}) => (await client.queryAll(toItemQuery(query, select))).map(read),
    page: async (query) => {
      const page = await client.page('cursor' in query ? { nextLink: query.cursor } : toItemQuery(query, select));
      return { results: page.items.map(read), ...(page.nextLink ? { cursor: page.nextLink } : {}) };
    },
    create: async (value, options) => read(await client.create(shape.write(value), options)),
    createMany: async (values) => {
      const operations = values.map(({ value, idempotencyKey }) => {
        const op = client.requests.create(shape.write(value), { idempotencyKey });
        return { request: op.request, parse: (result: BatchSuccess) => read(op.parse(result)) };
      });
      return client.batch(operations);
    },
    findMany: async (queries) =>
      client.batch(
        queries.map((query) => {
          const op = client.requests.find(toItemQuery(query, select));
          return { request: op.request, parse: (result: BatchSuccess) => op.parse(result).map(read) };
        }),
      ),
    update,
    replace: (id, value, etag) => update(id, shape.write(value), etag),
  };
}

export interface TypedListSite {
  sites: SitesGateway;
  lists: ListsGateway;
  listItems: ListItemsGateway;
}

/**
 * Opens the list of `shape.definition` on a site: undefined when it does not exist (and `create` is
 * false). With `create`, a missing list is created and missing columns are added (idempotent).
 */
export async function openTypedList<R, W>(graph: TypedListSite, siteUrl: string, shape: TypedListShape<R, W>, create = false): Promise<TypedListItems<R, W> | undefined> {
  const site = await graph.sites.fromWebUrl(siteUrl);
  const { definition } = shape;
  try {
    const list = await graph.lists.get(site.id, definition.displayName);
    if (create) {
      const present = new Set((list.columns ?? []).map((c) => c.name.toLowerCase()));
      for (const column of definition.columns) if (!present.has(column.name.toLowerCase())) await graph.lists.addColumn(site.id, list.id, column);
    }
    return typedListItems(graph.listItems.forList(site.id, list.id), shape);
  } catch (error) {
    if (!(error instanceof GraphNotFoundError)) throw error;
    if (!create) return undefined;
    const list = await graph.lists.create(site.id, definition);
    return typedListItems(graph.listItems.forList(site.id, list.id), shape);
  }
}
