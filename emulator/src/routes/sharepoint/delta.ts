/**
 * listItem delta (GET .../items/delta). Tokens are opaque base64url JSON:
 *   { v:1, g: store generation, l: list id, k: 'sync'|'changes'|'delta', s: change-log seq,
 *     u?: upper seq of a change round, o?: offset within the round, t: issued (ms) }
 * A `delta` token (in @odata.deltaLink) returns changes after `s`. Tokens from another store
 * generation (reset), another list, older than the retention, before the admin "expire" floor,
 * or that do not parse → 410 resyncRequired with a Location header that starts over.
 */
import { z } from 'zod';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { parseQueryOptions, project, type Resource } from '../../odata';
import { ITEMS_MAX_PAGE_SIZE, ITEMS_PAGE_SIZE } from './itemQuery';
import { listItemOptions } from './libraryExpand';
import { items, type StoredList, type StoredSite } from './repo';
import { requestUrl } from './request';
import { itemJson } from './serialize';
import { revealFromItemQuery, type FieldReveal } from './hiddenColumns';
import { itemKey } from './model';

export const DELTA_RETENTION_DAYS = 30;
/** Store meta key: issue time (ms) before which delta tokens are refused (admin expiry). */
export const DELTA_FLOOR_META = 'sharepoint.deltaFloorSeq';

const tokenSchema = z.object({
  v: z.literal(1),
  g: z.string(),
  l: z.string(),
  k: z.enum(['sync', 'changes', 'delta']),
  s: z.number().int().nonnegative(),
  u: z.number().int().nonnegative().optional(),
  o: z.number().int().nonnegative().optional(),
  t: z.number(),
});
type DeltaToken = z.infer<typeof tokenSchema>;

function encode(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decode(text: string): DeltaToken | undefined {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function deltaUrl(ctx: GraphContext, token?: string): string {
  const url = requestUrl(ctx);
  const kept: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key === 'token' || key.toLowerCase() === '$skiptoken') continue;
    kept.push(`${key}=${encodeURIComponent(value).replace(/%24/g, '$').replace(/%2C/gi, ',')}`);
  }
  if (token !== undefined) kept.push(`token=${token}`);
  url.search = '';
  return kept.length > 0 ? `${url.href}?${kept.join('&')}` : url.href;
}

function resyncRequired(ctx: GraphContext): GraphError {
  return new GraphError(
    410,
    'resyncRequired',
    'The delta token is no longer valid. Start a new delta enumeration with the URL in the Location header and replace your local state.',
    { Location: deltaUrl(ctx) },
  );
}

function deletedJson(site: StoredSite, itemId: string): Resource {
  return { id: itemId, parentReference: { siteId: site.id }, deleted: { state: 'deleted' } };
}

export function itemsDelta(ctx: GraphContext, site: StoredSite, list: StoredList): Record<string, unknown> {
  const query = parseQueryOptions(new URLSearchParams([...ctx.query].filter(([key]) => key !== 'token')), { errorCode: 'invalidRequest' });
  if (query.filter || query.orderBy) {
    throw new GraphError(400, 'invalidRequest', 'The delta function supports only $select, $expand and $top.');
  }
  const generation = ctx.store.generation;
  const now = ctx.now.getTime();
  const pageSize = query.top ?? ITEMS_PAGE_SIZE;
  if (pageSize < 1 || pageSize > ITEMS_MAX_PAGE_SIZE) {
    throw new GraphError(400, 'invalidRequest', `Invalid page size specified: '${pageSize}'. Must be between 1 and ${ITEMS_MAX_PAGE_SIZE} inclusive.`);
  }
  const tokenText = ctx.query.get('token');
  const base = { v: 1 as const, g: generation, l: list.id, t: now };
  const context = ctx.odataContext('Collection(microsoft.graph.listItem)');

  if (tokenText === 'latest') {
    return { '@odata.context': context, '@odata.deltaLink': deltaUrl(ctx, encode({ ...base, k: 'delta', s: ctx.store.latestSeq() })), value: [] };
  }

  let round: { kind: 'sync' | 'changes'; from: number; upper: number; offset: number };
  if (tokenText === null) {
    round = { kind: 'sync', from: 0, upper: ctx.store.latestSeq(), offset: 0 };
  } else {
    const token = decode(tokenText);
    const floor = Number(ctx.store.getMeta(DELTA_FLOOR_META) ?? '0');
    const tooOld = token !== undefined && now - token.t > DELTA_RETENTION_DAYS * 24 * 3600 * 1000;
    if (!token || token.g !== generation || token.l !== list.id || token.t < floor || tooOld) throw resyncRequired(ctx);
    round =
      token.k === 'delta'
        ? { kind: 'changes', from: token.s, upper: ctx.store.latestSeq(), offset: 0 }
        : { kind: token.k, from: token.s, upper: token.u ?? token.s, offset: token.o ?? 0 };
  }

  const { page, total } = roundPage(ctx, site, list, round, pageSize);
  const end = round.offset + page.length;
  const options = listItemOptions(ctx);
  const reveal = revealFromItemQuery(query);
  const value = page.map((entry) => {
    const resource = entry.resource(reveal);
    return entry.deleted ? resource : project(resource, query, options);
  });
  const body: Record<string, unknown> = { '@odata.context': context };
  if (end < total) {
    body['@odata.nextLink'] = deltaUrl(ctx, encode({ ...base, k: round.kind, s: round.from, u: round.upper, o: end }));
  } else {
    body['@odata.deltaLink'] = deltaUrl(ctx, encode({ ...base, k: 'delta', s: round.upper }));
  }
  body.value = value;
  return body;
}

interface DeltaEntry {
  /** Serialized only for the page that is answered (a round over a large list has many pages). */
  resource: (reveal: FieldReveal) => Resource;
  deleted: boolean;
}

/**
 * One page of a round: current items (sync; only the page is read from the store, a large list
 * has many pages), or what changed in (from, upper].
 */
function roundPage(
  ctx: GraphContext,
  site: StoredSite,
  list: StoredList,
  round: { kind: 'sync' | 'changes'; from: number; upper: number; offset: number },
  pageSize: number,
): { page: DeltaEntry[]; total: number } {
  const collection = items(ctx.store);
  if (round.kind === 'sync') {
    const stored = collection.list({ parentId: list.id, offset: round.offset, limit: pageSize }).sort((a, b) => a.data.itemId - b.data.itemId);
    return {
      page: stored.map((item) => ({ resource: (reveal: FieldReveal) => itemJson(ctx.store, site, list, item, reveal), deleted: false })),
      total: collection.count({ parentId: list.id }),
    };
  }
  const changes = collection.changesSince(round.from, { parentId: list.id }).filter((change) => change.seq <= round.upper);
  const page = changes.slice(round.offset, round.offset + pageSize).map((change): DeltaEntry => {
    const itemId = change.id.slice(list.id.length + 1);
    const current = change.kind === 'upsert' ? collection.get(itemKey(list.id, itemId)) : undefined;
    if (!current) return { resource: () => deletedJson(site, itemId), deleted: true };
    return { resource: (reveal: FieldReveal) => itemJson(ctx.store, site, list, current, reveal), deleted: false };
  });
  return { page, total: changes.length };
}
