/** Per-request helpers shared by the SharePoint and drive routes. */
import type { GraphContext } from '../../http/context';
import { assertListAccess, type ListOperation } from './access';
import { resolveItem, resolveList, resolveSite, type StoredItem, type StoredList, type StoredSite } from './repo';

/** The absolute URL of the current request (decoded path re-encoded, query kept). */
export function requestUrl(ctx: GraphContext): URL {
  const query = ctx.query.toString();
  return new URL(`${ctx.baseUrl}${ctx.path}${query ? `?${query}` : ''}`);
}

export function siteOf(ctx: GraphContext): StoredSite {
  return resolveSite(ctx.store, ctx.params.site ?? '', ctx.tenant.sharePointHost);
}

export function listOf(ctx: GraphContext, operation: ListOperation): { site: StoredSite; list: StoredList } {
  const site = siteOf(ctx);
  const list = resolveList(ctx.store, site, ctx.params.list ?? '');
  if (operation !== 'read') assertListAccess({ user: ctx.user, site, list, operation: 'read', store: ctx.store });
  assertListAccess({ user: ctx.user, site, list, operation, store: ctx.store });
  return { site, list };
}

export function itemOf(ctx: GraphContext, operation: ListOperation): { site: StoredSite; list: StoredList; item: StoredItem } {
  const { site, list } = listOf(ctx, operation);
  return { site, list, item: resolveItem(ctx.store, list, ctx.params.item ?? '') };
}
