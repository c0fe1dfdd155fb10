import { jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';

describe('users gateway', () => {
  it('me() maps the signed-in user and asks only for User.Read', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, {
        id: 'u1',
        displayName: 'Katrin Berger',
        userPrincipalName: 'katrin.berger@mustergmbh.onmicrosoft.com',
        mail: null,
        jobTitle: 'Geschäftsführerin',
        department: null,
      }),
    );
    await expect(graph.users.me()).resolves.toEqual({
      id: 'u1',
      displayName: 'Katrin Berger',
      userPrincipalName: 'katrin.berger@mustergmbh.onmicrosoft.com',
      jobTitle: 'Geschäftsführerin',
    });
    expect(relativeCall(calls[0]!)).toBe('/me?$select=id,displayName,userPrincipalName,mail,jobTitle,department,preferredLanguage');
    expect(tokens.requests[0]?.scopes).toEqual(['User.Read']);
  });

  it('search() sends $search with $count=true and ConsistencyLevel: eventual, and strips quotes from the term', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, { '@odata.count': 1, value: [{ id: 'u2', displayName: 'Jonas Weber', userPrincipalName: 'jonas.weber@x' }] }),
    );
    const people = await graph.users.search('  Jo"nas ');
    expect(people.map((p) => p.displayName)).toEqual(['Jonas Weber']);
    const call = calls[0]!;
    expect(call.headers.consistencylevel).toBe('eventual');
    const url = new URL(call.url);
    expect(url.searchParams.get('$search')).toBe('"displayName:Jo nas" OR "mail:Jo nas"');
    expect(url.searchParams.get('$count')).toBe('true');
    expect(relativeCall(call)).not.toContain('+');
    expect(tokens.requests[0]?.scopes).toEqual(['User.ReadBasic.All']);
  });

  it('search() with only blanks asks Graph nothing', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, { value: [] }));
    await expect(graph.users.search('   ')).resolves.toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('memberOfIds() keeps groups only, across pages, with User.Read (ids are all roles need)', async () => {
    const { graph, tokens } = gatewaysWith((call) =>
      call.url.includes('skiptoken')
        ? jsonResponse(200, { value: [{ '@odata.type': '#microsoft.graph.group', id: 'g2', displayName: 'Alle Mitarbeitenden', mailNickname: 'alle' }] })
        : jsonResponse(200, {
            value: [
              { '@odata.type': '#microsoft.graph.group', id: 'g1', displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' },
              { '@odata.type': '#microsoft.graph.directoryRole', id: 'r1', displayName: 'Global Reader' },
            ],
            '@odata.nextLink': 'https://graph.example/v1.0/me/memberOf?$skiptoken=2',
          }),
    );
    await expect(graph.users.memberOfIds()).resolves.toEqual(['g1', 'g2']);
    expect(tokens.requests[0]?.scopes).toEqual(['User.Read']);
  });

  it('get() addresses a user by UPN in the path', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, { id: 'u3', displayName: 'Petra Prüfer', userPrincipalName: 'petra.pruefer@x' }));
    await graph.users.get('petra.pruefer@mustergmbh.onmicrosoft.com');
    expect(calls[0]?.url).toContain('/users/petra.pruefer%40mustergmbh.onmicrosoft.com?');
  });
});

describe('organization gateway', () => {
  it('returns the first organization with its default domain', async () => {
    const { graph } = gatewaysWith(() =>
      jsonResponse(200, {
        value: [
          {
            id: 'o1',
            displayName: 'Muster GmbH',
            verifiedDomains: [
              { name: 'muster.example', isDefault: false },
              { name: 'mustergmbh.onmicrosoft.com', isDefault: true },
            ],
          },
        ],
      }),
    );
    await expect(graph.organization.get()).resolves.toEqual({ id: 'o1', displayName: 'Muster GmbH', defaultDomain: 'mustergmbh.onmicrosoft.com' });
  });
});

describe('sites gateway', () => {
  const site = { id: 'mustergmbh.sharepoint.com,a,b', name: 'ISMS', displayName: 'ISMS Muster GmbH', webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS' };

  it('byPath() uses the host:/sites/path form', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, site));
    await expect(graph.sites.byPath('mustergmbh.sharepoint.com', 'ISMS')).resolves.toEqual(site);
    expect(relativeCall(calls[0]!)).toBe('/sites/mustergmbh.sharepoint.com:/sites/ISMS');
  });

  it('fromWebUrl() turns a browser URL into the host:/path form, and the root site into the host', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, site));
    await graph.sites.fromWebUrl('https://mustergmbh.sharepoint.com/sites/ISMS/');
    await graph.sites.fromWebUrl('https://mustergmbh.sharepoint.com');
    expect(calls.map(relativeCall)).toEqual(['/sites/mustergmbh.sharepoint.com:/sites/ISMS', '/sites/mustergmbh.sharepoint.com']);
  });

  it('byId() keeps the commas of a composite site id', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, site));
    await graph.sites.byId('mustergmbh.sharepoint.com,a,b');
    expect(calls[0]?.url).toBe('https://graph.example/v1.0/sites/mustergmbh.sharepoint.com,a,b');
  });
});
