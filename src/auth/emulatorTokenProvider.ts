import { z } from 'zod';
import type { TokenProvider, TokenRequestOptions } from '../graph/tokenProvider';

/**
 * Signs a demo user in against the local Microsoft 365 emulator (docs/architecture.md): in the
 * browser at its sign-in route `POST {emulatorUrl}/_signin/token`, which answers only the app origins
 * the emulator was started with; Node tools that hold the emulator's admin secret use
 * `POST {emulatorUrl}/_admin/token` instead (`adminSecret`). Tokens are cached per scope set until shortly before they expire; a
 * `forceRefresh` (the pipeline's answer to a 401) always asks the emulator again. Concurrent requests
 * for the same scope set share one sign-in.
 */
export interface EmulatorTokenProviderOptions {
  /** The emulator's origin, e.g. `http://localhost:4365`. */
  emulatorUrl: string;
  /** userPrincipalName or id of a demo user. */
  user: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  /** Renew this long before expiry (default 60 s). */
  refreshMarginMs?: number;
  /** Token lifetime to ask for (the emulator's default is one hour). */
  expiresInSeconds?: number;
  /** The emulator's admin secret (Node tools and tests only; never in the browser bundle). */
  adminSecret?: string;
}

/** Header that carries the emulator's admin secret. */
export const EMULATOR_ADMIN_SECRET_HEADER = 'x-emulator-admin-secret';

const tokenAnswerSchema = z.object({
  token_type: z.literal('Bearer'),
  access_token: z.string().min(1),
  expires_in: z.number().int(),
  scope: z.string(),
});

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Sign-in at the emulator failed. `status` is 0 when the emulator could not be reached. */
export class EmulatorSignInError extends Error {
  constructor(
    message: string,
    readonly user: string,
    readonly status: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmulatorSignInError';
  }
}

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(' ');
}

export interface EmulatorTokenProvider extends TokenProvider {
  readonly user: string;
  /** Forgets every cached token (sign-out, user switch). */
  clear(): void;
}

export function createEmulatorTokenProvider(options: EmulatorTokenProviderOptions): EmulatorTokenProvider {
  const base = options.emulatorUrl.replace(/\/+$/, '');
  const endpoint = options.adminSecret === undefined ? `${base}/_signin/token` : `${base}/_admin/token`;
  const secretHeader: Record<string, string> = options.adminSecret === undefined ? {} : { [EMULATOR_ADMIN_SECRET_HEADER]: options.adminSecret };
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const margin = options.refreshMarginMs ?? 60_000;
  const cache = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<CachedToken>>();

  const fail = (message: string, status: number, code: string, cause?: unknown): never => {
    throw new EmulatorSignInError(
      `Sign-in of ${options.user} at the local emulator (${endpoint}) failed: ${message}`,
      options.user,
      status,
      code,
      cause === undefined ? undefined : { cause },
    );
  };

  const signIn = async (scopes: readonly string[]): Promise<CachedToken> => {
    const requestedAt = now();
    let response: Response;
    try {
      response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...secretHeader },
        body: JSON.stringify({
          user: options.user,
          ...(scopes.length > 0 ? { scopes: [...scopes] } : {}),
          ...(options.expiresInSeconds !== undefined ? { expiresInSeconds: options.expiresInSeconds } : {}),
        }),
      });
    } catch (cause) {
      return fail(`the emulator is not reachable (${cause instanceof Error ? cause.message : String(cause)}). Is it running?`, 0, 'unreachable', cause);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const graphError = errorBodySchema.safeParse(body);
      return graphError.success
        ? fail(graphError.data.error.message, response.status, graphError.data.error.code)
        : fail(`HTTP ${response.status}: ${text.slice(0, 500)}`, response.status, `http${response.status}`);
    }
    const answer = tokenAnswerSchema.safeParse(body);
    if (!answer.success) {
      return fail(
        `unexpected answer (${answer.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')})`,
        response.status,
        'invalidResponse',
      );
    }
    return { accessToken: answer.data.access_token, expiresAtMs: requestedAt + answer.data.expires_in * 1000 };
  };

  return {
    user: options.user,
    clear: () => cache.clear(),
    async getToken(scopes: readonly string[], requestOptions?: TokenRequestOptions): Promise<string> {
      const key = scopeKey(scopes);
      const cached = cache.get(key);
      if (!requestOptions?.forceRefresh && cached && now() < cached.expiresAtMs - margin) return cached.accessToken;
      const pending = requestOptions?.forceRefresh ? undefined : inFlight.get(key);
      if (pending) return (await pending).accessToken;
      const request = signIn(key === '' ? [] : key.split(' '));
      inFlight.set(key, request);
      try {
        const token = await request;
        cache.set(key, token);
        return token.accessToken;
      } finally {
        if (inFlight.get(key) === request) inFlight.delete(key);
      }
    },
  };
}
