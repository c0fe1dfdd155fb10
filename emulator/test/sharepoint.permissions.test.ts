/**
 * SharePoint permissions as a site owner sets them up through SharePoint REST, enforced on Graph:
 * the seeded site permissions, a custom permission level, broken inheritance, role assignments, drift reads.
 */
import { startHarness, upn, type Harness } from './harness';

const SP = 'https://mustergmbh.sharepoint.com';
const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const LIST = 'Nachweise Test';
let h: Harness;
const spTokens = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function spToken(alias: string, scope = 'AllSites.FullControl'): Promise<string> {
  const key = `${alias}/${scope}`;
  if (!spTokens.has(key)) {
    const res = await h.admin('POST', '/token', { user: upn(alias), scopes: [`${SP}/${scope}`] });
    spTokens.set(key, ((await res.json()) as { access_token: string }).access_token);
  }
  return spTokens.get(key) as string;
}

async function rest(alias: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; scope?: string } = {}) {
  const res = await fetch(`${h.emulator.filesUrl}/sites/ISMS/_api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json;odata=nometadata',
      'Content-Type': 'application/json;odata=nometadata',
      Authorization: `Bearer ${await spToken(alias, init.scope)}`,
      ...(init.headers ?? {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
}

const graphAs = async (alias: string, path: string, init: { method?: string; body?: unknown } = {}) => h.graph(`${SITE}${path}`, { ...init, token: await h.token(alias) });

async function groupId(name: string): Promise<string> {
  const res = await h.graph(`/groups?$filter=displayName eq '${name}'&$select=id`);
  return ((await res.json()) as { value: { id: string }[] }).value[0]?.id as string;
}

describe('the seeded site', () => {
  it('gives staff no access, members edit, auditors read', async () => {
    expect((await graphAs('anna.mueller', '/lists')).status).toBe(403);
    const created = await graphAs('jonas.weber', '/lists', { method: 'POST', body: { displayName: LIST, list: { template: 'genericList' } } });
    expect(created.status).toBe(201);
    expect((await graphAs('katrin.berger', `/lists/${LIST}/items`, { method: 'POST', body: { fields: { Title: 'Leitlinie' } } })).status).toBe(201);
    expect((await graphAs('petra.pruefer', `/lists/${LIST}/items`)).status).toBe(200);
    const denied = await graphAs('petra.pruefer', `/lists/${LIST}/items/1/fields`, { method: 'PATCH', body: { Title: 'x' } });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('accessDenied');
    expect((await graphAs('petra.pruefer', '/lists', { method: 'POST', body: { displayName: 'Nope' } })).status).toBe(403);
  });

  it('answers the web, the current user and the default groups over REST', async () => {
    const web = await rest('lukas.schneider', '/web');
    expect(web.status).toBe(200);
    expect(web.body).toMatchObject({ Title: 'ISMS Muster GmbH', ServerRelativeUrl: '/sites/ISMS', Url: `${SP}/sites/ISMS` });
    const me = await rest('lukas.schneider', '/web/currentuser');
    expect(me.body).toMatchObject({ Title: 'Lukas Schneider', LoginName: `i:0#.f|membership|${upn('lukas.schneider')}`, IsSiteAdmin: true, PrincipalType: 1 });
    const groups = await rest('lukas.schneider', '/web/sitegroups');
    expect(groups.body.value.map((g: { Title: string }) => g.Title)).toEqual(['ISMS Muster GmbH Owners', 'ISMS Muster GmbH Members', 'ISMS Muster GmbH Visitors']);
    expect((await rest('anna.mueller', '/web')).status).toBe(403);
  });
});

