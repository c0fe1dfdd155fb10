/**
 * SP.Web, users, groups, role definitions and list settings: `_api/web`, `web/currentuser`, `web/ensureuser`,
 * `web/siteusers`, `web/sitegroups`, `web/roledefinitions` (+ getbyname, getbyid, create, update),
 * `web/lists/getbytitle('…')` / `lists(guid'…')` (+ MERGE of EnableVersioning, ReadSecurity, WriteSecurity).
 */
import { z } from 'zod';
import { sharePointPermissions } from '../../auth/permissions';
import { GraphError } from '../../http/graphError';
import { noContent, ok } from '../../http/response';
import type { ModuleApi, SharePointContext } from '../../module';
import { items } from '../sharepoint/repo';
import { fromHighLow, FIRST_CUSTOM_ROLE_ID } from '../sharepoint/permissions/basePermissions';
import { hasUniqueRoleAssignments, isSiteAdmin } from '../sharepoint/permissions/effective';
import { listSettings, roleDefKey, roleDefs, setListSettings, type RoleDefRecord } from '../sharepoint/permissions/model';
import { ensurePrincipalByLogonName, getPrincipal, sitePrincipals } from '../sharepoint/permissions/principals';
import { callerPrincipal, listOfRequest, requirePermission, siteOfRequest } from './resolve';
import { SECURABLE_PREFIXES } from './securableRoutes';
import { collection, entity, listJson, principalJson, roleDefJson, webJson } from './shapes';

