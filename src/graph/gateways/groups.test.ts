import { jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';

describe('groups gateway', () => {
  it('finds a role group by display name or mail nickname, quoting the name, with GroupMember.Read.All', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, { value: [{ id: 'g1', displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' }] }),
    );
    await expect(graph.groups.find("O'Brien")).resolves.toEqual([{ id: 'g1', displayName: 'Geschäftsführung', mailNickname: 'geschaeftsfuehrung' }]);
    expect(relativeCall(calls[0]!)).toBe("/groups?$filter=displayName eq 'O''Brien' or mailNickname eq 'O''Brien'&$select=id,displayName,mailNickname");
    expect(tokens.requests[0]?.scopes).toEqual(['GroupMember.Read.All']);
  });

  it('lists the users of a group and leaves out other member types', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, {
        value: [
          { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@x', mail: null, jobTitle: 'CEO' },
          { '@odata.type': '#microsoft.graph.group', id: 'g9', displayName: 'Nested' },
          { '@odata.type': '#microsoft.graph.device', id: 'd1' },
        ],
      }),
    );
    await expect(graph.groups.members('g1')).resolves.toEqual([{ id: 'u1', displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@x', jobTitle: 'CEO' }]);
    expect(relativeCall(calls[0]!)).toBe('/groups/g1/members?$select=id,displayName,userPrincipalName,mail,jobTitle');
    expect(tokens.requests[0]?.scopes).toEqual(['GroupMember.Read.All', 'User.ReadBasic.All']);
  });

  it('lists the object ids of a group\'s users, nested groups flattened, with GroupMember.Read.All only', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(200, {
        value: [
          { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: null },
          { '@odata.type': '#microsoft.graph.group', id: 'g9', displayName: null },
          { '@odata.type': '#microsoft.graph.user', id: 'u2', displayName: null },
          { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: null },
        ],
      }),
    );
    await expect(graph.groups.transitiveMemberIds('g1')).resolves.toEqual(['u1', 'u2']);
    expect(relativeCall(calls[0]!)).toBe('/groups/g1/transitiveMembers?$select=id');
    expect(tokens.requests[0]?.scopes).toEqual(['GroupMember.Read.All']);
  });
});
