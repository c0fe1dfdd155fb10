/**
 * Retention labels on driveItems (Graph v1.0 "driveItem: getRetentionLabel / setRetentionLabel /
 * lockOrUnlockRecord / removeRetentionLabel"), under /drives/{driveId} and /sites/{site}/drive:
 *   GET    …/items/{itemId}/retentionLabel   200 itemRetentionLabel (404 when the file has none); also `$expand=retentionLabel`
 *   PATCH  …/items/{itemId}/retentionLabel   { name } applies a tenant label: 201 the first time, 200 after
 *                                            { retentionSettings: { isRecordLocked } } locks/unlocks a record: 200
 *   DELETE …/items/{itemId}/retentionLabel   204
 * Permissions as the pages list them; "Sites.FullControl.All is the least privileged permission required to
 * change retention labels that classify the content as records" (set/remove pages): applying a record label
 * and changing or removing one needs it, else 403 accessDenied. A new record label leaves the file locked
 * ("Record - locked"); unlocking is record versioning's explicit step. An unlocked record's label and a
 * regulatory record's label can't be changed or removed, and a regulatory record can't be unlocked (423).
 * Labels on folders (which tag the folder's items) are not modelled: 400.
 */
import { z } from 'zod';
import { anyOf, isAllowed, SHAREPOINT_DENIED } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { callerIdentity } from '../sharepoint/itemWrites';
import { graphTime } from '../sharepoint/model';
import { identitySet } from '../sharepoint/serialize';
import { driveItems, type StoredDriveItem } from '../sharepoint/library/repo';
import { driveOf, itemOf } from './request';
import { isRecordLabel, retentionSettingsOf, tenantLabels, type AppliedRetentionLabel } from '../sharepoint/library/retention';
import type { Store } from '../../store/store';

const readLabel = anyOf(['Files.Read.All', 'Sites.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'], SHAREPOINT_DENIED);
const setLabel = anyOf(['Files.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'], SHAREPOINT_DENIED);

/** lockOrUnlockRecord: Files.ReadWrite.All, Sites.ReadWrite.All (and higher). */
const lockRecord = anyOf(['Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'], SHAREPOINT_DENIED);

const patchSchema = z.union([
  z.object({ name: z.string().trim().min(1) }).strict(),
  z.object({ retentionSettings: z.object({ isRecordLocked: z.boolean() }).strict() }).strict(),
]);

export function itemRetentionLabelJson(store: Store, label: AppliedRetentionLabel): Record<string, unknown> {
  return {
    name: label.name,
    retentionSettings: retentionSettingsOf(store, label),
    isLabelAppliedExplicitly: true,
    labelAppliedDateTime: graphTime(label.appliedAt),
    labelAppliedBy: identitySet(label.appliedBy),
  };
}

function hasFullControl(ctx: GraphContext): boolean {
  return ctx.user.scopes.some((s) => s.toLowerCase() === 'sites.fullcontrol.all');
}

function needFullControl(ctx: GraphContext): void {
  if (!hasFullControl(ctx)) throw new GraphError(403, 'accessDenied', 'Changing a retention label that classifies content as a record needs Sites.FullControl.All.');
}

function locked(message: string): GraphError {
  return new GraphError(423, 'accessDenied', message);
}

/** May the caller replace or remove the current label? (records-management "Change label" / "Remove label" rows) */
function assertLabelChangeable(ctx: GraphContext, current: AppliedRetentionLabel | undefined): void {
  if (!current || !isRecordLabel(current.behavior)) return;
  if (current.behavior === 'retainAsRegulatoryRecord') throw locked(`The item is a regulatory record ('${current.name}'); its label cannot be changed or removed.`);
  if (!current.isRecordLocked) throw locked(`The item is an unlocked record ('${current.name}'); lock it before its label can be changed or removed.`);
  needFullControl(ctx);
}

function fileOf(ctx: GraphContext, operation: 'read' | 'edit'): StoredDriveItem {
  const drive = driveOf(ctx, operation);
  const item = itemOf(ctx, drive);
  if (item.data.kind !== 'file') throw new GraphError(400, 'invalidRequest', 'The emulator applies retention labels to files only.');
  return item;
}

