import { z } from 'zod';

/**
 * Runtime configuration. Vite injects `__CHEFSACHE_ENV__` at build/dev time from environment
 * variables (see vite.config.ts); Jest defines the same global. Nothing else in the app reads
 * the environment.
 *
 * - graphBaseUrl: `https://graph.microsoft.com/v1.0` for a tenant, `<emulator>/v1.0` locally.
 * - auth: `emulator` (local sign-in against the emulator's admin API) or `msal` (Entra ID).
 * - emulatorUrl: the emulator's origin, only meaningful when auth is `emulator`.
 * - clientId / tenantId: the Entra app registration (auth `msal`).
 * - outboxRetryMs: time between automatic outbox retries (default 2 minutes); only set from
 *   `?outboxRetryMs=` in emulator mode, so browser tests need not wait two minutes.
 * - devPages: true only on the Vite dev server in emulator mode, where the development pages
 *   (src/dev, e.g. /dev/outlook.html) exist; never set in a build.
 */
export const appConfigSchema = z.object({
  graphBaseUrl: z.string().url(),
  auth: z.enum(['emulator', 'msal']),
  emulatorUrl: z.string().url().optional(),
  clientId: z.string().optional(),
  /** Entra directory (tenant) id or domain; needed by single-tenant app registrations. */
  tenantId: z.string().optional(),
  siteUrl: z.string().url().optional(),
  /** The Teams app id (manifest `id`, CHEFSACHE_APP_ID) that nudges' deep links open; default Chefsache's own. */
  teamsAppId: z.string().uuid().optional(),
  outboxRetryMs: z.number().int().positive().optional(),
  devPages: z.boolean().optional(),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

declare global {
  // eslint-disable-next-line no-var
  var __CHEFSACHE_ENV__: unknown;
}

/**
 * Reads the configuration. With emulator auth a `?emulator=<origin>` query parameter may point
 * the app at another emulator instance (used by browser tests that start their own emulator), and
 * `?outboxRetryMs=<ms>` shortens the outbox retry timer (browser tests of the automatic retry).
 */
export function loadConfig(search: string = typeof location === 'undefined' ? '' : location.search): AppConfig {
  const base = appConfigSchema.parse(globalThis.__CHEFSACHE_ENV__);
  if (base.auth !== 'emulator') return base;
  const params = new URLSearchParams(search);
  const retry = params.get('outboxRetryMs');
  const withRetry = retry ? appConfigSchema.parse({ ...base, outboxRetryMs: Number(retry) }) : base;
  const override = params.get('emulator');
  if (!override) return withRetry;
  const origin = new URL(override).origin;
  return { ...withRetry, emulatorUrl: origin, graphBaseUrl: `${origin}/v1.0` };
}