describe('system fields', () => {
  it('sets createdBy from the token and refuses writes to Author, Editor, Created and Modified', async () => {
    for (const field of ['Author', 'AuthorLookupId', 'Editor', 'EditorLookupId', 'Created', 'Modified']) {
      const res = await graphAs('katrin.berger', `/lists/${LIST}/items`, { method: 'POST', body: { fields: { Title: 'x', [field]: field.endsWith('Id') ? '7' : 'y' } } });
      expect(res.status).toBe(400);
    }
    const forged = await graphAs('katrin.berger', `/lists/${LIST}/items`, {
      method: 'POST',
      body: { createdBy: { user: { displayName: 'Jonas Weber' } }, fields: { Title: 'Annahme' } },
    });
    expect(forged.status).toBe(201);
    const item = (await forged.json()) as { id: string; createdBy: { user: { displayName: string } } };
    expect(item.createdBy.user.displayName).toBe('Katrin Berger');
    const patched = await graphAs('katrin.berger', `/lists/${LIST}/items/${item.id}/fields`, { method: 'PATCH', body: { Editor: 'Jonas Weber' } });
    expect(patched.status).toBe(400);
    await graphAs('katrin.berger', `/lists/${LIST}/items/${item.id}`, { method: 'DELETE' });
  });
});

