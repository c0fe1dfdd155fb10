/** Per-request helpers shared by the SharePoint and drive routes. */
import type { GraphContext } from '../../http/context';
import { assertListAccess, assertSiteAccess, type ListOperation } from './access';
import { resolveItem, resolveList, resolveSite, type StoredItem, type StoredList, type StoredSite } from './repo';

/** The absolute URL of the current request (decoded path re-encoded, query kept). */
export function requestUrl(ctx: GraphContext): URL {
  const query = ctx.query.toString();
  return new URL(`${ctx.baseUrl}${ctx.path}${query ? `?${query}` : ''}`);
}

/** The addressed site; a user without any permission on it gets 403 accessDenied. */
export function siteOf(ctx: GraphContext): StoredSite {
  const site = resolveSite(ctx.store, ctx.params.site ?? '', ctx.tenant.sharePointHost);
  assertSiteAccess(ctx.store, site, ctx.user);
  return site;
}

/** The addressed list, checked for the operation on the list (item operations: use itemOf). */
export function listOf(ctx: GraphContext, operation: ListOperation): { site: StoredSite; list: StoredList } {
  const site = siteOf(ctx);
  const list = resolveList(ctx.store, site, ctx.params.list ?? '');
  assertListAccess({ user: ctx.user, site, list, operation, store: ctx.store });
  return { site, list };
}

/** The addressed item, checked for the operation on the item (its own role assignments, ReadSecurity/WriteSecurity). */
export function itemOf(ctx: GraphContext, operation: ListOperation): { site: StoredSite; list: StoredList; item: StoredItem } {
  const site = siteOf(ctx);
  const list = resolveList(ctx.store, site, ctx.params.list ?? '');
  assertListAccess({ user: ctx.user, site, list, operation: 'read', store: ctx.store });
  const item = resolveItem(ctx.store, list, ctx.params.item ?? '');
  assertListAccess({ user: ctx.user, site, list, operation, store: ctx.store, item });
  return { site, list, item };
}
