/**
 * The core admin API under /_admin (docs/architecture.md): health, users, token, reset,
 * faults, stats. Modules add more through ModuleApi.admin.
 */
import { z } from 'zod';
import { errors } from '../http/graphError';
import { noContent, ok } from '../http/response';
import { faultConfigSchema } from '../faults/faults';
import type { PlainRoute } from '../module';
import type { Services } from '../pipeline';
import { users } from '../routes/identity/directory';
import { issueToken, tokenRequestSchema } from './tokens';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw errors.badRequest(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

export function coreAdminRoutes(services: Services, reset: () => Promise<void>): PlainRoute[] {
  return [
    { method: 'GET', path: '/health', handler: () => ok({ status: 'ok' }) },
    {
      method: 'GET',
      path: '/users',
      handler: (ctx) =>
        ok(
          users(ctx.store)
            .list()
            .map(({ data: u }) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, jobTitle: u.jobTitle ?? null })),
        ),
    },
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
