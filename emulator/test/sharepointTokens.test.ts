/** Tokens for the SharePoint audience, the audience check on both hosts, and where SharePoint host names are served. */
import { adminHeaders, startHarness, upn, type Harness } from './harness';

const SP = 'https://mustergmbh.sharepoint.com';
const APP = 'http://localhost:5173';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ appOrigins: [APP] });
});
afterAll(() => h.stop());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { aud: string; scp: string };
const tokenRequest = (scopes: string[]) => h.admin('POST', '/token', { user: upn('lukas.schneider'), scopes });
const rest = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${h.emulator.filesUrl}/sites/ISMS/_api${path}`, {
    ...init,
    headers: { Accept: 'application/json;odata=nometadata', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  });

describe('tokens', () => {
  it('issues a SharePoint-audience token for resource-qualified SharePoint scopes', async () => {
    const res = await tokenRequest([`${SP}/AllSites.FullControl`]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; scope: string };
    expect(claimsOf(body.access_token)).toMatchObject({ aud: SP, scp: 'AllSites.FullControl' });
    expect(body.scope).toBe(`${SP}/AllSites.FullControl`);
  });

  it('keeps bare scopes and https://graph.microsoft.com/ scopes on Graph', async () => {
    const body = (await (await tokenRequest(['https://graph.microsoft.com/User.Read', 'Sites.Read.All'])).json()) as { access_token: string };
    expect(claimsOf(body.access_token)).toMatchObject({ aud: 'https://graph.microsoft.com', scp: 'User.Read Sites.Read.All' });
  });

  it('refuses Graph and SharePoint scopes in one request with AADSTS28000', async () => {
    const res = await tokenRequest(['Sites.Read.All', `${SP}/AllSites.Read`]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('AADSTS28000');
  });

  it('refuses a scope SharePoint does not define and a resource the tenant does not have', async () => {
    expect((await tokenRequest([`${SP}/Sites.Read.All`])).status).toBe(400);
    expect((await tokenRequest(['https://other.sharepoint.com/AllSites.Read'])).status).toBe(400);
  });

  it('also issues SharePoint tokens through the app sign-in', async () => {
    const res = await fetch(`${h.emulator.url}/_signin/token`, {
      method: 'POST',
      headers: { Origin: APP, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: upn('katrin.berger'), scopes: [`${SP}/AllSites.Read`] }),
    });
    expect(claimsOf(((await res.json()) as { access_token: string }).access_token).aud).toBe(SP);
  });
});

describe('audience', () => {
  it('answers a SharePoint token at Graph with 401 InvalidAuthenticationToken (invalid audience)', async () => {
    const token = ((await (await tokenRequest([`${SP}/AllSites.FullControl`])).json()) as { access_token: string }).access_token;
    const res = await h.graph('/me', { token });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Invalid audience.' });
  });

  it('answers a Graph token at SharePoint REST with 401 and the audience diagnostics', async () => {
    const res = await rest('/web', await h.token('lukas.schneider'));
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ms-diagnostics')).toContain("Invalid audience Uri 'https://graph.microsoft.com'");
    expect(res.headers.get('www-authenticate')).toContain('client_id="00000003-0000-0ff1-ce00-000000000000"');
    expect(((await res.json()) as { error_description: string }).error_description).toContain('AudienceUriValidationFailedException');
  });

  it('answers SharePoint REST without a token with 401', async () => {
    expect((await rest('/web', null)).status).toBe(401);
  });
});

describe('hosts', () => {
  it('tells the app and admin callers where the SharePoint host is served', async () => {
    const admin = await fetch(`${h.emulator.url}/_admin/hosts`, { headers: adminHeaders(h.emulator) });
    expect(await admin.json()).toEqual({ 'mustergmbh.sharepoint.com': h.emulator.filesUrl });
    const app = await fetch(`${h.emulator.url}/_signin/hosts`, { headers: { Origin: APP } });
    expect(await app.json()).toEqual({ 'mustergmbh.sharepoint.com': h.emulator.filesUrl });
    expect((await fetch(`${h.emulator.url}/_signin/hosts`, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await fetch(`${h.emulator.url}/_admin/hosts`)).status).toBe(401);
  });
});
