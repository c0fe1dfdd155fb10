/**
 * Admin actions of the SharePoint module (no auth, plain JSON):
 *   POST /_admin/sharepoint/expire-delta-tokens → every listItem delta token issued so far
 *        answers 410 resyncRequired (like a token older than SharePoint's change-log retention).
 */
import { ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { DELTA_FLOOR_META } from './delta';

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
}
