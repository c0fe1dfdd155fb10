import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Organization } from '../models';
import { GraphNotFoundError, type GraphPipeline } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape } from './shared';

const organizationSchema = graphShape<MicrosoftGraph.Organization>()(
  z.object({
    id: z.string(),
    displayName: z.string().nullish(),
    verifiedDomains: z
      .array(z.object({ name: z.string().nullish(), isDefault: z.boolean().nullish(), isInitial: z.boolean().nullish() }))
      .optional(),
  }),
);

export interface OrganizationGateway {
  /** The signed-in user's company (`GET /organization`, User.Read). */
  get(): Promise<Organization>;
}

export function createOrganizationGateway(pipeline: GraphPipeline): OrganizationGateway {
  return {
    get: async () => {
      const organizations = await pipeline.all(
        { method: 'GET', url: '/organization', query: { $select: 'id,displayName,verifiedDomains' }, scopes: FEATURE_SCOPES.profile },
        organizationSchema,
      );
      const organization = organizations[0];
      if (!organization) {
        throw new GraphNotFoundError({
          status: 200,
          code: 'organizationMissing',
          message: 'Microsoft Graph returned no organization for the signed-in user.',
          method: 'GET',
          url: `${pipeline.baseUrl}/organization`,
        });
      }
      const defaultDomain = organization.verifiedDomains?.find((d) => d.isDefault)?.name;
      return defined({
        id: organization.id,
        displayName: organization.displayName ?? defaultDomain ?? organization.id,
        defaultDomain,
      });
    },
  };
}
