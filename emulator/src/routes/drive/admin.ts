/**
 * Admin actions of the drive module (no auth): overwrite a file's bytes WITHOUT touching its
 * metadata (size, quickXorHash, eTag, cTag, lastModified stay as they were), so tests can
 * simulate tampering behind SharePoint's back.
 *   PUT  /_admin/drives/{driveId}/items/{itemId}/content     body: the new bytes
 *   PUT  /_admin/drives/{driveId}/root:/{path}:/content      body: the new bytes
 *   POST /_admin/drive/tamper  JSON { driveId?, itemId? | path?, text? | contentBase64? }
 *        (driveId defaults to the ISMS site's "Dokumente" library)
 * Each answers `{ id, name, bytes }`.
 *   PUT  /_admin/drive/property-promotion  JSON { enabled: boolean } → { enabled }
 *   GET  /_admin/drive/property-promotion  → { enabled }
 *        SharePoint's property promotion/demotion on later uploads (see propertyPromotion.ts);
 *        off by default and after a reset.
 */
import { z } from 'zod';
import type { BaseContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { ok, type EmulatorResponse } from '../../http/response';
import type { ModuleApi } from '../../module';
import { lists } from '../sharepoint/repo';
import { DOCUMENTS_LIBRARY_ID } from '../sharepoint/seed';
import { propertyPromotionEnabled, setPropertyPromotion } from '../sharepoint/library/propertyPromotion';
import { getDrive, getDriveItem, itemByPath, overwriteBytesSilently } from '../sharepoint/library/repo';

const tamperSchema = z
  .object({
    driveId: z.string().min(1).optional(),
    itemId: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    text: z.string().optional(),
    contentBase64: z.string().optional(),
  })
  .refine((b) => (b.itemId === undefined) !== (b.path === undefined), { message: 'Give exactly one of itemId and path.' })
  .refine((b) => (b.text === undefined) !== (b.contentBase64 === undefined), { message: 'Give exactly one of text and contentBase64.' });

const promotionSchema = z.object({ enabled: z.boolean() });

function overwrite(ctx: BaseContext, target: { driveId: string; itemId?: string; path?: string }, bytes: Buffer): EmulatorResponse {
  const drive = getDrive(ctx.store, target.driveId);
  const item = target.path !== undefined ? itemByPath(ctx.store, drive.id, target.path) : getDriveItem(ctx.store, drive.id, target.itemId ?? '');
  overwriteBytesSilently(ctx.store, item, bytes);
  return ok({ id: item.id, name: item.data.name, bytes: bytes.length });
}

function defaultDriveId(ctx: BaseContext): string {
  const driveId = lists(ctx.store).get(DOCUMENTS_LIBRARY_ID)?.data.driveId;
  if (!driveId) throw new GraphError(404, 'itemNotFound', 'The ISMS document library does not exist.');
  return driveId;
}

export function registerDriveAdmin(api: ModuleApi): void {
  const binary = { body: 'binary' as const, maxBodyBytes: 64 * 1024 * 1024 };
  const byParams = (ctx: BaseContext) =>
    overwrite(ctx, { driveId: ctx.params.driveId ?? '', itemId: ctx.params.itemId, path: ctx.params.path }, ctx.rawBody);
  api.admin({ method: 'PUT', path: '/drives/{driveId}/items/{itemId}/content', ...binary, handler: byParams });
  api.admin({ method: 'PUT', path: '/drives/{driveId}/root:/{path+}:/content', ...binary, handler: byParams });
  api.admin({
    method: 'POST',
    path: '/drive/tamper',
    maxBodyBytes: 64 * 1024 * 1024,
    handler: (ctx) => {
      const parsed = tamperSchema.safeParse(ctx.body ?? {});
      if (!parsed.success) throw new GraphError(400, 'invalidRequest', parsed.error.issues.map((i) => i.message).join(' '));
      const { driveId, itemId, path, text, contentBase64 } = parsed.data;
      const bytes = text !== undefined ? Buffer.from(text, 'utf8') : Buffer.from(contentBase64 ?? '', 'base64');
      return overwrite(ctx, { driveId: driveId ?? defaultDriveId(ctx), itemId, path }, bytes);
    },
  });
  api.admin({ method: 'GET', path: '/drive/property-promotion', handler: (ctx) => ok({ enabled: propertyPromotionEnabled(ctx.store) }) });
  api.admin({
    method: 'PUT',
    path: '/drive/property-promotion',
    handler: (ctx) => {
      const parsed = promotionSchema.safeParse(ctx.body ?? {});
      if (!parsed.success) throw new GraphError(400, 'invalidRequest', 'Send {"enabled": true} or {"enabled": false}.');
      setPropertyPromotion(ctx.store, parsed.data.enabled);
      return ok({ enabled: parsed.data.enabled });
    },
  });
}
