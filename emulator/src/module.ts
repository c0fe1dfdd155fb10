/**
 * The contract between the core and the route modules (identity, sharepoint, drive, ...).
 * A module is a folder `emulator/src/routes/<name>/` whose `index.ts` exports
 * `emulatorModule: EmulatorModule`. The core finds the folders at start-up (see modules.ts).
 */
import type { Permission } from './auth/permissions';
import type { AuthUser, BaseContext, GraphContext } from './http/context';
import type { EmulatorResponse } from './http/response';
import type { HttpMethod } from './http/router';
import type { Store } from './store/store';
import type { Tenant } from './tenant';

export type BodyKind = 'json' | 'binary' | 'none';

export interface RouteOptions {
  /** How to read the request body. Default: 'json' for POST/PUT/PATCH, 'none' otherwise. */
  body?: BodyKind;
  /** Larger bodies get 413. Default 4 MiB. */
  maxBodyBytes?: number;
}

export interface GraphRoute extends RouteOptions {
  method: HttpMethod;
  /** Pattern after `/v1.0`, e.g. `/sites/{siteId}/lists/{listId}`. See http/router.ts. */
  path: string;
  /** Scopes that allow the call (any of). `null`: any valid token (e.g. $batch). */
  permission: Permission | null;
  handler(ctx: GraphContext): EmulatorResponse | Promise<EmulatorResponse>;
}

export interface PlainRoute extends RouteOptions {
  method: HttpMethod;
  /** For `public`: the full path on the file host, e.g. `/_download/{token}`. For `admin`: after `/_admin`. */
  path: string;
  handler(ctx: BaseContext): EmulatorResponse | Promise<EmulatorResponse>;
}

/** How much OData metadata a SharePoint REST caller asked for (`Accept: application/json;odata=…`). */
export type SharePointMetadata = 'verbose' | 'minimalmetadata' | 'nometadata';

export interface SharePointContext extends BaseContext {
  /** The signed-in user (token audience: the tenant's SharePoint origin). */
  user: AuthUser;
  /** Server-relative URL of the site the request addresses (the part before `/_api`): `/` or `/sites/ISMS`. */
  sitePath: string;
  /** `<origin><sitePath>/_api` (no trailing slash; `<origin>/_api` for the root site). */
  apiBase: string;
  metadata: SharePointMetadata;
}

export interface SharePointRoute extends RouteOptions {
  method: HttpMethod;
  /**
   * Pattern after `<site>/_api`, e.g. `/web/currentuser` or `/web/lists/getbytitle('{title}')`.
   * OData method calls keep their parentheses and quotes (http/router.ts escapes them).
   */
  path: string;
  /** SharePoint scopes that allow the call (any of), e.g. AllSites.Read. `null`: any valid token. */
  permission: Permission | null;
  handler(ctx: SharePointContext): EmulatorResponse | Promise<EmulatorResponse>;
}

export interface ModuleApi {
  /** A Microsoft Graph route under /v1.0: token checked, faults applied, counted in stats. */
  graph(route: GraphRoute): void;
  /**
   * A route without auth on the emulated SharePoint file host (the emulator's second port,
   * `ctx.filesOrigin`), like Graph's pre-authenticated download URLs: another origin than Graph's,
   * CORS only for token-less GETs (http/cors.ts `filesCorsHeaders`).
   */
  public(route: PlainRoute): void;
  /**
   * A SharePoint REST route on the emulated SharePoint host (the file host): `<site>/_api/...`, with a
   * bearer token of the SharePoint audience. Errors answer SharePoint's `odata.error` shape.
   */
  sharepoint(route: SharePointRoute): void;
  /** An admin action under /_admin (needs the admin secret header; no CORS). Answer plain JSON, not Graph shapes. */
  admin(route: PlainRoute): void;
}

export interface SeedContext {
  store: Store;
  tenant: Tenant;
  /** Seed time; backdate resources relative to it for realistic histories. */
  now: Date;
}

export interface EmulatorModule {
  name: string;
  /** Seeds run in ascending order (identity: 0). Default 100. */
  seedOrder?: number;
  register(api: ModuleApi): void;
  /** Adds the module's demo data after a reset (and on first start). */
  seed?(ctx: SeedContext): void | Promise<void>;
}
