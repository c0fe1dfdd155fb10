/**
 * Column definitions: request validation (zod), Graph's facet defaults, the columns every list
 * template brings, and coercion of written field values to a column's type.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { errors, GraphError } from '../../http/graphError';
import { COLUMN_KINDS, type ColumnKind, type ColumnRecord, type ListTemplate } from './model';

const facetDefaults: Record<ColumnKind, Record<string, unknown>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  choice: { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu' },
  dateTime: { displayAs: 'default', format: 'dateTime' },
  number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 },
  boolean: {},
  hyperlinkOrPicture: { isPicture: false },
  personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'account' },
};

export const facetSchemas = {
  text: z.object({
    allowMultipleLines: z.boolean().optional(),
    appendChangesToExistingText: z.boolean().optional(),
    linesForEditing: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().min(1).max(255).optional(),
  }),
  choice: z.object({
    allowTextEntry: z.boolean().optional(),
    choices: z.array(z.string()).optional(),
    displayAs: z.enum(['checkBoxes', 'dropDownMenu', 'radioButtons']).optional(),
  }),
  dateTime: z.object({
    displayAs: z.enum(['default', 'friendly', 'standard']).optional(),
    format: z.enum(['dateOnly', 'dateTime']).optional(),
  }),
  number: z.object({
    decimalPlaces: z.string().optional(),
    displayAs: z.string().optional(),
    maximum: z.number().optional(),
    minimum: z.number().optional(),
  }),
  boolean: z.object({}),
  hyperlinkOrPicture: z.object({ isPicture: z.boolean().optional() }),
  personOrGroup: z.object({
    allowMultipleSelection: z.literal(false).optional(),
    chooseFromType: z.enum(['peopleAndGroups', 'peopleOnly']).optional(),
    displayAs: z.string().optional(),
  }),
} satisfies Record<ColumnKind, z.ZodType>;

const UNSUPPORTED_FACETS = ['calculated', 'currency', 'lookup', 'term', 'geolocation', 'thumbnail', 'contentApprovalStatus', 'hyperlinkOrPicture2'];

export const columnInputSchema = z
  .object({
    name: z.string().min(1).max(255).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Column names start with a letter or "_" and hold letters, digits and "_".'),
    displayName: z.string().min(1).max(255).optional(),
    description: z.string().max(1000).optional(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    required: z.boolean().optional(),
    hidden: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    columnGroup: z.string().optional(),
    text: z.unknown().optional(),
    choice: z.unknown().optional(),
    dateTime: z.unknown().optional(),
    number: z.unknown().optional(),
    boolean: z.unknown().optional(),
    hyperlinkOrPicture: z.unknown().optional(),
    personOrGroup: z.unknown().optional(),
  })
  .passthrough();

export type ColumnInput = z.infer<typeof columnInputSchema>;

export function zodMessage(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}

/** Validates one columnDefinition from a request body and fills Graph's defaults. */
export function columnFromInput(raw: unknown): ColumnRecord {
  const parsed = columnInputSchema.safeParse(raw);
  if (!parsed.success) throw errors.invalidRequest(`Invalid column definition: ${zodMessage(parsed.error)}`);
  const input = parsed.data;
  const record = input as Record<string, unknown>;
  const unsupported = UNSUPPORTED_FACETS.find((facet) => record[facet] !== undefined);
  if (unsupported) throw errors.invalidRequest(`The column type '${unsupported}' is not supported by the emulator.`);
  const kinds = COLUMN_KINDS.filter((kind) => input[kind] !== undefined);
  if (kinds.length === 0) {
    throw errors.invalidRequest(`Column '${input.name}' needs a type facet, one of: ${COLUMN_KINDS.join(', ')}.`);
  }
  if (kinds.length > 1) throw errors.invalidRequest(`Column '${input.name}' has more than one type facet: ${kinds.join(', ')}.`);
  const kind = kinds[0] as ColumnKind;
  const facet = facetSchemas[kind].safeParse(input[kind] ?? {});
  if (!facet.success) throw errors.invalidRequest(`Invalid '${kind}' facet of column '${input.name}': ${zodMessage(facet.error)}`);
  const indexed = input.indexed ?? false;
  const enforceUniqueValues = input.enforceUniqueValues ?? false;
  if (enforceUniqueValues && !indexed) {
    throw errors.invalidRequest(`This field must be indexed to enforce unique values. Column: '${input.name}'.`);
  }
  if (enforceUniqueValues && kind === 'text' && (facet.data as { allowMultipleLines?: boolean }).allowMultipleLines) {
    throw errors.invalidRequest(`Multiple lines of text columns cannot enforce unique values. Column: '${input.name}'.`);
  }
  return {
    id: randomUUID(),
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    kind,
    facet: { ...facetDefaults[kind], ...(facet.data as Record<string, unknown>) },
    indexed,
    enforceUniqueValues,
    required: input.required ?? false,
    hidden: input.hidden ?? false,
    readOnly: input.readOnly ?? false,
    columnGroup: input.columnGroup ?? 'Custom Columns',
  };
}

