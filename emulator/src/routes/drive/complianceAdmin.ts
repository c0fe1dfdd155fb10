/**
 * Admin actions for the tenant's Purview retention labels (no Graph v1.0 API defines tenant labels
 * for SharePoint apps; tests and the demo set them here). Plain JSON, admin secret required:
 *   PUT /_admin/compliance/retention-labels  [{ name, behaviorDuringRetentionPeriod: retain|retainAsRecord|retainAsRegulatoryRecord, retentionDays? }]
 *       replaces the tenant's labels → { labels }
 *   GET /_admin/compliance/retention-labels  → { labels }
 *   PUT /_admin/compliance/records-settings  { allowMetadataEditOnLockedRecords, allowDeleteOfLabeledItems } → the settings
 *   GET /_admin/compliance/records-settings  → the settings (defaults: true, false; see retention.ts)
 * A reset clears both. Labels already applied to files stay as applied.
 */
import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { ModuleApi } from '../../module';
import { recordsSettings, recordsSettingsSchema, setRecordsSettings, setTenantLabels, tenantLabels, tenantLabelSchema } from '../sharepoint/library/retention';

const labelsSchema = z.array(tenantLabelSchema).max(1000);

export function registerComplianceAdmin(api: ModuleApi): void {
  api.admin({ method: 'GET', path: '/compliance/retention-labels', handler: (ctx) => ok({ labels: tenantLabels(ctx.store) }) });
  api.admin({
    method: 'PUT',
    path: '/compliance/retention-labels',
    handler: (ctx) => {
      const parsed = labelsSchema.safeParse(ctx.body);
      if (!parsed.success) throw new GraphError(400, 'invalidRequest', `Send an array of { name, behaviorDuringRetentionPeriod, retentionDays? }: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const names = new Set(parsed.data.map((l) => l.name.toLowerCase()));
      if (names.size !== parsed.data.length) throw new GraphError(400, 'invalidRequest', 'Label names must be unique.');
      setTenantLabels(ctx.store, parsed.data);
      return ok({ labels: parsed.data });
    },
  });
  api.admin({ method: 'GET', path: '/compliance/records-settings', handler: (ctx) => ok(recordsSettings(ctx.store)) });
  api.admin({
    method: 'PUT',
    path: '/compliance/records-settings',
    handler: (ctx) => {
      const parsed = recordsSettingsSchema.safeParse(ctx.body);
      if (!parsed.success) throw new GraphError(400, 'invalidRequest', 'Send { "allowMetadataEditOnLockedRecords": boolean, "allowDeleteOfLabeledItems": boolean }.');
      setRecordsSettings(ctx.store, parsed.data);
      return ok(parsed.data);
    },
  });
}
