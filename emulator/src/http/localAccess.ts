/**
 * Who may talk to the emulator at all, and to its admin API. A web page open in the same browser
 * must not be able to mint tokens or reset data:
 * - the `Host` header must name this machine's loopback (localhost, *.localhost, 127.0.0.1, [::1]), or,
 *   when bound beyond loopback with `--host`, that host or an IP address: a DNS-rebound name (a hostile
 *   domain pointed at 127.0.0.1) is refused;
 * - `/_admin` needs the per-start admin secret in `x-emulator-admin-secret` (`/_admin/health` excepted)
 *   and never answers CORS, so no page can read it;
 * - `/_signin` answers only the app origins the emulator was started with (see admin/signIn.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { GraphError } from './graphError';

export const ADMIN_SECRET_HEADER = 'x-emulator-admin-secret';
export const ADMIN_SECRET_FILE = 'admin-secret';
/** Environment variable with a secret to use instead of a random one (test runners pass it at start). */
export const ADMIN_SECRET_ENV = 'EMULATOR_ADMIN_SECRET';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for an interface only this machine can reach. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The host name of a `Host` header, without the port (`[::1]:4365` → `[::1]`). */
function hostName(header: string): string {
  const bracketed = /^(\[[^\]]+\])(:\d+)?$/.exec(header);
  if (bracketed?.[1]) return bracketed[1];
  return header.replace(/:\d+$/, '');
}

/**
 * Null when the `Host` header is allowed, else the error to answer. `boundHost` is the interface the
 * server listens on; a specific non-loopback one (given with --host) is allowed too.
 */
export function checkHost(header: string | undefined, boundHost: string): GraphError | null {
  if (!header) return new GraphError(400, 'BadRequest', 'A request needs a Host header.');
  const name = hostName(header.trim()).toLowerCase();
  const bound = boundHost.toLowerCase();
  const boundName = bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound;
  if (isLoopback(name) || name === boundName) return null;
  // Bound beyond loopback (--host): other machines address it by IP; a DNS-rebound name is still refused.
  if (!isLoopback(bound) && (isIP(name) !== 0 || isIP(name.replace(/^\[|\]$/g, '')) !== 0)) return null;
  return new GraphError(
    403,
    'HostNotAllowed',
    `The emulator answers only requests for localhost, 127.0.0.1 or [::1] (or the interface given with --host), not for "${name}".`,
  );
}

/** The per-start admin secret: `EMULATOR_ADMIN_SECRET` when given, else a random one. */
export function newAdminSecret(given = process.env[ADMIN_SECRET_ENV]): string {
  if (given !== undefined && given.length > 0) {
    if (given.length < 16) throw new Error(`${ADMIN_SECRET_ENV} must be at least 16 characters.`);
    return given;
  }
  return randomBytes(24).toString('hex');
}

/** Writes `<dataDir>/admin-secret` (0600) for local tools; returns a function that removes it again. */
export function publishAdminSecret(dataDir: string, secret: string): () => void {
  if (dataDir === ':memory:') return () => undefined;
  const file = join(dataDir, ADMIN_SECRET_FILE);
  rmSync(file, { force: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8') === secret) rmSync(file, { force: true });
  };
}

/** Null when the request carries the admin secret, else the 401 to answer. */
export function checkAdminSecret(given: string | undefined, secret: string): GraphError | null {
  const a = Buffer.from(given ?? '', 'utf8');
  const b = Buffer.from(secret, 'utf8');
  if (a.length === b.length && timingSafeEqual(a, b)) return null;
  return new GraphError(
    401,
    'AdminSecretRequired',
    `The admin API needs the header ${ADMIN_SECRET_HEADER} with the secret the emulator printed at start (also in <data dir>/${ADMIN_SECRET_FILE}).`,
  );
}
