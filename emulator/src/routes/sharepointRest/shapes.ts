/** SharePoint REST JSON (SP.Web, SP.User, SP.Group, SP.RoleDefinition, SP.List, SP.RoleAssignment) in nometadata or verbose form. */
import type { SharePointContext } from '../../module';
import { siteUrl, type StoredList, type StoredSite } from '../sharepoint/repo';
import { toHighLow } from '../sharepoint/permissions/basePermissions';
import type { ListSettingsRecord, PrincipalRecord, RoleDefRecord } from '../sharepoint/permissions/model';

export type Json = Record<string, unknown>;

/** One entity: `{ ...}` (nometadata) or `{ d: { __metadata, ... } }` (verbose). */
export function entity(ctx: SharePointContext, type: string, body: Json): Json {
  return ctx.metadata === 'verbose' ? { d: { __metadata: { type }, ...body } } : body;
}

/** A collection: `{ value: [...] }` (nometadata) or `{ d: { results: [...] } }` (verbose). */
export function collection(ctx: SharePointContext, type: string, values: Json[]): Json {
  return ctx.metadata === 'verbose' ? { d: { results: values.map((v) => ({ __metadata: { type }, ...v })) } } : { value: values };
}

/** A void method's answer (`{"odata.null":true}`, verbose `{ d: { <Method>: null } }`). */
export function voidResult(ctx: SharePointContext, method: string): Json {
  return ctx.metadata === 'verbose' ? { d: { [method]: null } } : { 'odata.null': true };
}

export function webJson(site: StoredSite): Json {
  return {
    Id: site.data.webId,
    Title: site.data.displayName,
    Description: site.data.description,
    Url: siteUrl(site.data),
    ServerRelativeUrl: site.data.serverRelativeUrl,
    WebTemplate: site.data.groupId ? 'GROUP' : 'SITEPAGEPUBLISHING',
  };
}

export function principalJson(p: PrincipalRecord, isSiteAdmin = false): Json {
  if (p.type === 8) {
    return { Id: p.id, Title: p.title, LoginName: p.loginName, PrincipalType: 8, OwnerTitle: p.ownerTitle ?? p.title, Description: p.description ?? '', IsHiddenInUI: false };
  }
  return {
    Id: p.id,
    Title: p.title,
    LoginName: p.loginName,
    Email: p.email,
    PrincipalType: p.type,
    IsSiteAdmin: isSiteAdmin,
    IsHiddenInUI: false,
    UserPrincipalName: p.claim === 'user' ? p.loginName.split('|').pop() ?? null : null,
    UserId: p.claim === 'user' ? { NameId: p.objectId ?? '', NameIdIssuer: 'urn:federation:microsoftonline' } : null,
  };
}

export function roleDefJson(def: RoleDefRecord): Json {
  return {
    Id: def.id,
    Name: def.name,
    Description: def.description,
    Hidden: def.hidden,
    Order: def.order,
    RoleTypeKind: def.roleTypeKind,
    BasePermissions: toHighLow(BigInt(def.mask)),
  };
}

export function listJson(site: StoredSite, list: StoredList, settings: ListSettingsRecord, hasUnique: boolean, itemCount: number): Json {
  return {
    Id: list.id,
    Title: list.data.displayName,
    BaseTemplate: list.data.template === 'documentLibrary' ? 101 : 100,
    Hidden: list.data.hidden,
    ItemCount: itemCount,
    HasUniqueRoleAssignments: hasUnique,
    EnableVersioning: settings.enableVersioning,
    ReadSecurity: settings.readSecurity,
    WriteSecurity: settings.writeSecurity,
    ParentWebUrl: site.data.serverRelativeUrl,
  };
}
