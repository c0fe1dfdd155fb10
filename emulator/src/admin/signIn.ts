/**
 * The emulated sign-in for browser apps, outside the admin API: `GET /_signin/users` (who can sign
 * in), `GET /_signin/hosts` (where each SharePoint host name is served) and `POST /_signin/token`
 * (same body and answer as `POST /_admin/token`). Like an identity
 * provider that only redirects to registered reply URLs, it answers only requests whose `Origin` is
 * one of the app origins the emulator was started with (`--app-origin`); CORS is granted to those
 * origins only (http/cors.ts), so a page from any other origin can neither call nor read it.
 */
import { GraphError } from '../http/graphError';
import { ok } from '../http/response';
import type { BaseContext } from '../http/context';
import type { PlainRoute } from '../module';
import type { Services } from '../pipeline';
import { issueToken, parseAdminBody, tokenRequestSchema } from './tokens';
import { demoUsers, sharePointHosts } from './coreAdmin';

function requireAppOrigin(ctx: BaseContext, appOrigins: readonly string[]): void {
  const origin = ctx.headers.origin;
  if (origin && appOrigins.includes(origin)) return;
  throw new GraphError(
    403,
    'OriginNotAllowed',
    appOrigins.length === 0
      ? 'Sign-in is open to the app origins given at start (--app-origin <origin>); none was given.'
      : `Sign-in answers only the app origins given at start (${appOrigins.join(', ')}), not ${origin ? `"${origin}"` : 'a request without Origin'}.`,
  );
}

export function signInRoutes(services: Services, appOrigins: readonly string[]): PlainRoute[] {
  return [
    {
      method: 'GET',
      path: '/_signin/users',
      handler: (ctx) => {
        requireAppOrigin(ctx, appOrigins);
        return ok(demoUsers(ctx.store));
      },
    },
    {
      method: 'GET',
      path: '/_signin/hosts',
      handler: (ctx) => {
        requireAppOrigin(ctx, appOrigins);
        return ok(sharePointHosts(ctx));
      },
    },
    {
      method: 'POST',
      path: '/_signin/token',
      handler: (ctx) => {
        requireAppOrigin(ctx, appOrigins);
        return ok(issueToken(ctx.store, services.secret, parseAdminBody(tokenRequestSchema, ctx.body), ctx.now));
      },
    },
  ];
}
