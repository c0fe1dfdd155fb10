/**
 * PATCH /sites/{site}/lists/{list}/columns/{column-id} (Microsoft Learn, "Update columnDefinition"): "you can
 * update any property of columnDefinition other than the id property"; the body carries only the properties to
 * change. A type facet (e.g. `choice: { choices }`) merges into the column's facet of the same type.
 */
import { z } from 'zod';
import { errors } from '../../http/graphError';
import type { Store } from '../../store/store';
import { facetSchemas, zodMessage } from './columns';
import { COLUMN_KINDS, type ColumnRecord, type IdentityRecord } from './model';
import { lists, type StoredList } from './repo';

const columnPatchSchema = z
  .object({
    id: z.unknown().optional(),
    name: z.string().optional(),
    displayName: z.string().min(1).max(255).optional(),
    description: z.string().max(1000).optional(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    required: z.boolean().optional(),
    hidden: z.boolean().optional(),
  })
  .passthrough();

export function updateColumn(store: Store, list: StoredList, columnId: string, raw: unknown, who: IdentityRecord, at: Date): { list: StoredList; column: ColumnRecord } {
  const column = list.data.columns.find((c) => c.id === columnId);
  if (!column) throw errors.itemNotFound(`Column '${columnId}' was not found in list '${list.data.displayName}'.`);
  const parsed = columnPatchSchema.safeParse(raw ?? {});
  if (!parsed.success) throw errors.invalidRequest(`Invalid column update: ${zodMessage(parsed.error)}`);
  const input = parsed.data as z.infer<typeof columnPatchSchema> & Record<string, unknown>;
  if (input.id !== undefined && input.id !== column.id) throw errors.invalidRequest('The id of a column cannot be changed.');
  if (input.name !== undefined && input.name !== column.name) throw errors.invalidRequest(`The emulator does not rename columns (internal name '${column.name}').`);
  if (column.readOnly) throw errors.invalidRequest(`The column '${column.name}' is read-only and cannot be changed.`);
  const otherKind = COLUMN_KINDS.find((kind) => kind !== column.kind && input[kind] !== undefined);
  if (otherKind) throw errors.invalidRequest(`The column '${column.name}' is a ${column.kind} column; the emulator does not change it to '${otherKind}'.`);
  let facet = column.facet;
  if (input[column.kind] !== undefined) {
    const patch = facetSchemas[column.kind].safeParse(input[column.kind]);
    if (!patch.success) throw errors.invalidRequest(`Invalid '${column.kind}' facet of column '${column.name}': ${zodMessage(patch.error)}`);
    facet = { ...column.facet, ...(patch.data as Record<string, unknown>) };
  }
  const indexed = input.indexed ?? column.indexed;
  const enforceUniqueValues = input.enforceUniqueValues ?? column.enforceUniqueValues;
  if (enforceUniqueValues && !indexed) throw errors.invalidRequest(`This field must be indexed to enforce unique values. Column: '${column.name}'.`);
  const next: ColumnRecord = {
    ...column,
    displayName: input.displayName ?? column.displayName,
    description: input.description ?? column.description,
    required: input.required ?? column.required,
    hidden: input.hidden ?? column.hidden,
    indexed,
    enforceUniqueValues,
    facet,
  };
  const updated = lists(store).update(list.id, (current) => ({ ...current, columns: current.columns.map((c) => (c.id === column.id ? next : c)), lastModifiedBy: who }), { at });
  return { list: updated, column: next };
}
