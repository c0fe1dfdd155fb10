/**
 * Role assignments on a web, list or item: breakroleinheritance, resetroleinheritance, roleassignments
 * (+ $expand=Member,RoleDefinitionBindings), addroleassignment, removeroleassignment, EffectiveBasePermissions,
 * getusereffectivepermissions(@u), HasUniqueRoleAssignments. Changing needs ManagePermissions, reading
 * assignments EnumeratePermissions (Learn, SPBasePermissions; SPSecurableObject.BreakRoleInheritance: "The current
 * user does not have the 'Manage Permissions' permission" → UnauthorizedAccessException).
 */
import { z } from 'zod';
import { sharePointPermissions } from '../../auth/permissions';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { ModuleApi, SharePointContext } from '../../module';
import { findUser } from '../identity/directory';
import { toHighLow } from '../sharepoint/permissions/basePermissions';
import { addRoleAssignment, breakRoleInheritance, removeRoleAssignment, resetRoleInheritance } from '../sharepoint/permissions/assignments';
import { effectiveMask, hasUniqueRoleAssignments, nearestSecurable } from '../sharepoint/permissions/effective';
import { roleDefKey, roleDefs } from '../sharepoint/permissions/model';
import { ensurePrincipalByLogonName, getPrincipal, principalContains, USER_CLAIM_PREFIX } from '../sharepoint/permissions/principals';
import { callerPrincipal, requirePermission, securableOfRequest, siteOfRequest } from './resolve';
import { collection, entity, principalJson, roleDefJson, voidResult } from './shapes';

/** Where securables live in a REST URL. */
export const SECURABLE_PREFIXES = [
  '/web',
  "/web/lists/getbytitle('{title}')",
  "/web/lists(guid'{listId}')",
  "/web/lists/getbyid('{listId}')",
  "/web/lists/getbytitle('{title}')/items({itemId})",
  "/web/lists(guid'{listId}')/items({itemId})",
  "/web/lists/getbyid('{listId}')/items({itemId})",
] as const;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

function parseArgs(text: string, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k && v !== undefined) out[k.toLowerCase()] = v;
  }
  for (const n of names) if (out[n] === undefined) throw new GraphError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The parameter ${n} is missing.`);
  return out;
}

function numberArg(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new GraphError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The value of parameter ${name} is not an integer.`);
  return n;
}

