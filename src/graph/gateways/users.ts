import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Person } from '../models';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape } from './shared';

const PERSON_SELECT = 'id,displayName,userPrincipalName,mail,jobTitle,department,preferredLanguage';
const SEARCH_PAGE_SIZE = 25;

const userSchema = graphShape<MicrosoftGraph.User>()(
  z.object({
    id: z.string(),
    displayName: z.string().nullish(),
    userPrincipalName: z.string(),
    mail: z.string().nullish(),
    jobTitle: z.string().nullish(),
    department: z.string().nullish(),
    preferredLanguage: z.string().nullish(),
  }),
);

const directoryObjectSchema = graphShape<MicrosoftGraph.Group>()(
  z.looseObject({
    '@odata.type': z.string().optional(),
    id: z.string(),
    displayName: z.string().nullish(),
    mailNickname: z.string().nullish(),
  }),
);

function toPerson(user: z.output<typeof userSchema>): Person {
  return defined({
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    jobTitle: user.jobTitle,
    department: user.department,
    preferredLanguage: user.preferredLanguage,
  });
}

/** `$search` clauses are quoted; quotes and backslashes inside the term would break the syntax. */
function searchTerm(text: string): string {
  return text.replace(/["\\]/g, ' ').trim().replace(/\s+/g, ' ');
}

export interface UsersGateway {
  /** The signed-in user (User.Read). */
  me(): Promise<Person>;
  /**
   * Object ids of the groups the signed-in user is a direct member of (User.Read: Graph answers each group with
   * its id even without a group permission, and ids are all that roles need).
   */
  memberOfIds(): Promise<string[]>;
  /**
   * A user by id or userPrincipalName (User.ReadBasic.All). With that least-privileged scope a real
   * tenant returns the basic profile only: jobTitle and department may then be absent.
   */
  get(idOrUpn: string): Promise<Person>;
  /** Up to 25 people whose name or mail starts with a word of `text` (Graph `$search`, eventual). */
  search(text: string): Promise<Person[]>;
}

export function createUsersGateway(pipeline: GraphPipeline): UsersGateway {
  return {
    me: async () =>
      toPerson(await pipeline.json({ method: 'GET', url: '/me', query: { $select: PERSON_SELECT }, scopes: FEATURE_SCOPES.profile }, userSchema)),

    memberOfIds: async () => {
      const objects = await pipeline.all(
        { method: 'GET', url: '/me/memberOf', query: { $select: 'id' }, scopes: FEATURE_SCOPES.profile },
        directoryObjectSchema,
      );
      return objects.filter((o) => (o['@odata.type'] ?? '#microsoft.graph.group') === '#microsoft.graph.group').map((o) => o.id);
    },


    get: async (idOrUpn) =>
      toPerson(
        await pipeline.json(
          { method: 'GET', url: `/users/${segment(idOrUpn)}`, query: { $select: PERSON_SELECT }, scopes: FEATURE_SCOPES.directory },
          userSchema,
        ),
      ),

    search: async (text) => {
      const term = searchTerm(text);
      if (term === '') return [];
      const pages = pipeline.pages(
        {
          method: 'GET',
          url: '/users',
          query: {
            $search: `"displayName:${term}" OR "mail:${term}"`,
            $count: true,
            $select: PERSON_SELECT,
            $top: SEARCH_PAGE_SIZE,
          },
          // Graph's advanced queries ($search, $count) need this header.
          headers: { ConsistencyLevel: 'eventual' },
          scopes: FEATURE_SCOPES.directory,
        },
        userSchema,
      );
      for await (const page of pages) return page.items.map(toPerson);
      return [];
    },
  };
}
