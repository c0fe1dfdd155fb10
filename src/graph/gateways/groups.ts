import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { DirectoryGroup, Person } from '../models';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape } from './shared';

const groupSchema = graphShape<MicrosoftGraph.Group>()(
  z.object({ id: z.string(), displayName: z.string().nullish(), mailNickname: z.string().nullish() }),
);

const memberSchema = graphShape<MicrosoftGraph.User>()(
  z.looseObject({
    '@odata.type': z.string().optional(),
    id: z.string(),
    displayName: z.string().nullish(),
    userPrincipalName: z.string().nullish(),
    mail: z.string().nullish(),
    jobTitle: z.string().nullish(),
  }),
);

/** OData string literal: single quotes doubled. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface GroupsGateway {
  /**
   * The groups whose displayName or mailNickname equals `name` (GroupMember.Read.All). Role groups
   * (Geschäftsführung, Informationssicherheit) are found this way to list who belongs to them.
   */
  find(name: string): Promise<DirectoryGroup[]>;
  /** The users who are direct members of a group; other member types are left out (GroupMember.Read.All). */
  members(groupId: string): Promise<Person[]>;
}

export function createGroupsGateway(pipeline: GraphPipeline): GroupsGateway {
  return {
    find: async (name) => {
      const groups = await pipeline.all(
        {
          method: 'GET',
          url: '/groups',
          query: { $filter: `displayName eq ${literal(name)} or mailNickname eq ${literal(name)}`, $select: 'id,displayName,mailNickname' },
          scopes: FEATURE_SCOPES.groupMembers,
        },
        groupSchema,
      );
      return groups.map((g) => defined({ id: g.id, displayName: g.displayName ?? g.mailNickname ?? g.id, mailNickname: g.mailNickname }));
    },
    members: async (groupId) => {
      const members = await pipeline.all(
        {
          method: 'GET',
          url: `/groups/${segment(groupId)}/members`,
          query: { $select: 'id,displayName,userPrincipalName,mail,jobTitle' },
          // Without a user-read permission Graph returns user members with limited information
          // (names and UPN null); User.ReadBasic.All lets the members be named.
          scopes: [...FEATURE_SCOPES.groupMembers, ...FEATURE_SCOPES.directory],
        },
        memberSchema,
      );
      return members
        .filter((m) => (m['@odata.type'] ?? '#microsoft.graph.user') === '#microsoft.graph.user' && m.userPrincipalName)
        .map((m) =>
          defined({
            id: m.id,
            displayName: m.displayName ?? m.userPrincipalName!,
            userPrincipalName: m.userPrincipalName!,
            mail: m.mail,
            jobTitle: m.jobTitle,
          }),
        );
    },
  };
}