describe('setup by the site owner', () => {
  let management: number;
  let auditors: number;
  let contributeNoDelete: number;

  it('creates a permission level and resolves groups by object id', async () => {
    const contribute = await rest('lukas.schneider', "/web/roledefinitions/getbyname('Contribute')");
    expect(contribute.body.BasePermissions).toEqual({ High: '432', Low: '1011028719' });
    expect((await rest('lukas.schneider', "/web/roledefinitions/getbyname('Edit')")).body.BasePermissions).toEqual({ High: '432', Low: '1011030767' });
    const read = await rest('lukas.schneider', '/web/roledefinitions/getbyid(1073741826)');
    expect(read.body.BasePermissions).toEqual({ High: '176', Low: '138612833' });
    // Contribute without DeleteListItems (bit 3) and DeleteVersions (bit 7), plus EnumeratePermissions (High bit 30).
    const low = 1011028719 - 8 - 128;
    const made = await rest('lukas.schneider', '/web/roledefinitions', { method: 'POST', body: { Name: 'Beitragen ohne Löschen', BasePermissions: { High: String(432 + 2 ** 30), Low: String(low) } } });
    expect(made.status).toBe(201);
    contributeNoDelete = made.body.Id as number;
    expect((await rest('lukas.schneider', '/web/roledefinitions', { method: 'POST', body: { Name: 'Beitragen ohne Löschen', BasePermissions: { High: '0', Low: '1' } } })).status).toBe(400);
    const gf = await rest('lukas.schneider', '/web/ensureuser', { method: 'POST', body: { logonName: `c:0o.c|federateddirectoryclaimprovider|${await groupId('Geschäftsführung')}` } });
    expect(gf.body).toMatchObject({ Title: 'Geschäftsführung', PrincipalType: 4 });
    management = gf.body.Id as number;
    auditors = (await rest('lukas.schneider', '/web/ensureuser', { method: 'POST', body: { logonName: `c:0o.c|federateddirectoryclaimprovider|${await groupId('Auditoren')}` } })).body.Id as number;
    // A security-group claim for a Microsoft 365 group does not resolve.
    expect((await rest('lukas.schneider', '/web/ensureuser', { method: 'POST', body: { logonName: `c:0t.c|tenant|${await groupId('Auditoren')}` } })).status).toBe(404);
  });

  it('breaks inheritance, grants the groups and removes the caller: only they have access', async () => {
    const list = `/web/lists/getbytitle('${LIST}')`;
    expect((await rest('lukas.schneider', `${list}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, { method: 'POST' })).status).toBe(200);
    const afterBreak = await rest('lukas.schneider', `${list}/roleassignments?$expand=Member,RoleDefinitionBindings`);
    expect(afterBreak.body.value.map((a: { Member: { Title: string } }) => a.Member.Title)).toEqual(['Lukas Schneider']);
    const me = afterBreak.body.value[0].PrincipalId as number;
    expect((await rest('lukas.schneider', `${list}/roleassignments/addroleassignment(principalid=${management},roledefid=${contributeNoDelete})`, { method: 'POST' })).status).toBe(200);
    expect((await rest('lukas.schneider', `${list}/roleassignments/addroleassignment(principalid=${auditors},roledefid=1073741826)`, { method: 'POST' })).status).toBe(200);
    expect((await rest('lukas.schneider', `${list}/roleassignments/removeroleassignment(principalid=${me},roledefid=1073741829)`, { method: 'POST' })).status).toBe(200);
    const merged = await rest('lukas.schneider', list, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: { EnableVersioning: true } });
    expect(merged.status).toBe(204);
    const info = await rest('lukas.schneider', list);
    expect(info.body).toMatchObject({ Title: LIST, HasUniqueRoleAssignments: true, EnableVersioning: true, ReadSecurity: 1, WriteSecurity: 1 });

    // Top management adds and edits but cannot delete; the ISB (not granted here) no longer sees the list.
    const second = await graphAs('katrin.berger', `/lists/${LIST}/items`, { method: 'POST', body: { fields: { Title: 'Zweites' } } });
    expect(second.status).toBe(201);
    const secondId = ((await second.json()) as { id: string }).id;
    expect((await graphAs('katrin.berger', `/lists/${LIST}/items/1/fields`, { method: 'PATCH', body: { Title: 'Leitlinie 2026' } })).status).toBe(200);
    expect((await graphAs('katrin.berger', `/lists/${LIST}/items/1`, { method: 'DELETE' })).status).toBe(403);
    expect((await graphAs('jonas.weber', `/lists/${LIST}/items`)).status).toBe(404);
    const lists = (await (await graphAs('jonas.weber', '/lists')).json()) as { value: { displayName: string }[] };
    expect(lists.value.map((l) => l.displayName)).not.toContain(LIST);
    // Auditors read, never write; the site collection admin still may do everything.
    expect((await graphAs('petra.pruefer', `/lists/${LIST}/items`)).status).toBe(200);
    expect((await graphAs('petra.pruefer', `/lists/${LIST}/items`, { method: 'POST', body: { fields: { Title: 'x' } } })).status).toBe(403);
    expect((await graphAs('lukas.schneider', `/lists/${LIST}/items/${secondId}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('lets the drift check read assignments and refuses changes by those without Manage Permissions', async () => {
    const list = `/web/lists/getbytitle('${LIST}')`;
    const drift = await rest('katrin.berger', `${list}/roleassignments?$expand=Member,RoleDefinitionBindings`, { scope: 'AllSites.Read' });
    expect(drift.status).toBe(200);
    expect(drift.body.value.map((a: { Member: { Title: string }; RoleDefinitionBindings: { Name: string }[] }) => [a.Member.Title, a.RoleDefinitionBindings.map((b) => b.Name)])).toEqual([
      ['Geschäftsführung', ['Beitragen ohne Löschen']],
      ['Auditoren', ['Read']],
    ]);
    // Read alone (auditors) does not include EnumeratePermissions.
    expect((await rest('petra.pruefer', `${list}/roleassignments`, { scope: 'AllSites.Read' })).status).toBe(403);
    const refused = await rest('katrin.berger', `${list}/resetroleinheritance`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } } });
    // A token with only AllSites.Read cannot change permissions even for the owner.
    expect((await rest('lukas.schneider', `${list}/resetroleinheritance`, { method: 'POST', scope: 'AllSites.Read' })).status).toBe(403);
    const mine = await rest('katrin.berger', `${list}/EffectiveBasePermissions`, { scope: 'AllSites.Read' });
    expect(BigInt(mine.body.Low) & 8n).toBe(0n);
    expect(BigInt(mine.body.Low) & 4n).toBe(4n);
    const auditor = await rest('lukas.schneider', `${list}/getusereffectivepermissions(@u)?@u='${encodeURIComponent(`i:0#.f|membership|${upn('petra.pruefer')}`)}'`);
    expect(auditor.body).toEqual({ High: '176', Low: '138612833' });
  });

  it('reads only own items with ReadSecurity 2, and restores inheritance on reset', async () => {
    const list = `/web/lists/getbytitle('${LIST}')`;
    expect((await rest('lukas.schneider', list, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE' }, body: { ReadSecurity: 2 } })).status).toBe(204);
    const mine = await graphAs('sabine.koch', `/lists/${LIST}/items`, { method: 'POST', body: { fields: { Title: 'Sabines' } } });
    expect(mine.status).toBe(201);
    const seen = (await (await graphAs('sabine.koch', `/lists/${LIST}/items?$expand=fields`)).json()) as { value: { fields: { Title: string } }[] };
    expect(seen.value.map((i) => i.fields.Title)).toEqual(['Sabines']);
    expect((await graphAs('sabine.koch', `/lists/${LIST}/items/1`)).status).toBe(404);
    // Auditors with Read see none of the others' items; "Override List Behaviors" (CancelCheckout, bit 9) lifts it.
    const auditorItems = async () => ((await (await graphAs('petra.pruefer', `/lists/${LIST}/items?$expand=fields`)).json()) as { value: { fields: { Title: string } }[] }).value.map((i) => i.fields.Title);
    expect(await auditorItems()).toEqual([]);
    const readAll = await rest('lukas.schneider', '/web/roledefinitions', { method: 'POST', body: { Name: 'Alle lesen', BasePermissions: { High: '176', Low: String(138612833 + 256) } } });
    expect(readAll.status).toBe(201);
    expect((await rest('lukas.schneider', `${list}/roleassignments/addroleassignment(principalid=${auditors},roledefid=${readAll.body.Id as number})`, { method: 'POST' })).status).toBe(200);
    expect(await auditorItems()).toContain('Sabines');
    expect((await graphAs('petra.pruefer', `/lists/${LIST}/items/1`)).status).toBe(200);
    expect((await rest('katrin.berger', `${list}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`, { method: 'POST' })).status).toBe(403);
    expect((await rest('lukas.schneider', `${list}/resetroleinheritance`, { method: 'POST' })).status).toBe(200);
    expect((await rest('lukas.schneider', list)).body.HasUniqueRoleAssignments).toBe(false);
    expect((await graphAs('jonas.weber', `/lists/${LIST}/items`)).status).toBe(200);
  });

  it('cannot break the root web of a site collection', async () => {
    expect((await rest('lukas.schneider', '/web/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)', { method: 'POST' })).status).toBe(400);
  });
});

describe('version history over REST', () => {
  it('lists item versions and deletes an earlier one only with the DeleteVersions right', async () => {
    const list = 'Versionen REST';
    expect((await graphAs('jonas.weber', '/lists', { method: 'POST', body: { displayName: list, list: { template: 'genericList' } } })).status).toBe(201);
    const created = (await (await graphAs('katrin.berger', `/lists/${list}/items`, { method: 'POST', body: { fields: { Title: 'v1' } } })).json()) as { id: string };
    await graphAs('katrin.berger', `/lists/${list}/items/${created.id}/fields`, { method: 'PATCH', body: { Title: 'v2' } });
    const path = `/web/lists/getbytitle('${list}')/items(${created.id})/versions`;
    const listed = await rest('katrin.berger', path, { scope: 'AllSites.Read' });
    expect(listed.status).toBe(200);
    expect(listed.body.value.map((v: { VersionLabel: string; VersionId: number }) => [v.VersionLabel, v.VersionId])).toEqual([['2.0', 1024], ['1.0', 512]]);

    // Visitors (Read) may see versions but not delete them.
    expect((await rest('petra.pruefer', path, { scope: 'AllSites.Read' })).status).toBe(200);
    expect((await rest('petra.pruefer', `${path}/deletebyid(512)`, { method: 'POST', scope: 'AllSites.Write' })).status).toBe(403);
    // A permission level without DeleteVersions (as a site owner would make it) refuses members too.
    const levels = await rest('lukas.schneider', '/web/roledefinitions', {
      method: 'POST',
      body: { Name: 'Ohne Versionen löschen', Description: 'Edit without DeleteVersions', BasePermissions: { High: '0', Low: String(1 | 2 | 4 | 64 | 65536 | 131072 | 262144) } },
    });
    expect(levels.status).toBe(201);
    const me = await rest('katrin.berger', '/web/currentuser');
    await rest('lukas.schneider', `/web/lists/getbytitle('${list}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, { method: 'POST' });
    expect((await rest('lukas.schneider', `/web/lists/getbytitle('${list}')/roleassignments/addroleassignment(principalid=${me.body.Id},roledefid=${levels.body.Id})`, { method: 'POST' })).status).toBe(200);
    expect((await rest('katrin.berger', `${path}/deletebyid(512)`, { method: 'POST', scope: 'AllSites.Write' })).status).toBe(403);
    // The site owner may (site collection admin).
    expect((await rest('lukas.schneider', `${path}/deletebyid(512)`, { method: 'POST' })).status).toBe(200);
    const after = await rest('lukas.schneider', path);
    expect(after.body.value.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['2.0']);
  });
});
