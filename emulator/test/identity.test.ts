/** Conformance of the directory routes with Microsoft's documented responses. */
import { contextFragment, loadFixture, shapeDifferences, startHarness, upn, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function expectLikeFixture(res: Response, fixtureName: string): Promise<Record<string, unknown>> {
  const fixture = loadFixture(fixtureName);
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status).toBe(fixture.status);
  expect(shapeDifferences(body, fixture.body, fixture.exactKeys)).toEqual([]);
  const expectedContext = (fixture.body as Record<string, unknown>)['@odata.context'];
  if (expectedContext !== undefined) expect(contextFragment(body['@odata.context'])).toBe(contextFragment(expectedContext));
  return body;
}

describe('GET /me and /users/{id}', () => {
  it('answers the signed-in user with exactly the default property set', async () => {
    const body = await expectLikeFixture(await h.graph('/me'), 'user-get.json');
    expect(body.displayName).toBe('Katrin Berger');
    expect(body.jobTitle).toBe('Geschäftsführerin');
    expect(body['@odata.context']).toBe(`${h.emulator.url}/v1.0/$metadata#users/$entity`);
  });

  it('finds a user by id and by userPrincipalName', async () => {
    const me = (await (await h.graph('/me')).json()) as { id: string };
    const byId = await expectLikeFixture(await h.graph(`/users/${me.id}`), 'user-get.json');
    const byUpn = await expectLikeFixture(await h.graph(`/users/${encodeURIComponent(upn('katrin.berger'))}`), 'user-get.json');
    expect(byUpn.id).toBe(byId.id);
  });

  it('returns only the $select-ed properties with the context naming them', async () => {
    const body = await expectLikeFixture(
      await h.graph('/users/jonas.weber@mustergmbh.onmicrosoft.com?$select=displayName,givenName,postalCode,identities'),
      'user-get-select.json',
    );
    expect(body.givenName).toBe('Jonas');
    expect(body.postalCode).toBeNull();
  });

  it('answers an unknown user with 404 Request_ResourceNotFound', async () => {
    const res = await h.graph('/users/nobody@mustergmbh.onmicrosoft.com');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('Request_ResourceNotFound');
    expect(body.error.message).toContain('nobody@mustergmbh.onmicrosoft.com');
  });

  it('refuses $select of a property users do not have', async () => {
    const res = await h.graph('/me?$select=displayName,shoeSize');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("'shoeSize'");
  });
});

