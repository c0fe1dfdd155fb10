/**
 * The SharePoint REST gateway against fixtures of SharePoint Online's answers (JSON light, odata=nometadata),
 * each named by the Microsoft Learn page that documents the call.
 */
import { GraphForbiddenError } from '../pipeline/errors';
import { FakeClock, FakeTokenProvider, fakeFetch, jsonResponse, type RecordedCall } from '../testSupport/fakeGraph';
import { decodePermissions, encodePermissions } from './basePermissions';
import { createSharePointRestGateway } from './sharePointRestGateway';

const SITE = 'https://contoso.sharepoint.com/sites/ISMS';
const OID = '3f2c1a9e-5b7d-4c2e-9a1f-0d6e8b4c7a21';

function gateway(respond: (call: RecordedCall) => Response, originOf?: (host: string) => string) {
  const fake = fakeFetch(respond);
  const tokens = new FakeTokenProvider();
  const sp = createSharePointRestGateway({ siteUrl: SITE, tokenProvider: tokens, fetch: fake.fetch, clock: new FakeClock(), random: () => 0, ...(originOf ? { originOf } : {}) });
  return { sp, calls: fake.calls, tokens };
}

// Learn "Users, groups, and roles REST API reference" / "SP.RoleDefinition": the built-in Read level.
const READ_LEVEL = { Id: 1073741826, Name: 'Read', Description: 'Can view pages and list items and download documents.', RoleTypeKind: 2, Hidden: false, Order: 128, BasePermissions: { High: '176', Low: '138612833' } };

