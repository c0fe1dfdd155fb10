/**
 * Retention labels (Microsoft Purview) on files of document libraries, and what they forbid.
 *
 * - Tenant labels are defined by the admin API (`PUT /_admin/compliance/retention-labels`), kept in
 *   the store's meta table (a reset clears them).
 * - An applied label lives on the driveItem (`DriveItemRecord.retentionLabel`); Graph shows it as
 *   itemRetentionLabel (`…/items/{id}/retentionLabel`, `$expand=retentionLabel`).
 * - Restrictions per label kind, Learn "Records management … Compare restrictions for what actions are
 *   allowed or blocked" (purview/records-management):
 *     | action            | retain | record locked | record unlocked | regulatory record |
 *     | edit contents     | yes    | NO            | yes             | NO                |
 *     | edit properties   | yes    | yes (1)       | yes             | NO                |
 *     | delete            | yes(2) | NO            | NO              | NO                |
 *     | change/remove label | yes  | container admin only | NO       | NO                |
 *   (1) "allowed by default but can be blocked by a tenant setting"; (2) "Deleting labeled items can
 *   be blocked as a tenant setting". The emulator's tenant blocks (2) by default and allows (1);
 *   `PUT /_admin/compliance/records-settings` changes both.
 * - Blocked writes answer 423 Locked (Graph's "Microsoft Graph error responses": "423 Locked: The
 *   resource that is being accessed is locked"; OneDrive answers a locked file with 423 and code
 *   accessDenied, onedrive-api-docs#912). The message is the emulator's: docs are silent.
 */
import { z } from 'zod';
import { GraphError } from '../../../http/graphError';
import type { Store } from '../../../store/store';
import type { IdentityRecord } from '../model';
import { DRIVE_ITEMS, type DriveItemRecord } from './model';

export const RETENTION_BEHAVIORS = ['retain', 'retainAsRecord', 'retainAsRegulatoryRecord'] as const;
export type RetentionBehavior = (typeof RETENTION_BEHAVIORS)[number];

export const tenantLabelSchema = z.object({
  name: z.string().trim().min(1).max(64),
  behaviorDuringRetentionPeriod: z.enum(RETENTION_BEHAVIORS),
  retentionDays: z.number().int().positive().optional(),
});
export type TenantLabel = z.infer<typeof tenantLabelSchema>;

export const recordsSettingsSchema = z.object({
  allowMetadataEditOnLockedRecords: z.boolean(),
  allowDeleteOfLabeledItems: z.boolean(),
});
export type RecordsSettings = z.infer<typeof recordsSettingsSchema>;

export interface AppliedRetentionLabel {
  name: string;
  behavior: RetentionBehavior;
  isRecordLocked: boolean;
  appliedBy: IdentityRecord;
  appliedAt: string;
}

export type RetentionAction = 'editContent' | 'editMetadata' | 'delete';

const LABELS_META = 'compliance.retentionLabels';
const SETTINGS_META = 'compliance.recordsSettings';
const DEFAULT_SETTINGS: RecordsSettings = { allowMetadataEditOnLockedRecords: true, allowDeleteOfLabeledItems: false };

export function tenantLabels(store: Store): TenantLabel[] {
  const raw = store.getMeta(LABELS_META);
  if (!raw) return [];
  const parsed = z.array(tenantLabelSchema).safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

export function setTenantLabels(store: Store, labels: readonly TenantLabel[]): void {
  store.setMeta(LABELS_META, JSON.stringify(labels));
}

export function recordsSettings(store: Store): RecordsSettings {
  const raw = store.getMeta(SETTINGS_META);
  if (!raw) return DEFAULT_SETTINGS;
  const parsed = recordsSettingsSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function setRecordsSettings(store: Store, settings: RecordsSettings): void {
  store.setMeta(SETTINGS_META, JSON.stringify(settings));
}

export function isRecordLabel(behavior: RetentionBehavior): boolean {
  return behavior !== 'retain';
}

/** Graph's retentionLabelSettings for an applied label. */
export function retentionSettingsOf(store: Store, label: AppliedRetentionLabel): Record<string, unknown> {
  const settings = recordsSettings(store);
  const regulatory = label.behavior === 'retainAsRegulatoryRecord';
  const locked = label.behavior !== 'retain' && label.isRecordLocked;
  return {
    behaviorDuringRetentionPeriod: label.behavior,
    isContentUpdateAllowed: !regulatory && !locked,
    isDeleteAllowed: label.behavior === 'retain' && settings.allowDeleteOfLabeledItems,
    isLabelUpdateAllowed: label.behavior === 'retain',
    isMetadataUpdateAllowed: !regulatory && (!locked || settings.allowMetadataEditOnLockedRecords),
    isRecordLocked: label.behavior !== 'retain' && label.isRecordLocked,
  };
}

function lockedError(name: string, action: RetentionAction): GraphError {
  const what = action === 'editContent' ? 'Its content cannot be changed' : action === 'editMetadata' ? 'Its properties cannot be changed' : 'It cannot be deleted';
  return new GraphError(423, 'accessDenied', `The item has the retention label '${name}'. ${what}.`);
}

function allows(store: Store, label: AppliedRetentionLabel, action: RetentionAction): boolean {
  const settings = retentionSettingsOf(store, label);
  if (action === 'editContent') return settings.isContentUpdateAllowed === true;
  if (action === 'editMetadata') return settings.isMetadataUpdateAllowed === true;
  return settings.isDeleteAllowed === true;
}

/**
 * Throws 423 when the driveItem's retention label (or, for 'delete', a label on anything below a
 * folder) forbids the action. Every write path of Graph and SharePoint REST calls this.
 */
export function assertRetentionAllows(store: Store, driveItemId: string, action: RetentionAction): void {
  const all = store.collection<DriveItemRecord>(DRIVE_ITEMS);
  const item = all.get(driveItemId);
  if (!item) return;
  const label = item.data.retentionLabel;
  if (label && !allows(store, label, action)) throw lockedError(label.name, action);
  if (action === 'delete' && item.data.kind === 'folder') {
    for (const child of all.list({ parentId: item.data.driveId }).filter((c) => c.data.parentItemId === item.id)) {
      assertRetentionAllows(store, child.id, action);
    }
  }
}
