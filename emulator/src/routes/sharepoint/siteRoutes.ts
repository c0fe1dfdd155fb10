/** GET /sites/root, /sites/{site-id}, /sites/{hostname}, /sites/{hostname}:/sites|teams/{path}. */
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { parseQueryOptions, project } from '../../odata';
import { resolveSite } from './repo';
import { siteOf } from './request';
import { siteJson } from './serialize';

export const siteOptions = {
  errorCode: 'invalidRequest',
  typeName: 'microsoft.graph.site',
  navigationProperties: ['lists', 'drive', 'drives', 'columns', 'contentTypes', 'sites', 'items'],
} as const;

function siteResponse(ctx: GraphContext, siteRef: string) {
  const query = parseQueryOptions(ctx.query, { errorCode: 'invalidRequest' });
  const site = siteRef === '' ? siteOf(ctx) : resolveSite(ctx.store, siteRef, ctx.tenant.sharePointHost);
  return ok({ '@odata.context': ctx.odataContext('sites/$entity'), ...project(siteJson(site), query, siteOptions) });
}

export function registerSiteRoutes(api: ModuleApi): void {
  api.graph({ method: 'GET', path: '/sites/root', permission: permissions.sitesRead, handler: (ctx) => siteResponse(ctx, 'root') });
  api.graph({ method: 'GET', path: '/sites/{site+}', permission: permissions.sitesRead, handler: (ctx) => siteResponse(ctx, '') });
}
