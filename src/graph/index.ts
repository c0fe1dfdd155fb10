/**
 * Microsoft Graph for Chefsache: one request pipeline (./pipeline) and one gateway per resource.
 * Everything that leaves this folder is a model from ./models, a typed GraphError, or a gateway
 * interface; Graph's own types stay inside. See src/graph/README.md for the contracts.
 */
import { createDriveGateway, type DriveGateway } from './gateways/drive';
import { createListItemsGateway, type ListItemsGateway } from './gateways/listItems';
import { createListsGateway, type ListsGateway } from './gateways/lists';
import { createOrganizationGateway, type OrganizationGateway } from './gateways/organization';
import { createSitesGateway, type SitesGateway } from './gateways/sites';
import { createUsersGateway, type UsersGateway } from './gateways/users';
import { createGraphPipeline, type GraphPipeline, type GraphPipelineOptions } from './pipeline';

export interface GraphGateways {
  pipeline: GraphPipeline;
  users: UsersGateway;
  organization: OrganizationGateway;
  sites: SitesGateway;
  lists: ListsGateway;
  listItems: ListItemsGateway;
  drive: DriveGateway;
}

/** `baseUrl`, `tokenProvider` and optionally `fetch` (plus clock/retry knobs for tests). */
export type GraphGatewaysOptions = GraphPipelineOptions;

export function createGraphGateways(options: GraphGatewaysOptions): GraphGateways {
  const pipeline = createGraphPipeline(options);
  return {
    pipeline,
    users: createUsersGateway(pipeline),
    organization: createOrganizationGateway(pipeline),
    sites: createSitesGateway(pipeline),
    lists: createListsGateway(pipeline),
    listItems: createListItemsGateway(pipeline),
    drive: createDriveGateway(pipeline),
  };
}

export type * from './models';
export type { TokenProvider, TokenRequestOptions } from './tokenProvider';
export * from './pipeline/errors';
export type { GraphPipeline, GraphRequest, BatchRequest, BatchResult, RetryPolicy, Clock } from './pipeline';
export { FEATURE_SCOPES, allGraphScopes } from './scopes';
export type { UsersGateway } from './gateways/users';
export type { OrganizationGateway } from './gateways/organization';
export type { SitesGateway } from './gateways/sites';
export type { ListsGateway } from './gateways/lists';
export { HONOR_NON_INDEXED_PREFER, type ItemQuery, type ListItemsClient, type ListItemsGateway, type WriteOptions } from './gateways/listItems';
export type { BatchOperation } from './gateways/batchOperations';
export { SIMPLE_UPLOAD_LIMIT_BYTES, type ConflictBehavior, type DriveGateway, type DriveItemRef, type DriveTarget } from './gateways/drive';
