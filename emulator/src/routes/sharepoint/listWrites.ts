/** Creating lists (with their template columns, and a drive for document libraries) and columns. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import type { Store } from '../../store/store';
import { createLibraryDrive } from './library/repo';
import { columnFromInput, templateColumns } from './columns';
import type { ColumnRecord, IdentityRecord, ListRecord } from './model';
import { lists, type StoredList, type StoredSite } from './repo';

export const createListSchema = z
  .object({
    displayName: z.string().trim().min(1).max(255),
    description: z.string().max(1000).optional(),
    columns: z.array(z.unknown()).optional(),
    list: z
      .object({
        template: z.string().optional(),
        hidden: z.boolean().optional(),
        contentTypesEnabled: z.boolean().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type CreateListInput = z.infer<typeof createListSchema>;

const TEMPLATES = new Set(['genericList', 'documentLibrary']);

/** SharePoint derives the URL name from the title, dropping characters URLs cannot hold. */
export function urlNameFor(displayName: string): string {
  const name = displayName.replace(/[~"#%&*:<>?/\\{|}.]/g, '').trim();
  return name.length > 0 ? name : 'List';
}

function duplicateListTitle(): GraphError {
  return new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );
}

/**
 * New columns must not repeat a custom column's name (409). A name taken by a built-in column
 * (e.g. "Author" = Created By) gets a free internal name like SharePoint gives it: "Author0".
 */
function withUniqueNames(existing: readonly ColumnRecord[], added: readonly ColumnRecord[]): ColumnRecord[] {
  const taken = new Map(existing.map((c) => [c.name.toLowerCase(), c] as const));
  return added.map((column) => {
    const clash = taken.get(column.name.toLowerCase());
    let result = column;
    if (clash) {
      if (!clash.readOnly && clash.columnGroup !== 'Base Columns') {
        throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
      }
      let n = 0;
      while (taken.has(`${column.name}${n}`.toLowerCase())) n += 1;
      result = { ...column, name: `${column.name}${n}` };
    }
    taken.set(result.name.toLowerCase(), result);
    return result;
  });
}

export function createList(
  store: Store,
  site: StoredSite,
  input: CreateListInput,
  who: IdentityRecord,
  at: Date,
  ids: { listId?: string; urlName?: string } = {},
): StoredList {
  const template = input.list?.template ?? 'genericList';
  if (!TEMPLATES.has(template)) {
    throw new GraphError(400, 'invalidRequest', `The list template '${template}' is not supported by the emulator (genericList, documentLibrary).`);
  }
  const base = templateColumns(template as ListRecord['template']);
  const custom = withUniqueNames(base, (input.columns ?? []).map(columnFromInput));
  return store.transaction(() => {
    const siblings = lists(store).list({ parentId: site.id });
    const title = input.displayName.trim();
    if (siblings.some((l) => l.data.displayName.toLowerCase() === title.toLowerCase())) throw duplicateListTitle();
    let name = ids.urlName ?? urlNameFor(title);
    for (let n = 1; siblings.some((l) => l.data.name.toLowerCase() === name.toLowerCase()); n += 1) name = `${urlNameFor(title)}${n}`;
    const listId = ids.listId ?? randomUUID();
    const record: ListRecord = {
      siteId: site.id,
      name,
      displayName: title,
      description: input.description ?? '',
      template: template as ListRecord['template'],
      hidden: input.list?.hidden ?? false,
      columns: [...base, ...custom],
      nextItemId: 1,
      createdBy: who,
      lastModifiedBy: who,
    };
    if (template === 'documentLibrary') {
      const drive = createLibraryDrive(store, {
        siteId: site.id,
        siteCollectionId: site.data.siteCollectionId,
        webId: site.data.webId,
        listId,
        name: title,
        description: record.description,
        createdBy: who,
        at,
      });
      record.driveId = drive.id;
    }
    return lists(store).insert(record, { id: listId, parentId: site.id, at });
  });
}

export function addColumn(store: Store, list: StoredList, raw: unknown, who: IdentityRecord, at: Date): { list: StoredList; column: ColumnRecord } {
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    throw new GraphError(400, 'invalidRequest', 'Invalid column definition: send a columnDefinition object.');
  }
  const [column] = withUniqueNames(list.data.columns, [columnFromInput(raw)]) as [ColumnRecord];
  const updated = lists(store).update(list.id, (current) => ({ ...current, columns: [...current.columns, column], lastModifiedBy: who }), { at });
  return { list: updated, column };
}
