/** Store access for sites, lists and items, with Graph's 404s for unknown references. */
import { errors } from '../../http/graphError';
import type { Collection, Store, StoredResource } from '../../store/store';
import { ITEMS, LISTS, SITES, itemKey, type ItemRecord, type ListRecord, type SiteRecord } from './model';

export type StoredSite = StoredResource<SiteRecord>;
export type StoredList = StoredResource<ListRecord>;
export type StoredItem = StoredResource<ItemRecord>;

export const sites = (store: Store): Collection<SiteRecord> => store.collection<SiteRecord>(SITES);
export const lists = (store: Store): Collection<ListRecord> => store.collection<ListRecord>(LISTS);
export const items = (store: Store): Collection<ItemRecord> => store.collection<ItemRecord>(ITEMS);

export function siteNotFound(): Error {
  return errors.itemNotFound('Requested site could not be found');
}

/**
 * Resolves the `{site}` part of a Graph URL:
 *   root | <hostname> | <hostname>,<siteCollectionId>,<webId> | <hostname>:/<server-relative-path>[:]
 */
export function resolveSite(store: Store, ref: string, tenantHost: string): StoredSite {
  const trimmed = ref.trim();
  const pathForm = /^([^:/,]+):(\/[^:]*?):?$/.exec(trimmed);
  if (pathForm) {
    const [, host, path] = pathForm as unknown as [string, string, string];
    const wanted = normalizePath(path);
    const site = sites(store).find((s) => s.hostname.toLowerCase() === host.toLowerCase() && s.serverRelativeUrl.toLowerCase() === wanted);
    if (!site) throw siteNotFound();
    return site;
  }
  if (trimmed.includes('/') || trimmed.includes(':')) {
    const segments = trimmed.split(/[/:]/).filter((s) => s.length > 0);
    throw errors.segmentNotFound(segments[segments.length - 1] ?? trimmed);
  }
  if (trimmed.toLowerCase() === 'root' || !trimmed.includes(',')) {
    const host = trimmed.toLowerCase() === 'root' ? tenantHost : trimmed;
    const site = sites(store).find((s) => s.isRoot && s.hostname.toLowerCase() === host.toLowerCase());
    if (!site) throw siteNotFound();
    return site;
  }
  const site = sites(store).get(trimmed.toLowerCase());
  if (!site) throw siteNotFound();
  return site;
}

function normalizePath(path: string): string {
  const collapsed = `/${path.split('/').filter((s) => s.length > 0).join('/')}`;
  return collapsed.toLowerCase();
}

export function listNotFound(): Error {
  return errors.itemNotFound('The specified list was not found');
}

/** A list by GUID, by title (displayName) or by URL name, case-insensitively, like Graph. */
export function resolveList(store: Store, site: StoredSite, ref: string): StoredList {
  const lower = ref.trim().toLowerCase().replace(/^\{|\}$/g, '');
  const byId = lists(store).get(lower);
  if (byId && byId.parentId === site.id) return byId;
  const all = lists(store).list({ parentId: site.id });
  const list =
    all.find((l) => l.id.toLowerCase() === lower) ??
    all.find((l) => l.data.displayName.toLowerCase() === lower) ??
    all.find((l) => l.data.name.toLowerCase() === lower);
  if (!list) throw listNotFound();
  return list;
}

export function resolveItem(store: Store, list: StoredList, ref: string): StoredItem {
  const item = /^\d+$/.test(ref.trim()) ? items(store).get(itemKey(list.id, Number(ref.trim()))) : undefined;
  if (!item) throw errors.itemNotFound('Item not found');
  return item;
}

export function siteUrl(site: SiteRecord): string {
  const path = site.serverRelativeUrl === '/' ? '' : site.serverRelativeUrl;
  return `https://${site.hostname}${encodeUrlPath(path)}`;
}

export function listUrl(site: SiteRecord, list: ListRecord): string {
  const segment = encodeUrlPath(list.name);
  return list.template === 'documentLibrary' ? `${siteUrl(site)}/${segment}` : `${siteUrl(site)}/Lists/${segment}`;
}

/** SharePoint URLs encode spaces and umlauts but keep "/". */
export function encodeUrlPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
