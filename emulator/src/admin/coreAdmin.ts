/**
 * The core admin API under /_admin (docs/architecture.md): health, users, token, reset,
 * faults, stats (requests and SharePoint resource units), ru-budget. Modules add more through ModuleApi.admin.
 */
import { noContent, ok } from '../http/response';
import { faultConfigSchema } from '../faults/faults';
import { ruBudgetSchema } from '../ru';
import type { BaseContext } from '../http/context';
import type { PlainRoute } from '../module';
import type { Services } from '../pipeline';
import type { Store } from '../store/store';
import { users } from '../routes/identity/directory';
import { issueToken, parseAdminBody as parse, tokenRequestSchema } from './tokens';

/**
 * Where the emulator serves each SharePoint host name: `{ "<tenant>.sharepoint.com": "<file host origin>" }`.
 * In production the app calls `https://<host>` directly; against the emulator it calls this origin instead.
 */
export function sharePointHosts(ctx: BaseContext): Record<string, string> {
  return { [ctx.tenant.sharePointHost]: ctx.filesOrigin };
}

/** The demo users a sign-in picker lists (`GET /_admin/users`, `GET /_signin/users`). */
export function demoUsers(store: Store) {
  return users(store)
    .list()
    .map(({ data: u }) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, jobTitle: u.jobTitle ?? null }));
}

export function coreAdminRoutes(services: Services, reset: () => Promise<void>): PlainRoute[] {
  return [
    { method: 'GET', path: '/health', handler: () => ok({ status: 'ok' }) },
    {
      method: 'GET',
      path: '/users',
      handler: (ctx) => ok(demoUsers(ctx.store)),
    },
    { method: 'GET', path: '/hosts', handler: (ctx) => ok(sharePointHosts(ctx)) },
    {
      method: 'POST',
      path: '/token',
      handler: (ctx) => ok(issueToken(ctx.store, services.secret, parse(tokenRequestSchema, ctx.body), ctx.now)),
    },
    {
      method: 'POST',
      path: '/reset',
      handler: async () => {
        await reset();
        return ok({ status: 'reset' });
      },
    },
    { method: 'GET', path: '/faults', handler: () => ok(services.faults.state()) },
    {
      method: 'PUT',
      path: '/faults',
      handler: (ctx) => {
        services.faults.set(parse(faultConfigSchema, ctx.body));
        return ok(services.faults.state());
      },
    },
    {
      method: 'DELETE',
      path: '/faults',
      handler: () => {
        services.faults.clear();
        return noContent();
      },
    },
    { method: 'GET', path: '/ru-budget', handler: () => ok(services.ruBudget.state()) },
    {
      method: 'PUT',
      path: '/ru-budget',
      handler: (ctx) => {
        services.ruBudget.set(parse(ruBudgetSchema, ctx.body));
        return ok(services.ruBudget.state());
      },
    },
    {
      method: 'DELETE',
      path: '/ru-budget',
      handler: () => {
        services.ruBudget.set(undefined);
        return noContent();
      },
    },
    { method: 'GET', path: '/stats', handler: () => ok(services.stats.snapshot()) },
    {
      method: 'DELETE',
      path: '/stats',
      handler: () => {
        services.stats.reset();
        return noContent();
      },
    },
  ];
}