function systemColumn(name: string, displayName: string, kind: ColumnKind, extra: Partial<ColumnRecord> = {}): ColumnRecord {
  return {
    id: randomUUID(),
    name,
    displayName,
    description: '',
    kind,
    facet: { ...facetDefaults[kind] },
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    hidden: false,
    readOnly: true,
    columnGroup: '_Hidden',
    ...extra,
  };
}

/** The columns a new list gets from its template (custom columns are added after them). */
export function templateColumns(template: ListTemplate): ColumnRecord[] {
  const common = [
    systemColumn('ID', 'ID', 'number', { indexed: true, columnGroup: 'Base Columns' }),
    systemColumn('ContentType', 'Content Type', 'text', { columnGroup: 'Base Columns' }),
    systemColumn('Modified', 'Modified', 'dateTime', { columnGroup: 'Base Columns' }),
    systemColumn('Created', 'Created', 'dateTime', { columnGroup: 'Base Columns' }),
    systemColumn('Author', 'Created By', 'personOrGroup', { columnGroup: 'Base Columns' }),
    systemColumn('Editor', 'Modified By', 'personOrGroup', { columnGroup: 'Base Columns' }),
  ];
  if (template === 'documentLibrary') {
    return [
      systemColumn('FileLeafRef', 'Name', 'text', { required: true, columnGroup: 'Base Columns' }),
      systemColumn('Title', 'Title', 'text', { readOnly: false, columnGroup: 'Base Columns' }),
      ...common,
    ];
  }
  return [systemColumn('Title', 'Title', 'text', { required: true, readOnly: false, columnGroup: 'Custom Columns' }), ...common];
}

/** Finds a column by internal name; also resolves `<Person>LookupId` to the person column. */
export function findColumn(columns: readonly ColumnRecord[], fieldName: string): ColumnRecord | undefined {
  const exact = columns.find((c) => c.name === fieldName) ?? columns.find((c) => c.name.toLowerCase() === fieldName.toLowerCase());
  if (exact) return exact;
  if (fieldName.endsWith('LookupId')) {
    const base = fieldName.slice(0, -'LookupId'.length);
    const person = columns.find((c) => c.kind === 'personOrGroup' && c.name.toLowerCase() === base.toLowerCase());
    if (person) return person;
  }
  return undefined;
}

/** The key a column's value has in `fields` (`AssignedToLookupId` for person columns). */
export function fieldKey(column: ColumnRecord): string {
  return column.kind === 'personOrGroup' ? `${column.name}LookupId` : column.name;
}

function invalidValue(column: ColumnRecord, value: unknown, expected: string): GraphError {
  return errors.invalidRequest(`Invalid value '${JSON.stringify(value)}' for field '${column.name}': expected ${expected}.`);
}

/** Coerces a written value to what SharePoint stores; null clears the field. */
export function coerceValue(column: ColumnRecord, value: unknown): unknown {
  if (value === null || value === '') return null;
  switch (column.kind) {
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalidValue(column, value, 'text');
      const text = String(value);
      const max = column.facet.allowMultipleLines ? 63999 : Number(column.facet.maxLength ?? 255);
      if (text.length > max) {
        throw errors.invalidRequest(`The value of field '${column.name}' is longer than ${max} characters.`);
      }
      return text;
    }
    case 'choice': {
      if (typeof value !== 'string') throw invalidValue(column, value, 'one choice as text');
      // choiceColumn (Microsoft Learn): allowTextEntry "if true, allows custom values that aren't in the configured choices".
      const choices = Array.isArray(column.facet.choices) ? (column.facet.choices as unknown[]) : [];
      if (column.facet.allowTextEntry !== true && !choices.includes(value)) {
        throw invalidValue(column, value, `one of the column's choices (${choices.join(', ')})`);
      }
      return value;
    }
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) throw invalidValue(column, value, 'a number');
      return number;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalidValue(column, value, 'true or false');
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidValue(column, value, 'an ISO 8601 date');
      const date = new Date(value);
      if (column.facet.format === 'dateOnly' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return `${value}T00:00:00Z`;
      }
      return date.toISOString().replace(/\.\d+Z$/, 'Z');
    }
    case 'hyperlinkOrPicture': {
      const parsed = z.object({ Url: z.string().url(), Description: z.string().optional() }).safeParse(value);
      if (!parsed.success) throw invalidValue(column, value, 'an object { Url, Description }');
      return { Description: parsed.data.Description ?? parsed.data.Url, Url: parsed.data.Url };
    }
    case 'personOrGroup': {
      const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(id) || id < 1) throw invalidValue(column, value, 'a user lookup id');
      return String(id);
    }
  }
}