function applyName(ctx: GraphContext, item: StoredDriveItem, name: string): { label: AppliedRetentionLabel; first: boolean } {
  const definition = tenantLabels(ctx.store).find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!definition) throw new GraphError(400, 'invalidRequest', `The retention label '${name}' does not exist in this tenant.`);
  const current = item.data.retentionLabel;
  if (current?.name === definition.name) return { label: current, first: false };
  assertLabelChangeable(ctx, current);
  if (isRecordLabel(definition.behaviorDuringRetentionPeriod)) needFullControl(ctx);
  const label: AppliedRetentionLabel = {
    name: definition.name,
    behavior: definition.behaviorDuringRetentionPeriod,
    isRecordLocked: isRecordLabel(definition.behaviorDuringRetentionPeriod),
    appliedBy: callerIdentity(ctx),
    appliedAt: ctx.now.toISOString(),
  };
  driveItems(ctx.store).update(item.id, (data) => ({ ...data, retentionLabel: label }), { at: ctx.now });
  return { label, first: current === undefined };
}

function lockOrUnlock(ctx: GraphContext, item: StoredDriveItem, lock: boolean): AppliedRetentionLabel {
  const current = item.data.retentionLabel;
  if (!current) throw new GraphError(400, 'invalidRequest', 'The item has no retention label.');
  if (current.behavior === 'retain') throw new GraphError(400, 'invalidRequest', `The retention label '${current.name}' does not classify the item as a record.`);
  if (current.behavior === 'retainAsRegulatoryRecord' && !lock) throw locked(`The item is a regulatory record ('${current.name}') and cannot be unlocked.`);
  const label = { ...current, isRecordLocked: lock };
  driveItems(ctx.store).update(item.id, (data) => ({ ...data, retentionLabel: label }), { at: ctx.now });
  return label;
}

export function registerRetentionRoutes(api: ModuleApi, prefixes: readonly string[]): void {
  for (const prefix of prefixes) {
    const path = `${prefix}/items/{itemId}/retentionLabel`;
    api.graph({
      method: 'GET',
      path,
      permission: readLabel,
      handler: (ctx) => {
        const label = fileOf(ctx, 'read').data.retentionLabel;
        if (!label) throw new GraphError(404, 'itemNotFound', 'The item has no retention label.');
        return ok({ '@odata.context': ctx.odataContext('microsoft.graph.itemRetentionLabel'), ...itemRetentionLabelJson(ctx.store, label) });
      },
    });
    api.graph({
      method: 'PATCH',
      path,
      permission: setLabel,
      handler: (ctx) => {
        const parsed = patchSchema.safeParse(ctx.body ?? {});
        if (!parsed.success) throw new GraphError(400, 'invalidRequest', 'Send { "name": "<label>" } or { "retentionSettings": { "isRecordLocked": true|false } }.');
        const item = fileOf(ctx, 'edit');
        if ('name' in parsed.data) {
          const { label, first } = applyName(ctx, item, parsed.data.name);
          const body = itemRetentionLabelJson(ctx.store, label);
          return first ? created(body) : ok(body);
        }
        if (!isAllowed(lockRecord, ctx.user.scopes)) throw new GraphError(403, SHAREPOINT_DENIED.code, SHAREPOINT_DENIED.message);
        return ok(itemRetentionLabelJson(ctx.store, lockOrUnlock(ctx, item, parsed.data.retentionSettings.isRecordLocked)));
      },
    });
    api.graph({
      method: 'DELETE',
      path,
      permission: setLabel,
      handler: (ctx) => {
        const item = fileOf(ctx, 'edit');
        assertLabelChangeable(ctx, item.data.retentionLabel);
        if (item.data.retentionLabel) {
          driveItems(ctx.store).update(item.id, (data) => {
            const { retentionLabel: _removed, ...rest } = data;
            return rest;
          }, { at: ctx.now });
        }
        return noContent();
      },
    });
  }
}