function assignmentsJson(ctx: SharePointContext) {
  const site = siteOfRequest(ctx);
  const { scope } = securableOfRequest(ctx, site);
  requirePermission(ctx, site, scope, 'EnumeratePermissions');
  const expand = (ctx.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const record = nearestSecurable(ctx.store, site, scope).record;
  const values = (record?.assignments ?? []).map((a) => {
    const json: Record<string, unknown> = { PrincipalId: a.principalId };
    const principal = getPrincipal(ctx.store, site, a.principalId);
    if (expand.includes('member') && principal) json.Member = principalJson(principal);
    if (expand.includes('roledefinitionbindings')) {
      json.RoleDefinitionBindings = a.roleDefIds.map((id) => roleDefs(ctx.store).get(roleDefKey(site.id, id))?.data).filter((d) => d !== undefined).map((d) => roleDefJson(d));
    }
    return json;
  });
  return ok(collection(ctx, 'SP.RoleAssignment', values));
}

export function registerSecurableRoutes(api: ModuleApi): void {
  for (const prefix of SECURABLE_PREFIXES) {
    api.sharepoint({
      method: 'POST',
      path: `${prefix}/breakroleinheritance({args})`,
      permission: sharePointPermissions.fullControl,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const { scope } = securableOfRequest(ctx, site);
        requirePermission(ctx, site, scope, 'ManagePermissions');
        const args = parseArgs(ctx.params.args ?? '', ['copyroleassignments', 'clearsubscopes']);
        const copy = boolParam.parse(args.copyroleassignments?.toLowerCase());
        const clear = boolParam.parse(args.clearsubscopes?.toLowerCase());
        breakRoleInheritance(ctx.store, site, scope, copy, clear, callerPrincipal(ctx, site).id, ctx.now);
        return ok(voidResult(ctx, 'BreakRoleInheritance'));
      },
    });
    api.sharepoint({
      method: 'POST',
      path: `${prefix}/resetroleinheritance`,
      permission: sharePointPermissions.fullControl,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const { scope } = securableOfRequest(ctx, site);
        requirePermission(ctx, site, scope, 'ManagePermissions');
        resetRoleInheritance(ctx.store, site, scope);
        return ok(voidResult(ctx, 'ResetRoleInheritance'));
      },
    });
    api.sharepoint({ method: 'GET', path: `${prefix}/roleassignments`, permission: sharePointPermissions.read, handler: assignmentsJson });
    for (const [action, method] of [
      ['addroleassignment', 'AddRoleAssignment'],
      ['removeroleassignment', 'RemoveRoleAssignment'],
    ] as const) {
      api.sharepoint({
        method: 'POST',
        path: `${prefix}/roleassignments/${action}({args})`,
        permission: sharePointPermissions.fullControl,
        handler: (ctx) => {
          const site = siteOfRequest(ctx);
          const { scope } = securableOfRequest(ctx, site);
          requirePermission(ctx, site, scope, 'ManagePermissions');
          const args = parseArgs(ctx.params.args ?? '', ['principalid', 'roledefid']);
          const principalId = numberArg(args.principalid, 'principalid');
          const roleDefId = numberArg(args.roledefid, 'roledefid');
          if (!getPrincipal(ctx.store, site, principalId)) throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Cannot find principal with id: ' + principalId);
          if (!roleDefs(ctx.store).get(roleDefKey(site.id, roleDefId))) throw new GraphError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Cannot find role definition with id: ' + roleDefId);
          if (action === 'addroleassignment') addRoleAssignment(ctx.store, site, scope, principalId, roleDefId, ctx.now);
          else removeRoleAssignment(ctx.store, site, scope, principalId, roleDefId, ctx.now);
          return ok(voidResult(ctx, method));
        },
      });
    }
    api.sharepoint({
      method: 'GET',
      path: `${prefix}/EffectiveBasePermissions`,
      permission: sharePointPermissions.read,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const { scope } = securableOfRequest(ctx, site);
        return ok(entity(ctx, 'SP.BasePermissions', toHighLow(effectiveMask(ctx.store, site, ctx.user.id, scope))));
      },
    });
    api.sharepoint({
      method: 'GET',
      path: `${prefix}/HasUniqueRoleAssignments`,
      permission: sharePointPermissions.read,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const { scope } = securableOfRequest(ctx, site);
        return ok(ctx.metadata === 'verbose' ? { d: { HasUniqueRoleAssignments: scope.kind === 'web' || hasUniqueRoleAssignments(ctx.store, site, scope) } } : { value: scope.kind === 'web' || hasUniqueRoleAssignments(ctx.store, site, scope) });
      },
    });
    api.sharepoint({
      method: 'GET',
      path: `${prefix}/getusereffectivepermissions({alias})`,
      permission: sharePointPermissions.read,
      handler: (ctx) => {
        const site = siteOfRequest(ctx);
        const { scope } = securableOfRequest(ctx, site);
        requirePermission(ctx, site, scope, 'EnumeratePermissions');
        const alias = ctx.params.alias ?? '';
        const raw = alias.startsWith('@') ? (ctx.query.get(alias) ?? '') : alias;
        const logonName = raw.replace(/^'|'$/g, '').replace(/''/g, "'");
        const upn = logonName.toLowerCase().startsWith(USER_CLAIM_PREFIX) ? logonName.slice(USER_CLAIM_PREFIX.length) : logonName;
        const user = findUser(ctx.store, upn);
        if (!user?.id) {
          // A group claim: the permissions of the group's principal itself.
          const principal = ensurePrincipalByLogonName(ctx.store, site, logonName, ctx.tenant.id, ctx.now);
          const record = nearestSecurable(ctx.store, site, scope).record;
          let mask = 0n;
          for (const a of record?.assignments ?? []) {
            const assigned = getPrincipal(ctx.store, site, a.principalId);
            if (!assigned) continue;
            const same = assigned.id === principal.id || (assigned.claim === 'siteGroup' && (assigned.members ?? []).includes(principal.id));
            if (!same) continue;
            for (const id of a.roleDefIds) mask |= BigInt(roleDefs(ctx.store).get(roleDefKey(site.id, id))?.data.mask ?? '0');
          }
          return ok(entity(ctx, 'SP.BasePermissions', toHighLow(mask)));
        }
        void principalContains;
        return ok(entity(ctx, 'SP.BasePermissions', toHighLow(effectiveMask(ctx.store, site, user.id, scope))));
      },
    });
  }
}
