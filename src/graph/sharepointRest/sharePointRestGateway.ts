/**
 * SharePoint REST (`<site>/_api/...`) for what Graph v1.0 cannot do: list permissions (break inheritance,
 * permission levels, role assignments) and list versioning. Same pipeline as Graph (auth, retry, typed
 * errors, zod), its own instance whose base URL is the site's `_api` on the SharePoint host, so the token
 * (SharePoint audience, resource-qualified scopes) reaches that host only. JSON light:
 * `Accept: application/json;odata=nometadata` (Microsoft Learn "Get to know the SharePoint REST service",
 * "Complete basic operations using SharePoint REST endpoints"); with an OAuth bearer token no
 * X-RequestDigest is needed. Updates are `POST` + `X-HTTP-Method: MERGE` + `IF-MATCH: *` (the same pages).
 */
import { z } from 'zod';
import { createGraphPipeline, type GraphPipeline, type GraphPipelineOptions } from '../pipeline';
import { GraphNotFoundError } from '../pipeline/errors';
import type { GraphRequest } from '../pipeline/types';
import { SHAREPOINT_SCOPES, sharePointScopes } from '../scopes';
import { decodePermissions, encodePermissions } from './basePermissions';
import { groupLoginName, objectIdOfLoginName } from './claims';
import type { EntraGroupKind, SpList, SpPrincipal, SpPrincipalType, SpRoleAssignment, SpRoleDefinition, SpRoleDefinitionInput, SpWeb } from './models';

const NOMETADATA = 'application/json;odata=nometadata';
const bits = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);

const webSchema = z.looseObject({ Id: z.string(), Title: z.string(), Url: z.string(), ServerRelativeUrl: z.string() });
const principalSchema = z.looseObject({ Id: z.number().int(), Title: z.string(), LoginName: z.string(), PrincipalType: z.number().int() });
const roleDefinitionSchema = z.looseObject({
  Id: z.number().int(),
  Name: z.string(),
  Description: z.string().nullish(),
  RoleTypeKind: z.number().int().optional(),
  BasePermissions: z.looseObject({ High: bits, Low: bits }),
});
const listSchema = z.looseObject({
  Id: z.string(),
  Title: z.string(),
  HasUniqueRoleAssignments: z.boolean(),
  EnableVersioning: z.boolean(),
  ReadSecurity: z.number().int().optional(),
  WriteSecurity: z.number().int().optional(),
});
const roleAssignmentSchema = z.looseObject({
  PrincipalId: z.number().int(),
  Member: principalSchema,
  RoleDefinitionBindings: z.array(roleDefinitionSchema),
});
const collection = <S extends z.ZodType>(item: S) => z.looseObject({ value: z.array(item), 'odata.nextLink': z.string().optional() });

const PRINCIPAL_TYPES: Record<number, SpPrincipalType> = { 1: 'user', 4: 'securityGroup', 8: 'sharePointGroup' };

function toPrincipal(p: z.output<typeof principalSchema>): SpPrincipal {
  const objectId = objectIdOfLoginName(p.LoginName);
  return { id: p.Id, title: p.Title, loginName: p.LoginName, type: PRINCIPAL_TYPES[p.PrincipalType] ?? 'other', ...(objectId ? { entraObjectId: objectId } : {}) };
}

function toRoleDefinition(d: z.output<typeof roleDefinitionSchema>): SpRoleDefinition {
  return { id: d.Id, name: d.Name, description: d.Description ?? '', permissions: decodePermissions(d.BasePermissions), builtIn: (d.RoleTypeKind ?? 0) !== 0 };
}

/** OData string literal inside a function call: `getbytitle('O''Brien')`. */
const literal = (text: string) => `'${encodeURIComponent(text.replace(/'/g, "''"))}'`;

export interface SharePointRestGateway {
  /** The site's absolute URL as configured (`https://contoso.sharepoint.com/sites/ISMS`). */
  readonly siteUrl: string;
  web(): Promise<SpWeb>;
  /** Makes an Entra group a principal of the site (`POST _api/web/ensureuser`) and returns it. */
  ensureGroup(objectId: string, kind: EntraGroupKind): Promise<SpPrincipal>;
  roleDefinitions(): Promise<SpRoleDefinition[]>;
  createRoleDefinition(input: SpRoleDefinitionInput): Promise<SpRoleDefinition>;
  /** A list or library by its title; undefined when the site has none of that name. */
  list(title: string): Promise<SpList | undefined>;
  breakRoleInheritance(title: string, options: { copyRoleAssignments: boolean; clearSubscopes: boolean }): Promise<void>;
  /** Every role assignment of a list, with its principal and permission levels. */
  roleAssignments(title: string): Promise<SpRoleAssignment[]>;
  addRoleAssignment(title: string, principalId: number, roleDefinitionId: number): Promise<void>;
  removeRoleAssignment(title: string, principalId: number, roleDefinitionId: number): Promise<void>;
  setVersioning(title: string, enabled: boolean): Promise<void>;
  /** Item-level permissions (SP.List ReadSecurity 1 all / 2 own; WriteSecurity 1 all / 2 own / 4 none). */
  setItemLevelSecurity(title: string, read: 1 | 2, write: 1 | 2 | 4): Promise<void>;
}

export interface SharePointRestOptions extends Omit<GraphPipelineOptions, 'baseUrl'> {
  /** The site's absolute URL on its real host (`https://contoso.sharepoint.com/sites/ISMS`). */
  siteUrl: string;
  /**
   * Where a SharePoint hostname is served from. Production: `https://<host>` (the default). The local
   * emulator maps `mustergmbh.sharepoint.com` to its file host (`GET /_signin/hosts`).
   */
  originOf?: (hostname: string) => string;
}

