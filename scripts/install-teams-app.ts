/**
 * Installs Chefsache's Teams app in the local emulator the way a tenant admin does (upload the app package, install
 * it for everyone): `PUT /_admin/teamwork/apps/{manifest id}` with the manifest's `activities` and its
 * `webApplicationInfo.id` (the Entra client the demo sign-in uses, read from a token's `appid` claim), installed for
 * every demo user. Without it Teams (and the emulator) refuse every activity notification (403).
 * Used by `scripts/setup-demo.ts` (npm start, emulator:reset) and test/support/setUpEmulator.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEAMS_APP_ID } from '../src/features/nudges';

const ADMIN_HEADER = 'x-emulator-admin-secret';

export async function installTeamsAppInEmulator(emulatorUrl: string, adminSecret: string, options: { fetch?: typeof fetch; teamsAppId?: string } = {}): Promise<void> {
  const f = options.fetch ?? fetch;
  const base = emulatorUrl.replace(/\/+$/, '');
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await f(`${base}/_admin${path}`, {
      method,
      headers: { [ADMIN_HEADER]: adminSecret, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} /_admin${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'manifest', 'manifest.json'), 'utf8')) as { activities?: unknown };
  const users = (await admin('GET', '/users')) as { userPrincipalName: string }[];
  const token = (await admin('POST', '/token', { user: users[0]!.userPrincipalName, scopes: ['User.Read'] })) as { access_token: string };
  const claims = JSON.parse(Buffer.from(token.access_token.split('.')[1]!, 'base64url').toString('utf8')) as { appid?: string };
  if (!claims.appid) throw new Error('The emulator token names no appid.');
  await admin('PUT', `/teamwork/apps/${options.teamsAppId ?? DEFAULT_TEAMS_APP_ID}`, {
    webApplicationInfo: { id: claims.appid },
    activities: manifest.activities,
    installedFor: users.map((u) => u.userPrincipalName),
  });
}
