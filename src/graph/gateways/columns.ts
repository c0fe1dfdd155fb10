import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { ColumnDefinition, ColumnType } from '../models';
import { GraphInvalidRequestError } from '../pipeline';
import { defined, graphShape } from './shared';

/** Graph's columnDefinition, the facets Chefsache writes and reads. Other facets pass through unread. */
export const columnSchema = graphShape<MicrosoftGraph.ColumnDefinition>()(
  z.looseObject({
    id: z.string().optional(),
    name: z.string(),
    displayName: z.string().nullish(),
    description: z.string().nullish(),
    required: z.boolean().nullish(),
    indexed: z.boolean().nullish(),
    enforceUniqueValues: z.boolean().nullish(),
    hidden: z.boolean().nullish(),
    readOnly: z.boolean().nullish(),
    text: z.looseObject({ allowMultipleLines: z.boolean().nullish(), maxLength: z.number().nullish() }).nullish(),
    choice: z
      .looseObject({
        choices: z.array(z.string()).nullish(),
        allowTextEntry: z.boolean().nullish(),
        displayAs: z.string().nullish(),
      })
      .nullish(),
    dateTime: z.looseObject({ format: z.string().nullish() }).nullish(),
    number: z
      .looseObject({ decimalPlaces: z.string().nullish(), minimum: z.number().nullish(), maximum: z.number().nullish() })
      .nullish(),
    boolean: z.looseObject({}).nullish(),
    hyperlinkOrPicture: z.looseObject({ isPicture: z.boolean().nullish() }).nullish(),
    personOrGroup: z
      .looseObject({ allowMultipleSelection: z.boolean().nullish(), chooseFromType: z.string().nullish() })
      .nullish(),
  }),
);
type GraphColumn = z.output<typeof columnSchema>;

/**
 * `$select` for reading columns. Naming `hidden` also lists hidden columns, which Graph leaves out
 * otherwise ("columnDefinition resource type": "To list hidden columnDefinitions, include hidden in
 * your $select statement"): provisioning must see them, or it would add them again (409).
 */
export const COLUMN_SELECT = [
  'id', 'name', 'displayName', 'description', 'required', 'indexed', 'enforceUniqueValues', 'hidden', 'readOnly',
  'text', 'choice', 'dateTime', 'number', 'boolean', 'hyperlinkOrPicture', 'personOrGroup',
].join(',');

const choiceDisplays = ['checkBoxes', 'dropDownMenu', 'radioButtons'] as const;
const decimalPlaces = ['automatic', 'none', 'one', 'two', 'three', 'four', 'five'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return allowed.find((a) => a === value);
}

function typeOf(column: GraphColumn): ColumnType {
  if (column.text) return defined({ type: 'text' as const, allowMultipleLines: column.text.allowMultipleLines, maxLength: column.text.maxLength });
  if (column.choice) {
    return defined({
      type: 'choice' as const,
      choices: column.choice.choices ?? [],
      allowTextEntry: column.choice.allowTextEntry,
      displayAs: oneOf(choiceDisplays, column.choice.displayAs),
    });
  }
  if (column.dateTime) return defined({ type: 'dateTime' as const, format: oneOf(['dateOnly', 'dateTime'] as const, column.dateTime.format) });
  if (column.number) {
    return defined({
      type: 'number' as const,
      decimalPlaces: oneOf(decimalPlaces, column.number.decimalPlaces),
      minimum: column.number.minimum,
      maximum: column.number.maximum,
    });
  }
  if (column.boolean) return { type: 'boolean' };
  if (column.hyperlinkOrPicture) return defined({ type: 'hyperlinkOrPicture' as const, isPicture: column.hyperlinkOrPicture.isPicture });
  if (column.personOrGroup) {
    return defined({
      type: 'personOrGroup' as const,
      allowMultipleSelection: column.personOrGroup.allowMultipleSelection,
      chooseFromType: oneOf(['peopleAndGroups', 'peopleOnly'] as const, column.personOrGroup.chooseFromType),
    });
  }
  return { type: 'other' };
}