describe('SharePoint REST gateway', () => {
  test('permission bits: the built-in Read level decodes to its documented kinds and encodes back', () => {
    const kinds = decodePermissions(READ_LEVEL.BasePermissions);
    expect(kinds).toEqual(expect.arrayContaining(['ViewListItems', 'OpenItems', 'ViewVersions', 'Open', 'ViewPages', 'BrowseUserInfo', 'UseRemoteAPIs', 'CreateAlerts']));
    expect(kinds).not.toContain('EditListItems');
    expect(encodePermissions(kinds)).toEqual(READ_LEVEL.BasePermissions);
    expect(encodePermissions(['EnumeratePermissions'])).toEqual({ High: String(2 ** 30), Low: '0' });
  });

  test('reads a list (Learn "Working with lists and list items with REST") with JSON light and a SharePoint-audience read scope', async () => {
    const { sp, calls, tokens } = gateway(() =>
      jsonResponse(200, { Id: 'b1c2d3e4-0000-4000-8000-000000000001', Title: 'Chefsache Nachweise', HasUniqueRoleAssignments: false, EnableVersioning: true }),
    );
    const list = await sp.list('Chefsache Nachweise');
    expect(list).toEqual({ id: 'b1c2d3e4-0000-4000-8000-000000000001', title: 'Chefsache Nachweise', hasUniqueRoleAssignments: false, enableVersioning: true, readSecurity: 1, writeSecurity: 1 });
    expect(decodeURIComponent(calls[0]!.url)).toBe(
      `${SITE}/_api/web/lists/getbytitle('Chefsache Nachweise')?$select=Id,Title,HasUniqueRoleAssignments,EnableVersioning,ReadSecurity,WriteSecurity`,
    );
    expect(calls[0]!.headers.accept).toBe('application/json;odata=nometadata');
    expect(tokens.requests[0]!.scopes).toEqual(['https://contoso.sharepoint.com/AllSites.Read']);
  });

  test('a missing list is undefined; SharePoint’s access-denied body becomes a GraphForbiddenError with its message', async () => {
    const notFound = { 'odata.error': { code: '-2130575322, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: "List 'X' does not exist at site with URL 'https://contoso.sharepoint.com/sites/ISMS'." } } };
    const denied = { 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } };
    const { sp } = gateway((call) => (call.url.includes('getbytitle') ? jsonResponse(404, notFound) : jsonResponse(403, denied)));
    await expect(sp.list('X')).resolves.toBeUndefined();
    const error = await sp.roleDefinitions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphForbiddenError);
    expect(error).toMatchObject({ code: '-2147024891, System.UnauthorizedAccessException', message: 'Access denied.' });
  });

  test('role assignments with Member and RoleDefinitionBindings expanded (Learn "Set custom permissions on a list by using the REST interface")', async () => {
    const { sp, calls } = gateway(() =>
      jsonResponse(200, {
        value: [
          { PrincipalId: 11, Member: { Id: 11, Title: 'Geschäftsführung', LoginName: `c:0o.c|federateddirectoryclaimprovider|${OID}`, PrincipalType: 4 }, RoleDefinitionBindings: [READ_LEVEL] },
          { PrincipalId: 5, Member: { Id: 5, Title: 'ISMS Members', LoginName: 'ISMS Members', PrincipalType: 8 }, RoleDefinitionBindings: [] },
        ],
      }),
    );
    const assignments = await sp.roleAssignments('Chefsache Nachweise');
    expect(decodeURIComponent(calls[0]!.url)).toContain("/_api/web/lists/getbytitle('Chefsache Nachweise')/roleassignments?$expand=Member,RoleDefinitionBindings");
    expect(assignments[0]).toMatchObject({ principal: { id: 11, type: 'securityGroup', entraObjectId: OID }, roles: [{ id: 1073741826, name: 'Read', builtIn: true }] });
    expect(assignments[1]!.principal).toEqual({ id: 5, title: 'ISMS Members', loginName: 'ISMS Members', type: 'sharePointGroup' });
  });

  test('writes: ensureuser with the group claim, a role definition, break inheritance, add/remove assignment, MERGE versioning; all with AllSites.FullControl', async () => {
    const { sp, calls, tokens } = gateway((call) => {
      if (call.url.endsWith('/ensureuser')) return jsonResponse(200, { Id: 12, Title: 'Auditoren', LoginName: `c:0o.c|federateddirectoryclaimprovider|${OID}`, PrincipalType: 4 });
      if (call.url.endsWith('/roledefinitions')) return jsonResponse(201, { Id: 1073741930, Name: 'Chefsache – Lesen und prüfen', Description: 'x', RoleTypeKind: 0, BasePermissions: { High: '1073742000', Low: '138612833' } });
      return new Response(null, { status: 200 });
    });
    expect(await sp.ensureGroup(OID, 'microsoft365')).toMatchObject({ id: 12, entraObjectId: OID });
    expect(calls[0]!.json()).toEqual({ logonName: `c:0o.c|federateddirectoryclaimprovider|${OID}` });
    const level = await sp.createRoleDefinition({ name: 'Chefsache – Lesen und prüfen', description: 'x', permissions: ['ViewListItems', 'EnumeratePermissions'] });
    expect(level).toMatchObject({ id: 1073741930, builtIn: false });
    expect(level.permissions).toContain('EnumeratePermissions');
    expect(calls[1]!.json()).toEqual({ Name: 'Chefsache – Lesen und prüfen', Description: 'x', Order: 0, BasePermissions: { High: String(2 ** 30), Low: '1' } });
    await sp.breakRoleInheritance('Chefsache Nachweise', { copyRoleAssignments: false, clearSubscopes: true });
    await sp.addRoleAssignment('Chefsache Nachweise', 12, 1073741930);
    await sp.removeRoleAssignment('Chefsache Nachweise', 5, 1073741829);
    await sp.setVersioning('Chefsache Nachweise', true);
    const paths = calls.slice(2).map((c) => `${c.method} ${decodeURIComponent(c.url).slice(SITE.length)}`);
    expect(paths).toEqual([
      "POST /_api/web/lists/getbytitle('Chefsache Nachweise')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)",
      "POST /_api/web/lists/getbytitle('Chefsache Nachweise')/roleassignments/addroleassignment(principalid=12,roledefid=1073741930)",
      "POST /_api/web/lists/getbytitle('Chefsache Nachweise')/roleassignments/removeroleassignment(principalid=5,roledefid=1073741829)",
      "POST /_api/web/lists/getbytitle('Chefsache Nachweise')",
    ]);
    expect(calls[5]!.headers).toMatchObject({ 'x-http-method': 'MERGE', 'if-match': '*' });
    expect(calls[5]!.json()).toEqual({ EnableVersioning: true });
    expect(new Set(tokens.requests.map((r) => r.scopes.join(' ')))).toEqual(new Set(['https://contoso.sharepoint.com/AllSites.FullControl']));
  });

  test('the emulator serves the SharePoint host elsewhere: only the base URL changes, the token audience stays the real host', async () => {
    const { sp, calls, tokens } = gateway(
      () => jsonResponse(200, { Id: 'w1', Title: 'ISMS', Url: SITE, ServerRelativeUrl: '/sites/ISMS' }),
      (host) => (host === 'contoso.sharepoint.com' ? 'http://localhost:4366' : `https://${host}`),
    );
    expect(await sp.web()).toEqual({ id: 'w1', title: 'ISMS', url: SITE, serverRelativeUrl: '/sites/ISMS' });
    expect(calls[0]!.url.startsWith('http://localhost:4366/sites/ISMS/_api/web?')).toBe(true);
    expect(tokens.requests[0]!.scopes).toEqual(['https://contoso.sharepoint.com/AllSites.Read']);
    expect(sp.siteUrl).toBe(SITE);
  });
});
