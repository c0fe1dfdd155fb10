/** List items: list, create, get, update (item and fields), delete, delta. */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { collectionBody, parseQueryOptions, project } from '../../odata';
import { itemsDelta } from './delta';
import { revealFromFieldsQuery, revealFromItemQuery } from './hiddenColumns';
import { listItemsPage, parseItemQuery } from './itemQuery';
import { driveItemOfListItem, listItemOptions } from './libraryExpand';
import { createItem, createItemSchema, deleteItem, fieldValueSetSchema, parseBody, updateItemFields } from './itemWrites';
import type { StoredItem, StoredList, StoredSite } from './repo';
import { itemOf, listOf } from './request';
import { fieldsJson, itemETag, itemJson } from './serialize';

function itemsContext(ctx: GraphContext, site: StoredSite, list: StoredList): string {
  return ctx.odataContext(`sites('${site.id}')/lists('${list.id}')/items`);
}

function fieldsContext(ctx: GraphContext, site: StoredSite, list: StoredList, item: StoredItem): string {
  return `${itemsContext(ctx, site, list)}('${item.data.itemId}')/fields/$entity`;
}

/** Graph annotates an expanded `fields` with its own context, right before it. */
function annotateFields(ctx: GraphContext, site: StoredSite, list: StoredList, item: Record<string, unknown>): Record<string, unknown> {
  if (!('fields' in item)) return item;
  const { fields, ...rest } = item;
  return { ...rest, 'fields@odata.context': `${itemsContext(ctx, site, list)}('${String(item.id)}')/fields/$entity`, fields };
}

/** A listItem with its fields, as POST and PATCH answer. */
function itemWithFields(ctx: GraphContext, site: StoredSite, list: StoredList, item: StoredItem): Record<string, unknown> {
  const { fields, ...rest } = itemJson(ctx.store, site, list, item);
  return {
    '@odata.context': `${itemsContext(ctx, site, list)}/$entity`,
    ...rest,
    'fields@odata.context': fieldsContext(ctx, site, list, item),
    fields,
  };
}

export function registerItemRoutes(api: ModuleApi): void {
  const base = '/sites/{site+}/lists/{list}/items';

  api.graph({
    method: 'GET',
    path: base,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'read');
      const page = listItemsPage(ctx, site, list, parseItemQuery(ctx));
      const value = page.value.map((item) => annotateFields(ctx, site, list, item));
      return ok(collectionBody({ ...page, value }, itemsContext(ctx, site, list)));
    },
  });

  api.graph({
    method: 'POST',
    path: base,
    permission: permissions.itemsWrite,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'add');
      const input = parseBody(createItemSchema, ctx.body);
      const item = createItem(ctx, site, list, input.fields ?? {});
      return created(itemWithFields(ctx, site, list, item), { ETag: itemETag(item) });
    },
  });

  api.graph({
    method: 'GET',
    path: `${base}/delta`,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'read');
      return ok(itemsDelta(ctx, site, list));
    },
  });

  api.graph({
    method: 'GET',
    path: `${base}/{item}`,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'read');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const body = annotateFields(ctx, site, list, project(itemJson(ctx.store, site, list, item, revealFromItemQuery(query)), query, listItemOptions(ctx)));
      return ok({ '@odata.context': `${itemsContext(ctx, site, list)}/$entity`, ...body }, { ETag: itemETag(item) });
    },
  });

  api.graph({
    method: 'PATCH',
    path: `${base}/{item}`,
    permission: permissions.itemsWrite,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'edit');
      const input = parseBody(createItemSchema, ctx.body);
      const updated = updateItemFields(ctx, site, list, item, input.fields ?? {});
      return ok(itemWithFields(ctx, site, list, updated), { ETag: itemETag(updated) });
    },
  });

  api.graph({
    method: 'DELETE',
    path: `${base}/{item}`,
    permission: permissions.itemsWrite,
    handler: (ctx) => {
      const { item } = itemOf(ctx, 'delete');
      deleteItem(ctx, item);
      return noContent();
    },
  });

  api.graph({
    method: 'GET',
    path: `${base}/{item}/driveItem`,
    permission: permissions.filesRead,
    handler: (ctx) => {
      const { item } = itemOf(ctx, 'read');
      const driveItem = driveItemOfListItem(ctx, item);
      if (!driveItem) throw new GraphError(404, 'itemNotFound', 'The list item is not a file or folder of a document library.');
      const driveId = (driveItem.parentReference as { driveId: string }).driveId;
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      return ok({ '@odata.context': ctx.odataContext(`drives('${driveId}')/items/$entity`), ...project(driveItem, query, { errorCode: 'invalidRequest' }) });
    },
  });

  api.graph({
    method: 'GET',
    path: `${base}/{item}/fields`,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'read');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const fields = project(fieldsJson(list, item, revealFromFieldsQuery(query)), query, { errorCode: 'invalidRequest', typeName: 'microsoft.graph.fieldValueSet' });
      return ok({ '@odata.context': fieldsContext(ctx, site, list, item), ...fields }, { ETag: itemETag(item) });
    },
  });

  api.graph({
    method: 'PATCH',
    path: `${base}/{item}/fields`,
    permission: permissions.itemsWrite,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'edit');
      const changes = parseBody(fieldValueSetSchema, ctx.body);
      const updated = updateItemFields(ctx, site, list, item, changes);
      return ok({ '@odata.context': fieldsContext(ctx, site, list, updated), ...fieldsJson(list, updated) }, { ETag: itemETag(updated) });
    },
  });
}