const INVALID = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new GraphError(400, INVALID, `Invalid request body: ${result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return result.data;
}

const highLow = z.object({ High: z.union([z.string().regex(/^\d+$/), z.number().int()]), Low: z.union([z.string().regex(/^\d+$/), z.number().int()]) }).passthrough();
const roleDefInput = z.object({ Name: z.string().min(1).max(255), Description: z.string().optional(), Order: z.number().int().optional(), BasePermissions: highLow }).passthrough();
const roleDefUpdate = z.object({ Name: z.string().min(1).max(255).optional(), Description: z.string().optional(), Order: z.number().int().optional(), BasePermissions: highLow.optional() }).passthrough();
const ensureUserInput = z.object({ logonName: z.string().min(1) }).passthrough();
const listUpdate = z
  .object({ EnableVersioning: z.boolean().optional(), ReadSecurity: z.union([z.literal(1), z.literal(2)]).optional(), WriteSecurity: z.union([z.literal(1), z.literal(2), z.literal(4)]).optional() })
  .passthrough();

function roleDefsOf(ctx: SharePointContext, siteId: string): RoleDefRecord[] {
  return roleDefs(ctx.store)
    .list({ parentId: siteId })
    .map((r) => r.data)
    .sort((a, b) => a.order - b.order || a.id - b.id);
}

function roleDefNotFound(): GraphError {
  return new GraphError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level not found.');
}

function findRoleDef(ctx: SharePointContext): RoleDefRecord {
  const site = siteOfRequest(ctx);
  const all = roleDefsOf(ctx, site.id);
  const def = ctx.params.name !== undefined ? all.find((d) => d.name.toLowerCase() === (ctx.params.name ?? '').replace(/''/g, "'").toLowerCase()) : all.find((d) => d.id === Number(ctx.params.id));
  if (!def) throw roleDefNotFound();
  return def;
}

export function registerWebRoutes(api: ModuleApi): void {
  api.sharepoint({ method: 'GET', path: '/web', permission: sharePointPermissions.read, handler: (ctx) => ok(entity(ctx, 'SP.Web', webJson(siteOfRequest(ctx)))) });

  api.sharepoint({
    method: 'GET',
    path: '/web/currentuser',
    permission: sharePointPermissions.read,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      return ok(entity(ctx, 'SP.User', principalJson(callerPrincipal(ctx, site), isSiteAdmin(ctx.store, site, ctx.user.id))));
    },
  });

  api.sharepoint({
    method: 'POST',
    path: '/web/ensureuser',
    permission: sharePointPermissions.write,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'BrowseUserInfo');
      const { logonName } = parse(ensureUserInput, ctx.body);
      const principal = ensurePrincipalByLogonName(ctx.store, site, logonName, ctx.tenant.id, ctx.now);
      return ok(entity(ctx, 'SP.User', principalJson(principal, principal.objectId !== undefined && principal.claim === 'user' && isSiteAdmin(ctx.store, site, principal.objectId))));
    },
  });

  api.sharepoint({
    method: 'GET',
    path: '/web/siteusers',
    permission: sharePointPermissions.read,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'BrowseUserInfo');
      const users = sitePrincipals(ctx.store, site).filter((p) => p.type !== 8);
      return ok(collection(ctx, 'SP.User', users.map((p) => principalJson(p, p.claim === 'user' && p.objectId !== undefined && isSiteAdmin(ctx.store, site, p.objectId)))));
    },
  });

  api.sharepoint({
    method: 'GET',
    path: '/web/sitegroups',
    permission: sharePointPermissions.read,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'BrowseUserInfo');
      return ok(collection(ctx, 'SP.Group', sitePrincipals(ctx.store, site).filter((p) => p.type === 8).map((p) => principalJson(p))));
    },
  });

  api.sharepoint({
    method: 'GET',
    path: '/web/sitegroups/getbyid({id})/users',
    permission: sharePointPermissions.read,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'BrowseUserInfo');
      const group = getPrincipal(ctx.store, site, Number(ctx.params.id));
      if (!group || group.type !== 8) throw new GraphError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
      const members = (group.members ?? []).map((id) => getPrincipal(ctx.store, site, id)).filter((p) => p !== undefined);
      return ok(collection(ctx, 'SP.User', members.map((p) => principalJson(p))));
    },
  });

  api.sharepoint({
    method: 'GET',
    path: '/web/roledefinitions',
    permission: sharePointPermissions.read,
    handler: (ctx) => ok(collection(ctx, 'SP.RoleDefinition', roleDefsOf(ctx, siteOfRequest(ctx).id).map(roleDefJson))),
  });
  api.sharepoint({ method: 'GET', path: "/web/roledefinitions/getbyname('{name}')", permission: sharePointPermissions.read, handler: (ctx) => ok(entity(ctx, 'SP.RoleDefinition', roleDefJson(findRoleDef(ctx)))) });
  api.sharepoint({ method: 'GET', path: '/web/roledefinitions/getbyid({id})', permission: sharePointPermissions.read, handler: (ctx) => ok(entity(ctx, 'SP.RoleDefinition', roleDefJson(findRoleDef(ctx)))) });

  api.sharepoint({
    method: 'POST',
    path: '/web/roledefinitions',
    permission: sharePointPermissions.fullControl,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'ManagePermissions');
      const input = parse(roleDefInput, ctx.body);
      const all = roleDefsOf(ctx, site.id);
      if (all.some((d) => d.name.toLowerCase() === input.Name.toLowerCase())) {
        throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The permission level name is already in use. Choose a different name.');
      }
      const id = Math.max(FIRST_CUSTOM_ROLE_ID - 1, ...all.map((d) => d.id)) + 1;
      const record: RoleDefRecord = {
        siteId: site.id,
        id,
        name: input.Name,
        description: input.Description ?? '',
        order: input.Order ?? 1000,
        roleTypeKind: 0,
        hidden: false,
        mask: String(fromHighLow(input.BasePermissions)),
      };
      roleDefs(ctx.store).insert(record, { id: roleDefKey(site.id, id), parentId: site.id, at: ctx.now });
      return { status: 201, json: entity(ctx, 'SP.RoleDefinition', roleDefJson(record)) };
    },
  });

  api.sharepoint({
    method: 'PATCH',
    path: '/web/roledefinitions/getbyid({id})',
    permission: sharePointPermissions.fullControl,
    handler: (ctx) => {
      const site = siteOfRequest(ctx);
      requirePermission(ctx, site, { kind: 'web' }, 'ManagePermissions');
      const def = findRoleDef(ctx);
      if (def.roleTypeKind !== 0) throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot change a built-in permission level.');
      const input = parse(roleDefUpdate, ctx.body);
      roleDefs(ctx.store).update(
        roleDefKey(site.id, def.id),
        (current) => ({
          ...current,
          ...(input.Name !== undefined ? { name: input.Name } : {}),
          ...(input.Description !== undefined ? { description: input.Description } : {}),
          ...(input.Order !== undefined ? { order: input.Order } : {}),
          ...(input.BasePermissions ? { mask: String(fromHighLow(input.BasePermissions)) } : {}),
        }),
        { at: ctx.now },
      );
      return noContent();
    },
  });

  for (const prefix of SECURABLE_PREFIXES.filter((p) => p.startsWith('/web/lists') && !p.includes('/items('))) {
    api.sharepoint({
      method: 'GET',
      path: prefix,
      permission: sharePointPermissions.read,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const list = listOfRequest(ctx, site);
        const count = items(ctx.store).list({ parentId: list.id }).length;
        return ok(entity(ctx, 'SP.List', listJson(site, list, listSettings(ctx.store, list.id), hasUniqueRoleAssignments(ctx.store, site, { kind: 'list', listId: list.id }), count)));
      },
    });
    api.sharepoint({
      method: 'PATCH',
      path: prefix,
      permission: sharePointPermissions.manage,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const list = listOfRequest(ctx, site);
        requirePermission(ctx, site, { kind: 'list', listId: list.id }, 'ManageLists');
        const input = parse(listUpdate, ctx.body);
        setListSettings(
          ctx.store,
          list.id,
          site.id,
          {
            ...(input.EnableVersioning !== undefined ? { enableVersioning: input.EnableVersioning } : {}),
            ...(input.ReadSecurity !== undefined ? { readSecurity: input.ReadSecurity } : {}),
            ...(input.WriteSecurity !== undefined ? { writeSecurity: input.WriteSecurity } : {}),
          },
          ctx.now,
        );
        return noContent();
      },
    });
  }
}