export function toColumn(column: GraphColumn): ColumnDefinition {
  return {
    ...defined({
      id: column.id,
      name: column.name,
      displayName: column.displayName,
      description: column.description,
      required: column.required,
      indexed: column.indexed,
      enforceUniqueValues: column.enforceUniqueValues,
      hidden: column.hidden,
      readOnly: column.readOnly,
    }),
    ...typeOf(column),
  };
}

function refuse(column: ColumnDefinition, message: string): never {
  throw new GraphInvalidRequestError({
    status: 0,
    code: 'invalidColumnDefinition',
    message: `Column "${column.name}": ${message}`,
    method: 'POST',
    url: 'columns',
  });
}

/** A choice column of an existing list that lacks values the app now defines, with the choices it should have. */
export interface ChoiceUpdate {
  column: ColumnDefinition & { type: 'choice' };
  /** The existing choices in their order, then the missing ones. */
  choices: string[];
  added: string[];
}

/**
 * The choice columns of `existing` that lack values `wanted` defines (matched by internal name, case-insensitive).
 * Values are only added: a choice the app no longer defines stays, as items may still carry it.
 */
export function missingChoices(existing: readonly ColumnDefinition[] | undefined, wanted: readonly ColumnDefinition[]): ChoiceUpdate[] {
  const updates: ChoiceUpdate[] = [];
  for (const want of wanted) {
    if (want.type !== 'choice') continue;
    const column = (existing ?? []).find((c) => c.name.toLowerCase() === want.name.toLowerCase());
    if (column?.type !== 'choice' || column.allowTextEntry) continue;
    const added = want.choices.filter((choice) => !column.choices.includes(choice));
    if (added.length > 0) updates.push({ column, choices: [...column.choices, ...added], added });
  }
  return updates;
}

/**
 * The body of a column update that sets a choice column's choices ("Update columnDefinition": send only what
 * changes; the choice facet is sent whole with its current settings).
 */
export function toGraphChoiceUpdate(column: ColumnDefinition & { type: 'choice' }, choices: readonly string[]): Record<string, unknown> {
  if (choices.length === 0) refuse(column, 'a choice column needs at least one choice.');
  return { choice: defined({ choices: [...choices], allowTextEntry: column.allowTextEntry ?? false, displayAs: column.displayAs ?? 'dropDownMenu' }) };
}

/** Graph's columnDefinition body for a create. Checks SharePoint's rules before anything is sent. */
export function toGraphColumn(column: ColumnDefinition): Record<string, unknown> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column.name)) {
    refuse(column, 'the internal name may hold only letters, digits and underscores, and not start with a digit.');
  }
  if (column.enforceUniqueValues && !column.indexed) refuse(column, 'enforceUniqueValues needs indexed: true (a SharePoint rule).');
  const common = defined({
    name: column.name,
    displayName: column.displayName ?? column.name,
    description: column.description,
    required: column.required,
    indexed: column.indexed,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
  });
  switch (column.type) {
    case 'text':
      return { ...common, text: defined({ allowMultipleLines: column.allowMultipleLines, maxLength: column.maxLength }) };
    case 'choice':
      if (column.choices.length === 0) refuse(column, 'a choice column needs at least one choice.');
      return {
        ...common,
        choice: defined({ choices: column.choices, allowTextEntry: column.allowTextEntry ?? false, displayAs: column.displayAs ?? 'dropDownMenu' }),
      };
    case 'dateTime':
      return { ...common, dateTime: { format: column.format ?? 'dateTime', displayAs: 'default' } };
    case 'number':
      return { ...common, number: defined({ decimalPlaces: column.decimalPlaces, minimum: column.minimum, maximum: column.maximum }) };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'hyperlinkOrPicture':
      return { ...common, hyperlinkOrPicture: { isPicture: column.isPicture ?? false } };
    case 'personOrGroup':
      return {
        ...common,
        personOrGroup: {
          allowMultipleSelection: column.allowMultipleSelection ?? false,
          chooseFromType: column.chooseFromType ?? 'peopleOnly',
        },
      };
    case 'other':
      return refuse(column, 'type "other" only describes columns read back from Graph; it cannot be created.');
  }
}
