/**
 * Version history of list items and library files, and a file's retention label (issue 11: the
 * binder shows every change after capture, acceptance or signature). Reads, and applies a record label.
 * - listItemVersion: GET /sites/{site}/lists/{list}/items/{item}/versions, `fields` expanded
 *   (Microsoft Learn, "listItemVersion resource type", "List versions of a listItem");
 * - driveItemVersion: GET /drives/{drive}/items/{item}/versions (id, who, when, size; Graph gives
 *   no hashes of earlier versions) (Microsoft Learn, "List versions of a driveItem");
 * - itemRetentionLabel: GET /drives/{drive}/items/{item}/retentionLabel
 *   (Microsoft Learn, "driveItem: getRetentionLabel"); no label → undefined.
 * All pages are read; versions come back newest first, as Graph lists them.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { IdentityRef } from '../models';
import { GraphNotFoundError, segment, type GraphPipeline } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape, identitySetSchema, toIdentity } from './shared';

export interface ListItemVersionModel {
  /** "3.0" (major versions). */
  id: string;
  modifiedAt: string;
  modifiedBy?: IdentityRef;
  /** The item's column values in this version (annotations removed). */
  fields: Record<string, unknown>;
}

export interface FileVersionModel {
  id: string;
  modifiedAt: string;
  modifiedBy?: IdentityRef;
  size?: number;
}

export interface RetentionLabelModel {
  name: string;
  appliedAt?: string;
  appliedBy?: IdentityRef;
  /** True while a record label locks the file (no edits, no deletion). */
  isRecordLocked?: boolean;
  behaviorDuringRetentionPeriod?: string;
}

export interface VersionsGateway {
  /** Every version of a list item, newest first; `select` names the columns to return (hidden ones only when named). */
  listItemVersions(siteId: string, listId: string, itemId: string, options?: { select?: readonly string[] }): Promise<ListItemVersionModel[]>;
  /** Every version of a file, newest first. */
  fileVersions(driveId: string, itemId: string): Promise<FileVersionModel[]>;
  /** The retention label on a file; undefined when it has none. */
  retentionLabel(driveId: string, itemId: string): Promise<RetentionLabelModel | undefined>;
  /**
   * Applies a tenant retention label by name (driveItem setRetentionLabel, `PATCH …/retentionLabel {name}`). A record
   * label needs Sites.FullControl.All, asked for by this call only; refusals come back as GraphError.
   */
  applyRetentionLabel(driveId: string, itemId: string, name: string): Promise<RetentionLabelModel>;
}

const listItemVersionSchema = graphShape<MicrosoftGraph.ListItemVersion>()(
  z.object({
    id: z.string(),
    lastModifiedDateTime: z.string(),
    lastModifiedBy: identitySetSchema.nullish(),
    fields: z.record(z.string(), z.unknown()).nullish(),
  }),
);

const driveItemVersionSchema = graphShape<MicrosoftGraph.DriveItemVersion>()(
  z.object({
    id: z.string(),
    lastModifiedDateTime: z.string(),
    lastModifiedBy: identitySetSchema.nullish(),
    size: z.number().nullish(),
  }),
);

const retentionLabelSchema = graphShape<MicrosoftGraph.ItemRetentionLabel>()(
  z.object({
    name: z.string().nullish(),
    labelAppliedDateTime: z.string().nullish(),
    labelAppliedBy: identitySetSchema.nullish(),
    retentionSettings: z
      .looseObject({
        isRecordLocked: z.boolean().nullish(),
        behaviorDuringRetentionPeriod: z.enum(['doNotRetain', 'retain', 'retainAsRecord', 'retainAsRegulatoryRecord', 'unknownFutureValue']).nullish(),
      })
      .nullish(),
  }),
);

const withoutAnnotations = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([key]) => !key.startsWith('@odata.')));

function toLabel(label: z.output<typeof retentionLabelSchema>): RetentionLabelModel | undefined {
  if (!label.name) return undefined;
  return defined({
    name: label.name,
    appliedAt: label.labelAppliedDateTime,
    appliedBy: toIdentity(label.labelAppliedBy),
    isRecordLocked: label.retentionSettings?.isRecordLocked,
    behaviorDuringRetentionPeriod: label.retentionSettings?.behaviorDuringRetentionPeriod,
  });
}

export function createVersionsGateway(pipeline: GraphPipeline): VersionsGateway {
  return {
    async listItemVersions(siteId, listId, itemId, options = {}) {
      const versions = await pipeline.all(
        {
          method: 'GET',
          url: `/sites/${segment(siteId)}/lists/${segment(listId)}/items/${segment(itemId)}/versions`,
          query: { $expand: options.select ? `fields($select=${options.select.join(',')})` : 'fields' },
          scopes: FEATURE_SCOPES.evidenceRead,
        },
        listItemVersionSchema,
      );
      return versions.map((v) =>
        defined({ id: v.id, modifiedAt: v.lastModifiedDateTime, modifiedBy: toIdentity(v.lastModifiedBy), fields: withoutAnnotations(v.fields ?? {}) }),
      );
    },

    async fileVersions(driveId, itemId) {
      const versions = await pipeline.all(
        { method: 'GET', url: `/drives/${segment(driveId)}/items/${segment(itemId)}/versions`, scopes: FEATURE_SCOPES.evidenceRead },
        driveItemVersionSchema,
      );
      return versions.map((v) => defined({ id: v.id, modifiedAt: v.lastModifiedDateTime, modifiedBy: toIdentity(v.lastModifiedBy), size: v.size }));
    },

    async applyRetentionLabel(driveId, itemId, name) {
      const label = await pipeline.json(
        { method: 'PATCH', url: `/drives/${segment(driveId)}/items/${segment(itemId)}/retentionLabel`, body: { json: { name } }, scopes: FEATURE_SCOPES.recordLabels },
        retentionLabelSchema,
      );
      return toLabel(label) ?? { name };
    },

    async retentionLabel(driveId, itemId) {
      let label: z.output<typeof retentionLabelSchema>;
      try {
        label = await pipeline.json(
          { method: 'GET', url: `/drives/${segment(driveId)}/items/${segment(itemId)}/retentionLabel`, scopes: FEATURE_SCOPES.evidenceRead },
          retentionLabelSchema,
        );
      } catch (error) {
        if (error instanceof GraphNotFoundError) return undefined;
        throw error;
      }
      return toLabel(label);
    },
  };
}
