/**
 * Microsoft Graph for Chefsache: one request pipeline (./pipeline) and one gateway per resource.
 * Everything that leaves this folder is a model from ./models, a typed GraphError, or a gateway
 * interface; Graph's own types stay inside. See src/graph/README.md for the contracts.
 */
import { createCalendarGateway, type CalendarGateway } from './gateways/calendar';
import { createDriveGateway, type DriveGateway } from './gateways/drive';
import { createEvidenceGateway, type EvidenceGateway } from './evidence/evidenceGateway';
import { createRecordsGateway, type RecordsGateway } from './records/recordsGateway';
import { createGroupsGateway, type GroupsGateway } from './gateways/groups';
import { createListItemsGateway, type ListItemsGateway } from './gateways/listItems';
import { createListsGateway, type ListsGateway } from './gateways/lists';
import { createMailGateway, type MailGateway } from './gateways/mail';
import { createOnlineMeetingsGateway, type OnlineMeetingsGateway } from './gateways/onlineMeetings';
import { createOrganizationGateway, type OrganizationGateway } from './gateways/organization';
import { createSitesGateway, type SitesGateway } from './gateways/sites';
import { createTeamworkGateway, type TeamworkGateway } from './gateways/teamwork';
import { createTodoGateway, type TodoGateway } from './gateways/todo';
import { createUsersGateway, type UsersGateway } from './gateways/users';
import { createVersionsGateway, type VersionsGateway } from './gateways/versions';
import { createGraphPipeline, type GraphPipeline, type GraphPipelineOptions } from './pipeline';

export interface GraphGateways {
  pipeline: GraphPipeline;
  users: UsersGateway;
  groups: GroupsGateway;
  organization: OrganizationGateway;
  sites: SitesGateway;
  lists: ListsGateway;
  listItems: ListItemsGateway;
  drive: DriveGateway;
  mail: MailGateway;
  /** Outlook calendar: the management review series (issue 5). */
  calendar: CalendarGateway;
  /** Teams meetings, attendance reports, transcripts (issue 5). */
  onlineMeetings: OnlineMeetingsGateway;
  /** Microsoft To Do of the signed-in user (issue 5). */
  todo: TodoGateway;
  /** Teams activity feed notifications (issue 15, nudges). */
  teamwork: TeamworkGateway;
  /** The evidence list + library on the ISMS site (issue 3, src/graph/evidence). */
  evidence: EvidenceGateway;
  /** Version history of list items and files, retention labels (issue 11; read only). */
  versions: VersionsGateway;
  /** Decision and signature records on the ISMS site (issue 11, src/graph/records). */
  records: RecordsGateway;
}

/** `baseUrl`, `tokenProvider` and optionally `fetch` (plus clock/retry knobs for tests). */
export type GraphGatewaysOptions = GraphPipelineOptions;

export function createGraphGateways(options: GraphGatewaysOptions): GraphGateways {
  const pipeline = createGraphPipeline(options);
  const sites = createSitesGateway(pipeline);
  const lists = createListsGateway(pipeline);
  const listItems = createListItemsGateway(pipeline);
  return {
    pipeline,
    users: createUsersGateway(pipeline),
    groups: createGroupsGateway(pipeline),
    organization: createOrganizationGateway(pipeline),
    sites,
    lists,
    listItems,
    drive: createDriveGateway(pipeline),
    mail: createMailGateway(pipeline),
    calendar: createCalendarGateway(pipeline),
    onlineMeetings: createOnlineMeetingsGateway(pipeline),
    todo: createTodoGateway(pipeline),
    teamwork: createTeamworkGateway(pipeline),
    evidence: createEvidenceGateway({ pipeline, sites, lists, listItems }),
    versions: createVersionsGateway(pipeline),
    records: createRecordsGateway({ sites, lists, listItems }),
  };
}

export type * from './models';
export type { TokenProvider, TokenRequestOptions } from './tokenProvider';
export * from './pipeline/errors';
export type { GraphPipeline, GraphRequest, BatchRequest, BatchResult, RetryPolicy, Clock } from './pipeline';
export { FEATURE_SCOPES } from './scopes';
export { quickXorHash } from './quickXorHash';
export type { UsersGateway } from './gateways/users';
export type { GroupsGateway } from './gateways/groups';
export type { OrganizationGateway } from './gateways/organization';
export type { SitesGateway } from './gateways/sites';
export type { ListsGateway } from './gateways/lists';
export { HONOR_NON_INDEXED_PREFER, type ItemQuery, type ListItemsClient, type ListItemsGateway, type WriteOptions } from './gateways/listItems';
export type { BatchOperation } from './gateways/batchOperations';
export { SIMPLE_UPLOAD_LIMIT_BYTES, type ConflictBehavior, type DriveGateway, type DriveItemRef, type DriveTarget, type UploadProgress } from './gateways/drive';
export * from './evidence';
export * from './gateways/typedList';
export type { FieldCondition } from './gateways/odata';
export * from './records';
export type { MailAddressModel, MailDeltaRound, MailGateway, MailMessage } from './gateways/mail';
export type { CalendarEvent, CalendarGateway, EventAttendee, EventInput, EventRecurrence, WallTime, Weekday, WeekIndex } from './gateways/calendar';
export type { AttendanceRecord, AttendanceReportSummary, OnlineMeeting, OnlineMeetingsGateway, TranscriptInfo } from './gateways/onlineMeetings';
export type { FileVersionModel, ListItemVersionModel, RetentionLabelModel, VersionsGateway } from './gateways/versions';
export type { ActivityNotification, TeamworkGateway } from './gateways/teamwork';
export type { TodoGateway, TodoList, TodoStatus, TodoTask, TodoTaskInput } from './gateways/todo';
export * from './sharepointRest';
export { SHAREPOINT_SCOPES, sharePointScopes } from './scopes';
