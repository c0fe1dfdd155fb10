import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { DirectoryGroup, Person } from '../models';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape } from './shared';

const groupSchema = graphShape<MicrosoftGraph.Group>()(
  z.object({ id: z.string(), displayName: z.string().nullish(), mailNickname: z.string().nullish(), groupTypes: z.array(z.string()).optional() }),
);

const toGroup = (g: z.output<typeof groupSchema>): DirectoryGroup =>
  defined({ id: g.id, displayName: g.displayName ?? g.mailNickname ?? g.id, mailNickname: g.mailNickname, microsoft365: g.groupTypes ? g.groupTypes.includes('Unified') : undefined });

/** `$search` clauses are quoted; quotes and backslashes inside the term would break the syntax. */
const searchTerm = (text: string) => text.replace(/["\\]/g, ' ').trim().replace(/\s+/g, ' ');

const memberIdSchema = z.looseObject({ '@odata.type': z.string().optional(), id: z.string() });

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
  /** A group by its Entra object id, with whether it is a Microsoft 365 group (GroupMember.Read.All). */
  get(groupId: string): Promise<DirectoryGroup>;
  /** Up to 25 groups whose name starts with a word of `text` (`$search`, eventual consistency), for pickers (GroupMember.Read.All). */
  search(text: string): Promise<DirectoryGroup[]>;
  /** The users who are direct members of a group; other member types are left out (GroupMember.Read.All). */
  members(groupId: string): Promise<Person[]>;
  /**
   * Object ids of every user in a group, nested groups flattened (`transitiveMembers`, GroupMember.Read.All: ids
   * are enough, so no user-read permission). Judges who decided or signed; names never count.
   */
  transitiveMemberIds(groupId: string): Promise<string[]>;
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
      return groups.map(toGroup);
    },
    get: async (groupId) =>
      toGroup(
        await pipeline.json(
          { method: 'GET', url: `/groups/${segment(groupId)}`, query: { $select: 'id,displayName,mailNickname,groupTypes' }, scopes: FEATURE_SCOPES.groupMembers },
          groupSchema,
        ),
      ),
    search: async (text) => {
      const term = searchTerm(text);
      if (term === '') return [];
      const page = await pipeline.json(
        {
          method: 'GET',
          url: '/groups',
          query: { $search: `"displayName:${term}"`, $select: 'id,displayName,mailNickname,groupTypes', $top: 25, $count: 'true' },
          headers: { ConsistencyLevel: 'eventual' },
          scopes: FEATURE_SCOPES.groupMembers,
        },
        z.object({ value: z.array(groupSchema) }),
      );
      return page.value.map(toGroup);
    },
    transitiveMemberIds: async (groupId) => {
      const members = await pipeline.all(
        { method: 'GET', url: `/groups/${segment(groupId)}/transitiveMembers`, query: { $select: 'id' }, scopes: FEATURE_SCOPES.groupMembers },
        memberIdSchema,
      );
      return [...new Set(members.filter((m) => (m['@odata.type'] ?? '#microsoft.graph.user') === '#microsoft.graph.user').map((m) => m.id))];
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
