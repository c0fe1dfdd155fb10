/**
 * List item versions (Graph v1.0 "listItemVersion"):
 *   GET  /sites/{site}/lists/{list}/items/{item}/versions                  newest first, the current one included
 *   GET  …/items/{item}/versions/{version-id}                              `$expand=fields` for the values of that version
 *   POST …/items/{item}/versions/{version-id}/restoreVersion               204, a new version with the old values
 * Version ids are SharePoint's labels ("1.0", "2.0", …).
 */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { noContent, ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { collectionBody, parseQueryOptions, project, type NestedOptions } from '../../odata';
import { callerIdentity } from './itemWrites';
import { graphTime } from './model';
import type { StoredItem, StoredList, StoredSite } from './repo';
import { itemOf } from './request';
import { fieldsJson, identitySet } from './serialize';
import { restoreItemVersion } from './versionRestore';
import { findItemVersion, itemVersions, type ItemVersion } from './versions';

const versionOptions: NestedOptions = {
  errorCode: 'invalidRequest',
  typeName: 'microsoft.graph.listItemVersion',
  navigationProperties: ['fields'],
};

/** The fieldValueSet of a version: the item as it was, with that version's label and editor. */
export function versionFields(list: StoredList, item: StoredItem, version: ItemVersion): Record<string, unknown> {
  const asItem: StoredItem = {
    ...item,
    version: version.major,
    modifiedAt: version.modifiedAt,
    data: { ...item.data, values: version.values, lastModifiedBy: version.lastModifiedBy, editorLookupId: version.editorLookupId },
  };
  return fieldsJson(list, asItem);
}

export function listItemVersionJson(list: StoredList, item: StoredItem, version: ItemVersion): Record<string, unknown> {
  return {
    id: version.label,
    lastModifiedBy: identitySet(version.lastModifiedBy),
    lastModifiedDateTime: graphTime(version.modifiedAt),
    fields: versionFields(list, item, version),
  };
}

function versionsContext(ctx: GraphContext, site: StoredSite, list: StoredList, item: StoredItem): string {
  return ctx.odataContext(`sites('${site.id}')/lists('${list.id}')/items('${item.data.itemId}')/versions`);
}

export function registerVersionRoutes(api: ModuleApi): void {
  const base = '/sites/{site+}/lists/{list}/items/{item}/versions';

  api.graph({
    method: 'GET',
    path: base,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'viewVersions');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const value = itemVersions(ctx.store, item).map((v) => project(listItemVersionJson(list, item, v), query, versionOptions));
      return ok(collectionBody({ value }, versionsContext(ctx, site, list, item)));
    },
  });

  api.graph({
    method: 'GET',
    path: `${base}/{versionId}`,
    permission: permissions.sitesRead,
    handler: (ctx) => {
      const { site, list, item } = itemOf(ctx, 'viewVersions');
      const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
      const version = findItemVersion(ctx.store, item, ctx.params.versionId ?? '');
      return ok({ '@odata.context': `${versionsContext(ctx, site, list, item)}/$entity`, ...project(listItemVersionJson(list, item, version), query, versionOptions) });
    },
  });

  api.graph({
    method: 'POST',
    path: `${base}/{versionId}/restoreVersion`,
    permission: permissions.itemsWrite,
    body: 'none',
    handler: (ctx) => {
      const { list, item } = itemOf(ctx, 'edit');
      restoreItemVersion(ctx.store, list, item, ctx.params.versionId ?? '', callerIdentity(ctx), ctx.now);
      return noContent();
    },
  });
}
