import { createEmulatorTokenProvider, EmulatorSignInError } from '../../src/auth/emulatorTokenProvider';
import { createGraphGateways, GraphAuthError, GraphForbiddenError, GraphNotFoundError } from '../../src/graph';
import type { TokenProvider } from '../../src/graph/tokenProvider';
import { EMULATOR_START_TIMEOUT_MS, type GraphHarness, startGraphHarness, upn } from './graphHarness';

let h: GraphHarness;
beforeAll(async () => {
  h = await startGraphHarness('katrin.berger');
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await h?.emulator.stop();
});

describe('users and organization against the emulator', () => {
  it('me() is the signed-in CEO', async () => {
    const me = await h.graph.users.me();
    expect(me).toMatchObject({
      displayName: 'Katrin Berger',
      userPrincipalName: upn('katrin.berger'),
      jobTitle: 'Geschäftsführerin',
      preferredLanguage: 'de-DE',
    });
    expect(me.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('memberOfIds() lists the object ids of her groups (management, all staff, the ISMS team), not the ISB’s', async () => {
    const ids = await h.graph.users.memberOfIds();
    const named = async (name: string) => (await h.graph.groups.find(name))[0]!.id;
    expect([...ids].sort()).toEqual([await named('Alle Mitarbeitenden'), await named('Geschäftsführung'), await named('ISMS Muster GmbH')].sort());
    expect(ids).not.toContain(await named('Informationssicherheit'));
  });

  it('get() finds the ISB by UPN and by id', async () => {
    const byUpn = await h.graph.users.get(upn('jonas.weber'));
    expect(byUpn.displayName).toBe('Jonas Weber');
    await expect(h.graph.users.get(byUpn.id)).resolves.toMatchObject({ userPrincipalName: upn('jonas.weber') });
  });

  it('get() of an unknown user is a GraphNotFoundError with a request-id', async () => {
    const error = await h.graph.users.get(upn('niemand')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphNotFoundError);
    expect((error as GraphNotFoundError).requestId).toBeTruthy();
  });

  it('search() finds people by the start of a name', async () => {
    const people = await h.graph.users.search('Sabine');
    expect(people.map((p) => p.displayName)).toContain('Sabine Koch');
  });

  it('groups.members() names the members: the call holds a user-read permission, so Graph answers more than ids', async () => {
    const [auditors] = await h.graph.groups.find('Auditoren');
    const members = await h.graph.groups.members(auditors!.id);
    expect(members.map((m) => [m.displayName, m.userPrincipalName])).toEqual([['Petra Prüfer', upn('petra.pruefer')]]);
  });

  it('organization.get() is Muster GmbH with its default domain', async () => {
    await expect(h.graph.organization.get()).resolves.toMatchObject({ displayName: 'Muster GmbH', defaultDomain: 'mustergmbh.onmicrosoft.com' });
  });
});

describe('auth against the emulator', () => {
  it('an expired token is refreshed once after the 401 and the call succeeds', async () => {
    const real = createEmulatorTokenProvider({ emulatorUrl: h.emulator.url, adminSecret: h.emulator.adminSecret, user: upn('jonas.weber') });
    const asked: boolean[] = [];
    let first = true;
    const provider: TokenProvider = {
      getToken: async (scopes, options) => {
        asked.push(options?.forceRefresh ?? false);
        if (first) {
          first = false;
          return h.emulator.token('jonas.weber', [...scopes], { expiresInSeconds: -60 });
        }
        return real.getToken(scopes, options);
      },
    };
    const graph = createGraphGateways({ baseUrl: h.emulator.graphUrl, tokenProvider: provider });
    await expect(graph.users.me()).resolves.toMatchObject({ displayName: 'Jonas Weber' });
    expect(asked).toEqual([false, true]);
  });

  it('a token that stays invalid ends in a GraphAuthError with the emulator’s code', async () => {
    const provider: TokenProvider = { getToken: async () => 'not-a-jwt' };
    const graph = createGraphGateways({ baseUrl: h.emulator.graphUrl, tokenProvider: provider });
    const error = await graph.users.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAuthError);
    expect((error as GraphAuthError).code).toBe('InvalidAuthenticationToken');
    expect((error as GraphAuthError).attempts).toBe(2);
  });

  it('a token without the needed scope is a GraphForbiddenError naming the scopes the call asked for', async () => {
    const provider: TokenProvider = { getToken: () => h.emulator.token('katrin.berger', ['User.Read']) };
    const graph = createGraphGateways({ baseUrl: h.emulator.graphUrl, tokenProvider: provider });
    const error = await graph.users.search('Jonas').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphForbiddenError);
    expect((error as GraphForbiddenError).status).toBe(403);
    expect((error as GraphForbiddenError).requestedScopes).toEqual(['User.ReadBasic.All']);
  });

  it('the emulator token provider reports an unknown demo user clearly', async () => {
    const provider = createEmulatorTokenProvider({ emulatorUrl: h.emulator.url, adminSecret: h.emulator.adminSecret, user: 'niemand@mustergmbh.onmicrosoft.com' });
    const error = await provider.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorSignInError);
    expect((error as EmulatorSignInError).status).toBe(404);
    expect((error as Error).message).toContain("No demo user 'niemand@mustergmbh.onmicrosoft.com'");
  });
});
