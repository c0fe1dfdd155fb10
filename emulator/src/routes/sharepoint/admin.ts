/**
 * Admin actions of the SharePoint module (no auth, plain JSON):
 *   POST /_admin/sharepoint/expire-delta-tokens → every listItem delta token issued so far
 *        answers 410 resyncRequired (like a token older than SharePoint's change-log retention).
 *   POST /_admin/sharepoint/items { site, list, user, items: [{ fields }] } → creates many items
 *        at once, as `user`, with the same validation as POST …/items (large-list tests seed
 *        thousands of items without thousands of requests). Answers { created, firstId, lastId }.
 */
import { z } from 'zod';
import type { GraphContext } from '../../http/context';
import { errors } from '../../http/graphError';
import { ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { findUser } from '../identity/directory';
import { DELTA_FLOOR_META } from './delta';
import { createItem, parseBody } from './itemWrites';
import { resolveList, resolveSite } from './repo';

const bulkSchema = z.object({
  site: z.string().min(1),
  list: z.string().min(1),
  user: z.string().min(1),
  items: z.array(z.object({ fields: z.record(z.string(), z.unknown()) })).max(50_000),
});

export function registerSharePointAdmin(api: ModuleApi): void {
  api.admin({
    method: 'POST',
    path: '/sharepoint/expire-delta-tokens',
    body: 'none',
    handler: (ctx) => {
      const floor = ctx.now.getTime();
      ctx.store.setMeta(DELTA_FLOOR_META, String(floor));
      return ok({ expiredBefore: ctx.now.toISOString() });
    },
  });

  api.admin({
    method: 'POST',
    path: '/sharepoint/items',
    maxBodyBytes: 64 * 1024 * 1024,
    handler: (ctx) => {
      const input = parseBody(bulkSchema, ctx.body);
      const user = findUser(ctx.store, input.user);
      if (!user?.userPrincipalName) throw errors.badRequest(`Unknown user '${input.user}'.`);
      const site = resolveSite(ctx.store, input.site, ctx.tenant.sharePointHost);
      const list = resolveList(ctx.store, site, input.list);
      const asUser: GraphContext = {
        ...ctx,
        user: { id: user.id!, userPrincipalName: user.userPrincipalName, displayName: user.displayName ?? user.userPrincipalName, tenantId: '', scopes: [], appId: '' },
        baseUrl: `${ctx.origin}/v1.0`,
        odataContext: (fragment) => `${ctx.origin}/v1.0/$metadata#${fragment}`,
        inBatch: false,
      };
      const ids = ctx.store.transaction(() =>
        input.items.map(({ fields }) => createItem(asUser, site, resolveList(ctx.store, site, list.id), fields).data.itemId),
      );
      return ok({ created: ids.length, firstId: ids[0] ?? null, lastId: ids[ids.length - 1] ?? null });
    },
  });
}
