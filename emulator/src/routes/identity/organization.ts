/**
 * GET /organization and /organization/{id}. With only User.Read, Graph returns id,
 * displayName and verifiedDomains; every other property is null.
 */
import type { Organization } from '@microsoft/microsoft-graph-types';
import { isAllowed, anyOf, permissions } from '../../auth/permissions';
import { errors } from '../../http/graphError';
import type { GraphContext } from '../../http/context';
import { ok } from '../../http/response';
import type { GraphRoute } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions, project } from '../../odata';
import { organizations } from './directory';
import { contextName, requestUrl } from './directoryQuery';

const FULL_READ = anyOf(['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
const USER_READ_VISIBLE = new Set(['id', 'displayName', 'verifiedDomains']);
const ORGANIZATION_TYPE = 'microsoft.graph.organization';

function visible(ctx: GraphContext, org: Organization): Record<string, unknown> {
  const all = org as Record<string, unknown>;
  if (isAllowed(FULL_READ, ctx.user.scopes)) return { ...all };
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, USER_READ_VISIBLE.has(k) ? v : null]));
}

export const organizationRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/organization',
    permission: permissions.organizationRead,
    handler: (ctx) => {
      const query = parseQueryOptions(ctx.query);
      const items = organizations(ctx.store).list().map((r) => visible(ctx, r.data));
      const page = applyQuery(items, query, { requestUrl: requestUrl(ctx), defaultPageSize: 100, maxPageSize: 999, typeName: ORGANIZATION_TYPE });
      return ok(collectionBody(page, ctx.odataContext(contextName('organization', query))));
    },
  },
  {
    method: 'GET',
    path: '/organization/{id}',
    permission: permissions.organizationRead,
    handler: (ctx) => {
      const org = organizations(ctx.store).get(ctx.params.id ?? '')?.data;
      if (!org) throw errors.directoryNotFound(ctx.params.id ?? '');
      const query = parseQueryOptions(ctx.query);
      return ok({ '@odata.context': ctx.odataContext(`${contextName('organization', query)}/$entity`), ...project(visible(ctx, org), query, { typeName: ORGANIZATION_TYPE }) });
    },
  },
];
