import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { ColumnDefinition, ListDefinition, SharePointList } from '../models';
import { type GraphPipeline, segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { COLUMN_SELECT, columnSchema, toColumn, toGraphChoiceUpdate, toGraphColumn } from './columns';
import { defined, graphShape } from './shared';

const listSchema = graphShape<MicrosoftGraph.List>()(
  z.object({
    id: z.string(),
    name: z.string().nullish(),
    displayName: z.string().nullish(),
    webUrl: z.string(),
    list: z.object({ template: z.string().nullish() }).nullish(),
    columns: z.array(columnSchema).nullish(),
  }),
);

function toList(list: z.output<typeof listSchema>): SharePointList {
  return defined({
    id: list.id,
    name: list.name ?? list.displayName ?? list.id,
    displayName: list.displayName ?? list.name ?? list.id,
    webUrl: list.webUrl,
    template: list.list?.template,
    columns: list.columns?.map(toColumn),
  });
}

const listsPath = (siteId: string) => `/sites/${segment(siteId)}/lists`;

export interface ListsGateway {
  /** A list by id or URL name, with its columns, hidden ones included (Sites.Read.All). */
  get(siteId: string, idOrName: string): Promise<SharePointList>;
  /** Creates a list or document library with its columns (Sites.Manage.All). */
  create(siteId: string, definition: ListDefinition): Promise<SharePointList>;
  /** Every column of a list, system and hidden columns included (Sites.Read.All). */
  columns(siteId: string, listId: string): Promise<ColumnDefinition[]>;
  /** Adds a column to an existing list (Sites.Manage.All). */
  addColumn(siteId: string, listId: string, column: ColumnDefinition): Promise<ColumnDefinition>;
  /**
   * Replaces the choices of an existing choice column (`PATCH …/columns/{column-id}`, Sites.Manage.All); its other
   * choice settings stay as they are.
   */
  setChoices(siteId: string, listId: string, column: ColumnDefinition & { type: 'choice' }, choices: readonly string[]): Promise<ColumnDefinition>;
}

export function createListsGateway(pipeline: GraphPipeline): ListsGateway {
  return {
    get: async (siteId, idOrName) =>
      toList(
        await pipeline.json(
          { method: 'GET', url: `${listsPath(siteId)}/${segment(idOrName)}`, query: { $expand: `columns($select=${COLUMN_SELECT})` }, scopes: FEATURE_SCOPES.evidenceRead },
          listSchema,
        ),
      ),

    create: async (siteId, definition) => {
      const body = defined({
        displayName: definition.displayName,
        description: definition.description,
        columns: definition.columns.map(toGraphColumn),
        list: { template: definition.template ?? 'genericList' },
      });
      return toList(await pipeline.json({ method: 'POST', url: listsPath(siteId), body: { json: body }, scopes: FEATURE_SCOPES.provisioning }, listSchema));
    },

    columns: async (siteId, listId) =>
      (
        await pipeline.all({ method: 'GET', url: `${listsPath(siteId)}/${segment(listId)}/columns`, query: { $select: COLUMN_SELECT }, scopes: FEATURE_SCOPES.evidenceRead }, columnSchema)
      ).map(toColumn),

    addColumn: async (siteId, listId, column) =>
      toColumn(
        await pipeline.json(
          {
            method: 'POST',
            url: `${listsPath(siteId)}/${segment(listId)}/columns`,
            body: { json: toGraphColumn(column) },
            scopes: FEATURE_SCOPES.provisioning,
          },
          columnSchema,
        ),
      ),

    setChoices: async (siteId, listId, column, choices) =>
      toColumn(
        await pipeline.json(
          {
            method: 'PATCH',
            url: `${listsPath(siteId)}/${segment(listId)}/columns/${segment(column.id ?? column.name)}`,
            body: { json: toGraphChoiceUpdate(column, choices) },
            scopes: FEATURE_SCOPES.provisioning,
          },
          columnSchema,
        ),
      ),
  };
}