export function createSharePointRestGateway(options: SharePointRestOptions): SharePointRestGateway {
  const site = new URL(options.siteUrl);
  const sitePath = site.pathname.replace(/\/+$/, '');
  const realOrigin = site.origin;
  const servedFrom = options.originOf ? options.originOf(site.hostname) : realOrigin;
  const pipeline: GraphPipeline = createGraphPipeline({ ...options, baseUrl: `${new URL(servedFrom).origin}${sitePath}/_api` });
  const readScopes = sharePointScopes(realOrigin, SHAREPOINT_SCOPES.permissionsRead);
  const setupScopes = sharePointScopes(realOrigin, SHAREPOINT_SCOPES.siteSetup);
  const headers = { Accept: NOMETADATA };
  const listUrl = (title: string) => `/web/lists/getbytitle(${literal(title)})`;

  const get = <S extends z.ZodType>(url: string, schema: S, query?: GraphRequest['query']) =>
    pipeline.json({ method: 'GET', url, headers, scopes: readScopes, ...(query ? { query } : {}) }, schema);

  const post = async (url: string, body?: unknown, extra: Partial<GraphRequest> = {}) =>
    pipeline.send({
      method: 'POST',
      url,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': NOMETADATA }), ...extra.headers },
      scopes: setupScopes,
      ...(body === undefined ? {} : { body: { json: body } }),
      ...(extra.idempotencyKey ? { idempotencyKey: extra.idempotencyKey } : {}),
    });

  const postJson = async <S extends z.ZodType>(url: string, body: unknown, schema: S) =>
    pipeline.json({ method: 'POST', url, headers: { ...headers, 'Content-Type': NOMETADATA }, scopes: setupScopes, body: { json: body } }, schema);

  const all = async <S extends z.ZodType>(url: string, item: S, query: GraphRequest['query']): Promise<z.output<S>[]> => {
    const out: z.output<S>[] = [];
    let page = await get(url, collection(item), query);
    out.push(...page.value);
    while (page['odata.nextLink']) {
      page = await get(page['odata.nextLink'], collection(item));
      out.push(...page.value);
    }
    return out;
  };

  return {
    siteUrl: `${realOrigin}${sitePath}`,
    web: async () => {
      const web = await get('/web', webSchema, { $select: 'Id,Title,Url,ServerRelativeUrl' });
      return { id: web.Id, title: web.Title, url: web.Url, serverRelativeUrl: web.ServerRelativeUrl };
    },
    ensureGroup: async (objectId, kind) => toPrincipal(await postJson('/web/ensureuser', { logonName: groupLoginName(objectId, kind) }, principalSchema)),
    roleDefinitions: async () => (await all('/web/roledefinitions', roleDefinitionSchema, undefined)).map(toRoleDefinition),
    createRoleDefinition: async (input) =>
      toRoleDefinition(
        await postJson(
          '/web/roledefinitions',
          { Name: input.name, Description: input.description, Order: input.order ?? 0, BasePermissions: encodePermissions(input.permissions) },
          roleDefinitionSchema,
        ),
      ),
    list: async (title) => {
      try {
        const list = await get(listUrl(title), listSchema, { $select: 'Id,Title,HasUniqueRoleAssignments,EnableVersioning,ReadSecurity,WriteSecurity' });
        return {
          id: list.Id,
          title: list.Title,
          hasUniqueRoleAssignments: list.HasUniqueRoleAssignments,
          enableVersioning: list.EnableVersioning,
          readSecurity: list.ReadSecurity ?? 1,
          writeSecurity: list.WriteSecurity ?? 1,
        };
      } catch (error) {
        if (error instanceof GraphNotFoundError) return undefined;
        throw error;
      }
    },
    breakRoleInheritance: async (title, { copyRoleAssignments, clearSubscopes }) => {
      await post(`${listUrl(title)}/breakroleinheritance(copyRoleAssignments=${copyRoleAssignments},clearSubscopes=${clearSubscopes})`, undefined, {
        idempotencyKey: `breakroleinheritance:${title}`,
      });
    },
    roleAssignments: async (title) =>
      (await all(`${listUrl(title)}/roleassignments`, roleAssignmentSchema, { $expand: 'Member,RoleDefinitionBindings' })).map((a) => ({
        principal: toPrincipal(a.Member),
        roles: a.RoleDefinitionBindings.map(toRoleDefinition),
      })),
    addRoleAssignment: async (title, principalId, roleDefinitionId) => {
      await post(`${listUrl(title)}/roleassignments/addroleassignment(principalid=${principalId},roledefid=${roleDefinitionId})`, undefined, {
        idempotencyKey: `add:${title}:${principalId}:${roleDefinitionId}`,
      });
    },
    removeRoleAssignment: async (title, principalId, roleDefinitionId) => {
      await post(`${listUrl(title)}/roleassignments/removeroleassignment(principalid=${principalId},roledefid=${roleDefinitionId})`, undefined, {
        idempotencyKey: `remove:${title}:${principalId}:${roleDefinitionId}`,
      });
    },
    setVersioning: async (title, enabled) => {
      await post(listUrl(title), { EnableVersioning: enabled }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, idempotencyKey: `versioning:${title}` });
    },
    setItemLevelSecurity: async (title, read, write) => {
      await post(listUrl(title), { ReadSecurity: read, WriteSecurity: write }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, idempotencyKey: `itemlevel:${title}` });
    },
  };
}
