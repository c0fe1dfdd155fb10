import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { ListItem, UpdatedFields } from '../models';
import { defined, graphShape, identitySetSchema, toIdentity } from './shared';

/** A fieldValueSet: column values by internal name, plus OData annotations. */
export const fieldsSchema = z.record(z.string(), z.unknown());

/** Graph's listItem. SharePoint sends the version tag as `eTag` and/or `@odata.etag`. */
export const listItemSchema = graphShape<MicrosoftGraph.ListItem>()(
  z
    .object({
      id: z.string(),
      '@odata.etag': z.string().optional(),
      eTag: z.string().nullish(),
      webUrl: z.string().nullish(),
      createdDateTime: z.string().optional(),
      lastModifiedDateTime: z.string().optional(),
      createdBy: identitySetSchema.nullish(),
      lastModifiedBy: identitySetSchema.nullish(),
      fields: fieldsSchema.nullish(),
    })
    .refine((item) => Boolean(item.eTag ?? item['@odata.etag']), { message: 'a list item needs eTag or @odata.etag', path: ['eTag'] }),
);

/** An entry of a listItem delta page that says the item is gone (`deleted` facet, or OData `@removed`). */
export const removedItemSchema = z.union([
  z.object({ id: z.string(), deleted: z.looseObject({ state: z.string().nullish() }) }),
  z.object({ id: z.string(), '@removed': z.looseObject({ reason: z.string().nullish() }) }),
]);

export const deltaEntrySchema = z.union([removedItemSchema, listItemSchema]);

/** The answer to PATCH .../fields: the fieldValueSet with the new version tag. */
export const updatedFieldsSchema = fieldsSchema;

function withoutAnnotations(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !key.startsWith('@odata.')));
}

export function toListItem(item: z.output<typeof listItemSchema>): ListItem {
  return defined({
    id: item.id,
    etag: (item.eTag ?? item['@odata.etag'])!,
    fields: withoutAnnotations(item.fields ?? {}),
    webUrl: item.webUrl,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    createdBy: toIdentity(item.createdBy),
    lastModifiedBy: toIdentity(item.lastModifiedBy),
  });
}

export function toUpdatedFields(fields: Record<string, unknown>): UpdatedFields {
  const etag = fields['@odata.etag'];
  return defined({ fields: withoutAnnotations(fields), etag: typeof etag === 'string' ? etag : undefined });
}

export function isRemoved(entry: z.output<typeof deltaEntrySchema>): entry is z.output<typeof removedItemSchema> {
  return 'deleted' in entry || '@removed' in entry;
}