describe('GET /users', () => {
  it('lists the 25 people of Muster GmbH with the default properties', async () => {
    const body = await expectLikeFixture(await h.graph('/users'), 'user-list.json');
    const value = body.value as { userPrincipalName: string }[];
    expect(value).toHaveLength(25);
    expect(value.map((u) => u.userPrincipalName)).toEqual(
      expect.arrayContaining([upn('katrin.berger'), upn('jonas.weber'), upn('thomas.schmidt'), upn('sabine.koch'), upn('petra.pruefer'), upn('anna.mueller')]),
    );
    expect(body['@odata.nextLink']).toBeUndefined();
  });

  it('filters with startswith on displayName', async () => {
    const body = (await (await h.graph("/users?$filter=startswith(displayName,'K')&$select=displayName")).json()) as { value: { displayName: string }[] };
    expect(body.value.map((u) => u.displayName)).toEqual(['Katrin Berger']);
  });

  it('pages with $top and an absolute nextLink until the end', async () => {
    const names: string[] = [];
    let next: string | undefined = '/users?$top=10&$select=displayName';
    let pages = 0;
    const token = await h.token('katrin.berger');
    while (next) {
      const res: Response = next.startsWith('http') ? await fetch(next, { headers: { Authorization: `Bearer ${token}` } }) : await h.graph(next);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { value: { displayName: string }[]; '@odata.nextLink'?: string };
      names.push(...body.value.map((u) => u.displayName));
      next = body['@odata.nextLink'];
      if (next) expect(next.startsWith(`${h.emulator.url}/v1.0/users?`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(25);
  });

  it('refuses $top above 999 like Graph', async () => {
    const res = await h.graph('/users?$top=1000');
    expect(res.status).toBe(400);
  });

  it('requires ConsistencyLevel: eventual for $search', async () => {
    const res = await h.graph('/users?$search="displayName:kat"');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('Request_BadRequest');
    expect(body.error.message).toContain('ConsistencyLevel: eventual');
  });

  it('searches by display-name token prefix with $count, as documented', async () => {
    const res = await h.graph('/users?$search="displayName:ko"&$orderby=displayName&$count=true', { headers: { ConsistencyLevel: 'eventual' } });
    const body = await expectLikeFixture(res, 'user-list-search.json');
    expect(body['@odata.count']).toBe(1);
    expect((body.value as { displayName: string }[])[0]?.displayName).toBe('Sabine Koch');
  });

  it('combines search clauses with OR', async () => {
    const res = await h.graph('/users?$search="displayName:katrin" OR "displayName:jonas"&$select=displayName', { headers: { ConsistencyLevel: 'eventual' } });
    const body = (await res.json()) as { value: { displayName: string }[] };
    expect(body.value.map((u) => u.displayName).sort()).toEqual(['Jonas Weber', 'Katrin Berger']);
  });

  it('refuses $count and endswith without the advanced-query opt-in', async () => {
    expect((await h.graph('/users?$count=true')).status).toBe(400);
    const endsWith = await h.graph("/users?$filter=endswith(mail,'@mustergmbh.onmicrosoft.com')");
    expect(endsWith.status).toBe(400);
    expect(((await endsWith.json()) as { error: { code: string } }).error.code).toBe('Request_UnsupportedQuery');
    const advanced = await h.graph("/users?$filter=endswith(displayName,'Koch')&$count=true", { headers: { ConsistencyLevel: 'eventual' } });
    expect(advanced.status).toBe(200);
    expect(((await advanced.json()) as { '@odata.count': number })['@odata.count']).toBe(1);
  });

  it('answers /users/$count as text with ConsistencyLevel: eventual', async () => {
    const res = await h.graph('/users/$count', { headers: { ConsistencyLevel: 'eventual' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('25');
  });
});

describe('memberships', () => {
  it('lists my groups as directoryObjects typed #microsoft.graph.group', async () => {
    const body = await expectLikeFixture(await h.graph('/me/memberOf'), 'user-list-memberof.json');
    expect(contextFragment(body['@odata.context'])).toBe('directoryObjects');
    const names = (body.value as { displayName: string; '@odata.type': string }[]).map((g) => g.displayName).sort();
    expect(names).toEqual(['Alle Mitarbeitenden', 'Geschäftsführung', 'ISMS Muster GmbH']);
  });

  it('answers memberOf with limited information (id only) to a caller holding just User.Read', async () => {
    const token = await h.token('katrin.berger', ['User.Read']);
    const res = await h.graph('/me/memberOf', { token });
    expect(res.status).toBe(200);
    const groups = ((await res.json()) as { value: Record<string, unknown>[] }).value;
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group['@odata.type']).toBe('#microsoft.graph.group');
      expect(typeof group.id).toBe('string');
      expect(group.displayName).toBeNull();
      expect(group.mailNickname).toBeNull();
    }
    const full = await h.graph('/me/memberOf', { token: await h.token('katrin.berger', ['User.Read', 'GroupMember.Read.All']) });
    const names = ((await full.json()) as { value: { displayName: string }[] }).value.map((g) => g.displayName).sort();
    expect(names).toEqual(['Alle Mitarbeitenden', 'Geschäftsführung', 'ISMS Muster GmbH']);
  });

  it('casts memberOf to groups with $select', async () => {
    const token = await h.token('jonas.weber');
    const me = (await (await h.graph('/me', { token })).json()) as { id: string };
    const body = await expectLikeFixture(await h.graph(`/users/${me.id}/memberOf/microsoft.graph.group?$select=id,displayName`), 'user-list-memberof-groups.json');
    expect((body.value as { displayName: string }[]).map((g) => g.displayName).sort()).toEqual(['Alle Mitarbeitenden', 'Informationssicherheit', 'ISMS Muster GmbH'].sort());
  });

  it('refuses $filter on memberOf without ConsistencyLevel and $count, as documented', async () => {
    const plain = await h.graph("/me/memberOf?$filter=displayName eq 'Geschäftsführung'");
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('Request_UnsupportedQuery');
    const advanced = await h.graph("/me/memberOf?$filter=displayName eq 'Geschäftsführung'&$count=true", { headers: { ConsistencyLevel: 'eventual' } });
    expect(((await advanced.json()) as { '@odata.count': number })['@odata.count']).toBe(1);
  });

  it('lists the members of a group (GroupMember.Read.All with User.ReadBasic.All)', async () => {
    const token = await h.token('jonas.weber', ['GroupMember.Read.All', 'User.ReadBasic.All']);
    expect((await h.graph('/groups', { token: await h.token('jonas.weber', ['User.Read']) })).status).toBe(403);
    const groups = (await (await h.graph("/groups?$filter=displayName eq 'Auditoren'&$select=id,displayName", { token })).json()) as { value: { id: string }[] };
    const auditors = groups.value[0];
    expect(auditors).toBeDefined();
    const body = await expectLikeFixture(await h.graph(`/groups/${auditors?.id}/members`, { token }), 'group-list-members.json');
    expect((body.value as { displayName: string; '@odata.type': string }[]).map((m) => [m['@odata.type'], m.displayName])).toEqual([
      ['#microsoft.graph.user', 'Petra Prüfer'],
    ]);
  });

  it('lists the owners of the team group: the IT administrator who owns the ISMS site', async () => {
    const token = await h.token('jonas.weber', ['GroupMember.Read.All', 'User.ReadBasic.All']);
    const groups = (await (await h.graph("/groups?$filter=displayName eq 'ISMS Muster GmbH'&$select=id", { token })).json()) as { value: { id: string }[] };
    const res = await h.graph(`/groups/${groups.value[0]?.id}/owners`, { token });
    expect(res.status).toBe(200);
    const owners = ((await res.json()) as { value: { '@odata.type': string; displayName: string }[] }).value;
    expect(owners.map((o) => [o['@odata.type'], o.displayName])).toEqual([['#microsoft.graph.user', 'Lukas Schneider']]);
    expect((await h.graph(`/groups/${groups.value[0]?.id}/owners`, { token: await h.token('jonas.weber', ['User.Read']) })).status).toBe(403);
  });

  // Graph: "if it doesn't have permission to read a certain resource type, members of that type are
  // returned but with limited information" (List group members; permissions overview, "Limited
  // information returned for inaccessible member objects").
  it('answers group members with limited information (id only) to a caller without a user-read permission', async () => {
    const token = await h.token('jonas.weber', ['GroupMember.Read.All']);
    const groups = (await (await h.graph("/groups?$filter=displayName eq 'Auditoren'&$select=id", { token })).json()) as { value: { id: string }[] };
    const res = await h.graph(`/groups/${groups.value[0]?.id}/members`, { token });
    expect(res.status).toBe(200);
    const members = ((await res.json()) as { value: Record<string, unknown>[] }).value;
    expect(members).toHaveLength(1);
    expect(members[0]?.['@odata.type']).toBe('#microsoft.graph.user');
    expect(typeof members[0]?.id).toBe('string');
    expect(members[0]?.displayName).toBeNull();
    expect(members[0]?.userPrincipalName).toBeNull();
    expect(members[0]?.mail).toBeNull();
  });

  // Learn "List group transitive members": flat list of nested members, GroupMember.Read.All, limited information.
  it('lists a group\'s transitive members (ids with GroupMember.Read.All alone) and refuses User.Read', async () => {
    const token = await h.token('jonas.weber', ['GroupMember.Read.All']);
    const groups = (await (await h.graph("/groups?$filter=displayName eq 'Auditoren'&$select=id", { token })).json()) as { value: { id: string }[] };
    const res = await h.graph(`/groups/${groups.value[0]?.id}/transitiveMembers?$select=id`, { token });
    expect(res.status).toBe(200);
    const members = ((await res.json()) as { value: Record<string, unknown>[] }).value;
    expect(members).toHaveLength(1);
    expect(members[0]?.['@odata.type']).toBe('#microsoft.graph.user');
    expect(typeof members[0]?.id).toBe('string');
    expect((await h.graph(`/groups/${groups.value[0]?.id}/transitiveMembers`, { token: await h.token('jonas.weber', ['User.Read']) })).status).toBe(403);
  });

  it('marks the ISMS team group as a team', async () => {
    const token = await h.token('jonas.weber', ['Group.Read.All']);
    const body = (await (await h.graph("/groups?$filter=displayName eq 'ISMS Muster GmbH'", { token })).json()) as { value: { resourceProvisioningOptions: string[] }[] };
    expect(body.value[0]?.resourceProvisioningOptions).toEqual(['Team']);
  });
});

describe('GET /organization', () => {
  it('answers Muster GmbH with the documented properties', async () => {
    const list = (await (await h.graph('/organization', { token: await h.token('katrin.berger', ['Organization.Read.All']) })).json()) as { value: { id: string }[] };
    expect(list.value).toHaveLength(1);
    const res = await h.graph(`/organization/${list.value[0]?.id}`, { token: await h.token('katrin.berger', ['Organization.Read.All']) });
    const body = await expectLikeFixture(res, 'organization-get.json');
    expect(body.displayName).toBe('Muster GmbH');
    expect(body.verifiedDomains).toEqual([expect.objectContaining({ name: 'mustergmbh.onmicrosoft.com', isDefault: true, isInitial: true })]);
  });

  it('with only User.Read returns id, displayName and verifiedDomains, the rest null', async () => {
    const res = await h.graph('/organization', { token: await h.token('anna.mueller', ['User.Read']) });
    const org = ((await res.json()) as { value: Record<string, unknown>[] }).value[0] as Record<string, unknown>;
    expect(org.displayName).toBe('Muster GmbH');
    expect(org.verifiedDomains).toHaveLength(1);
    expect(org.city).toBeNull();
    expect(org.technicalNotificationMails).toBeNull();
  });
});
