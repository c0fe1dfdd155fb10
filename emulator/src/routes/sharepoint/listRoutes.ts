/** Lists and columns: GET/POST /sites/{site}/lists, GET /lists/{list}, GET/POST /lists/{list}/columns, PATCH /columns/{id}. */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { created, ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions, project, type ODataQuery, type Resource } from '../../odata';
import { drives } from './library/repo';
import { driveJson } from './library/serialize';
import { assertWebPermission, isListAccessAllowed } from './access';
import { updateColumn } from './columnUpdate';
import { columnsExpandListsHidden, listsHiddenColumns, revealFromListQuery, visibleColumns } from './hiddenColumns';
import { listItemOptions } from './libraryExpand';
import { callerIdentity, parseBody } from './itemWrites';
import { addColumn, createList, createListSchema } from './listWrites';
import { items, lists, type StoredList, type StoredSite } from './repo';
import { listOf, requestUrl, siteOf } from './request';
import { columnJson, itemJson, listETag, listJson } from './serialize';

const listOptions = (ctx: GraphContext, site: StoredSite, query: ODataQuery, list?: StoredList) => ({
  errorCode: 'invalidRequest',
  typeName: 'microsoft.graph.list',
  navigationProperties: ['columns', 'items', 'drive', 'contentTypes', 'subscriptions', 'operations'],
  expanders: {
    items: (resource: Resource) => {
      const target = list ?? lists(ctx.store).get(String(resource.id));
      if (!target) return [];
      return items(ctx.store)
        .list({ parentId: target.id })
        .sort((a, b) => a.data.itemId - b.data.itemId)
        .map((item) => itemJson(ctx.store, site, target, item, revealFromListQuery(query)));
    },
    drive: (resource: Resource) => {
      const target = list ?? lists(ctx.store).get(String(resource.id));
      const drive = target?.data.driveId ? drives(ctx.store).get(target.data.driveId) : undefined;
      return drive ? driveJson(ctx.store, drive) : null;
    },
  },
  nestedOptions: { items: listItemOptions(ctx) },
});

const columnOptions = { errorCode: 'invalidRequest', typeName: 'microsoft.graph.columnDefinition' } as const;

function listsContext(ctx: GraphContext, site: StoredSite): string {
  return ctx.odataContext(`sites('${site.id}')/lists`);
}

export function registerListRoutes(api: ModuleApi): void {
  api.graph({
    method: 'GET',
    path: '/sites/{site+}/lists',
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const site = siteOf(ctx);
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const includeSystem = (query.select ?? []).includes('system');
      const visible = lists(ctx.store)
        .list({ parentId: site.id })
        .filter((list) => includeSystem || !list.data.hidden)
        .filter((list) => isListAccessAllowed({ user: ctx.user, site, list, operation: 'read', store: ctx.store }))
        .map((list) => {
          const json = listJson(site, list, columnsExpandListsHidden(query));
          if (list.data.hidden) json.system = {};
          return json;
        });
      const page = applyQuery(visible, query, { ...listOptions(ctx, site, query), requestUrl: requestUrl(ctx), defaultPageSize: 200, maxPageSize: 5000 });
      return ok(collectionBody(page, listsContext(ctx, site)));
    },
  });

  api.graph({
    method: 'POST',
    path: '/sites/{site+}/lists',
    permission: permissions.listsManage,
    handler: (ctx) => {
      const site = siteOf(ctx);
      assertWebPermission(ctx.store, site, ctx.user, 'ManageLists');
      const input = parseBody(createListSchema, ctx.body);
      const list = createList(ctx.store, site, input, callerIdentity(ctx), ctx.now);
      const { columns: _navigation, ...json } = listJson(site, list);
      const body = { '@odata.context': `${listsContext(ctx, site)}/$entity`, ...json };
      return created(body, { ETag: listETag(list), Location: `${ctx.baseUrl}/sites/${site.id}/lists/${list.id}` });
    },
  });

  api.graph({
    method: 'GET',
    path: '/sites/{site+}/lists/{list}',
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'read');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const json = project(listJson(site, list, columnsExpandListsHidden(query)), query, listOptions(ctx, site, query, list));
      return ok({ '@odata.context': `${listsContext(ctx, site)}/$entity`, ...json }, { ETag: listETag(list) });
    },
  });

  api.graph({
    method: 'GET',
    path: '/sites/{site+}/lists/{list}/columns',
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'read');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const shown = visibleColumns(list.data.columns, listsHiddenColumns(query.select));
      const page = applyQuery(shown.map(columnJson), query, { ...columnOptions, requestUrl: requestUrl(ctx), defaultPageSize: 500 });
      return ok(collectionBody(page, ctx.odataContext(`sites('${site.id}')/lists('${list.id}')/columns`)));
    },
  });

  api.graph({
    method: 'POST',
    path: '/sites/{site+}/lists/{list}/columns',
    permission: permissions.listsManage,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'manage');
      const { column } = addColumn(ctx.store, list, ctx.body, callerIdentity(ctx), ctx.now);
      return created({ '@odata.context': ctx.odataContext(`sites('${site.id}')/lists('${list.id}')/columns/$entity`), ...columnJson(column) });
    },
  });

  api.graph({
    method: 'PATCH',
    path: '/sites/{site+}/lists/{list}/columns/{column}',
    permission: permissions.listsManage,
    handler: (ctx) => {
      const { site, list } = listOf(ctx, 'manage');
      const { column } = updateColumn(ctx.store, list, String(ctx.params.column), ctx.body, callerIdentity(ctx), ctx.now);
      return ok({ '@odata.context': ctx.odataContext(`sites('${site.id}')/lists('${list.id}')/columns/$entity`), ...columnJson(column) });
    },
  });
}
