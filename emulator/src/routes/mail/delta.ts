/**
 * GET /me/mailFolders/{id}/messages/delta. State tokens are opaque base64url JSON:
 *   { v:1, g: store generation, u: user id, f: folder, k: 'sync'|'changes'|'delta', s: change-log seq,
 *     up?: upper seq of the round, o?: offset, q: the first request's query options, t: issued (ms) }
 * Like Graph: the first request's options are encoded in the links (which carry only
 * `$skiptoken` / `$deltatoken`), page size from `Prefer: odata.maxpagesize`, removed or moved-out
 * messages come as `{ id, "@removed": { reason } }`. A token from another generation (reset),
 * user or folder → 410 SyncStateNotFound.
 */
import { z } from 'zod';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { parseQueryOptions, project, type Resource } from '../../odata';
import { messages, type FolderName } from './model';
import { MESSAGE_PROPERTIES, messageJson } from './serialize';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

const tokenSchema = z.object({
  v: z.literal(1),
  g: z.string(),
  u: z.string(),
  f: z.string(),
  k: z.enum(['sync', 'changes', 'delta']),
  s: z.number().int().nonnegative(),
  up: z.number().int().nonnegative().optional(),
  o: z.number().int().nonnegative().optional(),
  q: z.string(),
  t: z.number(),
});
type DeltaToken = z.infer<typeof tokenSchema>;

const encode = (token: DeltaToken) => Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');

function decode(text: string): DeltaToken | undefined {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function pageSize(ctx: GraphContext, top: number | undefined): number {
  const prefer = /odata\.maxpagesize=(\d+)/i.exec(ctx.headers.prefer ?? '');
  const size = prefer ? Number(prefer[1]) : (top ?? DEFAULT_PAGE_SIZE);
  return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
}

function syncStateNotFound(): GraphError {
  return new GraphError(410, 'SyncStateNotFound', 'The sync state generation is not valid or has expired. Start a new delta round without a state token.');
}

interface Entry {
  id: string;
  resource?: Resource;
  removed?: 'deleted';
}

export function messagesDelta(ctx: GraphContext, folder: FolderName, folderParam: string): { body: Record<string, unknown>; headers: Record<string, string> } {
  const userId = ctx.user.id;
  const skip = ctx.query.get('$skiptoken');
  const delta = ctx.query.get('$deltatoken');
  const tokenText = skip ?? delta;
  const generation = ctx.store.generation;
  let token: DeltaToken | undefined;
  if (tokenText !== null) {
    token = decode(tokenText);
    if (!token || token.g !== generation || token.u !== userId || token.f !== folder) throw syncStateNotFound();
  }
  const queryText = token?.q ?? [...ctx.query].filter(([k]) => !/^\$(skip|delta)token$/i.test(k)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const query = parseQueryOptions(new URLSearchParams(queryText), {});
  if (query.orderBy || query.search || query.expand?.length) {
    if (!(query.orderBy && query.orderBy.length === 1 && query.orderBy[0]?.path.join('/') === 'receivedDateTime' && query.orderBy[0].direction === 'desc')) {
      throw new GraphError(400, 'ErrorInvalidUrlQuery', 'The only supported $orderby expression is receivedDateTime desc; $search is not supported.');
    }
  }
  const withBody = ctx.user.scopes.some((s) => /^mail\.(read|readwrite)$/i.test(s));
  const withHeaders = withBody && (query.select ?? []).includes('internetMessageHeaders');
  const size = pageSize(ctx, query.top);

  let round: { kind: 'sync' | 'changes'; from: number; upper: number; offset: number };
  if (!token) round = { kind: 'sync', from: 0, upper: ctx.store.latestSeq(), offset: 0 };
  else if (token.k === 'delta') round = { kind: 'changes', from: token.s, upper: ctx.store.latestSeq(), offset: 0 };
  else round = { kind: token.k, from: token.s, upper: token.up ?? token.s, offset: token.o ?? 0 };

  const all = messages(ctx.store);
  const entries: Entry[] = [];
  const options = { typeName: 'microsoft.graph.message', knownProperties: MESSAGE_PROPERTIES, alwaysSelected: ['id'] };
  const shape = (m: NonNullable<ReturnType<typeof all.get>>) => project(messageJson(ctx, m, { withBody, withHeaders }), query, options);
  if (round.kind === 'sync') {
    for (const m of all.list({ parentId: userId })) if (m.data.folder === folder && m.seq <= round.upper) entries.push({ id: m.id, resource: shape(m) });
  } else {
    for (const change of all.changesSince(round.from, { parentId: userId })) {
      if (change.seq > round.upper) continue;
      const m = change.kind === 'upsert' ? all.get(change.id) : undefined;
      // Messages of other folders are not this folder's business (moves between folders are not emulated).
      if (m && m.data.folder === folder) entries.push({ id: m.id, resource: shape(m) });
      else if (!m) entries.push({ id: change.id, removed: 'deleted' });
    }
  }
  const page = entries.slice(round.offset, round.offset + size);
  const end = round.offset + page.length;
  const base = { v: 1 as const, g: generation, u: userId, f: folder, q: queryText, t: ctx.now.getTime() };
  const link = `${ctx.baseUrl}/me/mailFolders/${encodeURIComponent(folderParam)}/messages/delta`;
  const body: Record<string, unknown> = { '@odata.context': ctx.odataContext('Collection(message)') };
  if (end < entries.length) body['@odata.nextLink'] = `${link}?$skiptoken=${encode({ ...base, k: round.kind, s: round.from, up: round.upper, o: end })}`;
  else body['@odata.deltaLink'] = `${link}?$deltatoken=${encode({ ...base, k: 'delta', s: round.upper })}`;
  body.value = page.map((e) => (e.resource ? e.resource : { '@odata.type': '#microsoft.graph.message', id: e.id, '@removed': { reason: e.removed } }));
  return { body, headers: ctx.headers.prefer ? { 'Preference-Applied': `odata.maxpagesize=${size}` } : {} };
}
