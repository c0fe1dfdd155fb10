/** What a handler gets. Built by the pipeline for direct requests and for inner $batch requests. */
import type { Store } from '../store/store';
import type { Tenant } from '../tenant';
import type { HttpMethod } from './router';

/** The signed-in user, from the access token. */
export interface AuthUser {
  /** Object id (token claim `oid`) = the user's `id` in /users. */
  id: string;
  userPrincipalName: string;
  displayName: string;
  tenantId: string;
  /** Delegated scopes (token claim `scp`). */
  scopes: string[];
  /** The client application (token claim `appid`, else `azp`); SharePoint budgets resource units per app. */
  appId: string;
}

export interface BaseContext {
  requestId: string;
  clientRequestId: string;
  method: HttpMethod;
  /** Decoded path. For Graph routes: the part after `/v1.0`, e.g. `/users/abc`. */
  path: string;
  /** Route parameters, decoded. */
  params: Record<string, string>;
  /** Query string parameters (decoded, `$top` etc. keep their `$`). */
  query: URLSearchParams;
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON body (routes with body 'json'); undefined when there is none. */
  body: unknown;
  /** The body bytes as received (routes with body 'json' or 'binary'). */
  rawBody: Buffer;
  /** Scheme + host the client used, e.g. `http://localhost:4365`. Build absolute links from it. */
  origin: string;
  /**
   * Origin of the emulated SharePoint file host (the emulator's second port), e.g.
   * `http://localhost:4366`: pre-authenticated download URLs point there, as Graph's point to
   * `https://<tenant>.sharepoint.com`, an origin other than Graph's.
   */
  filesOrigin: string;
  store: Store;
  tenant: Tenant;
  /** Current time (one value per request). */
  now: Date;
}

export interface GraphContext extends BaseContext {
  user: AuthUser;
  /** `<origin>/v1.0` */
  baseUrl: string;
  /** `<origin>/v1.0/$metadata#<fragment>`, e.g. odataContext('users/$entity'). */
  odataContext(fragment: string): string;
  /** True for an inner request of $batch. */
  inBatch: boolean;
}

export function header(ctx: BaseContext, name: string): string | undefined {
  return ctx.headers[name.toLowerCase()];
}
