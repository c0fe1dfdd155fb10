/** Writing groups through Graph (identity/groupWrites.ts): create, rename, add members; only owners change a group. */
import { startHarness, upn, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const userId = async (alias: string) => ((await (await h.graph(`/users/${encodeURIComponent(upn(alias))}`)).json()) as { id: string }).id;

describe('group writes', () => {
  it('creates a group (the creator owns it), renames it to an existing name and adds a member', async () => {
    const token = await h.token('lukas.schneider', ['Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'GroupMember.Read.All']);
    const create = await h.graph('/groups', { method: 'POST', token, body: { displayName: 'IT Team', mailNickname: 'itteam', mailEnabled: false, securityEnabled: true } });
    expect(create.status).toBe(201);
    const group = (await create.json()) as { id: string; displayName: string };
    expect(group.displayName).toBe('IT Team');

    const rename = await h.graph(`/groups/${group.id}`, { method: 'PATCH', token, body: { displayName: 'Geschäftsführung' } });
    expect(rename.status).toBe(204);
    const named = (await (await h.graph(`/groups?$filter=displayName eq 'Geschäftsführung'`, { token })).json()) as { value: { id: string }[] };
    expect(named.value.map((g) => g.id)).toContain(group.id);
    expect(named.value.length).toBe(2); // display names are not unique

    const anna = await userId('anna.mueller');
    const add = await h.graph(`/groups/${group.id}/members/$ref`, { method: 'POST', token, body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${anna}` } });
    expect(add.status).toBe(204);
    const again = await h.graph(`/groups/${group.id}/members/$ref`, { method: 'POST', token, body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${anna}` } });
    expect(again.status).toBe(400);
    const members = (await (await h.graph(`/groups/${group.id}/members`, { token, headers: { ConsistencyLevel: 'eventual' } })).json()) as { value: { id: string }[] };
    expect(members.value.map((m) => m.id)).toEqual([anna]);
  });

  it('refuses a caller without the permission, and one who does not own the group', async () => {
    const readOnly = await h.token('lukas.schneider', ['GroupMember.Read.All']);
    expect((await h.graph('/groups', { method: 'POST', token: readOnly, body: { displayName: 'x', mailNickname: 'x', mailEnabled: false, securityEnabled: true } })).status).toBe(403);
    const julia = await h.token('julia.fischer', ['Group.ReadWrite.All', 'GroupMember.Read.All']);
    const all = (await (await h.graph(`/groups?$filter=displayName eq 'Auditoren'`, { token: julia })).json()) as { value: { id: string }[] };
    const auditors = all.value[0]!.id;
    const rename = await h.graph(`/groups/${auditors}`, { method: 'PATCH', token: julia, body: { displayName: 'Geschäftsführung' } });
    expect(rename.status).toBe(403);
    expect(((await rename.json()) as { error: { code: string } }).error.code).toBe('Authorization_RequestDenied');
    expect((await h.graph('/groups', { method: 'POST', token: julia, body: { displayName: 'x' } })).status).toBe(400);
  });
});
