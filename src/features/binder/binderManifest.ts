/**
 * The binder's manifest (`manifest.json` in the ZIP): every file with its SHA-256 and size, and
 * what the binder covers. Validated with zod whenever a binder is read back.
 */
import { z } from 'zod';

export const BINDER_FORMAT = 'chefsache-binder/1';
export const MANIFEST_PATH = 'manifest.json';
export const PDF_PATH = 'binder.pdf';
export const ITEMS_PATH = 'items.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase SHA-256 hex digest');

export const BinderFileSchema = z.object({
  path: z.string().min(1),
  sha256,
  size: z.number().int().min(0),
  /** The evidence item the file belongs to (content files only). */
  itemId: z.string().min(1).optional(),
});

export const BinderManifestSchema = z.object({
  format: z.literal(BINDER_FORMAT),
  createdAt: z.iso.datetime({ offset: true }),
  company: z.string(),
  range: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
  itemCount: z.number().int().min(0),
  files: z.array(BinderFileSchema),
});

export type BinderFile = z.infer<typeof BinderFileSchema>;
export type BinderManifest = z.infer<typeof BinderManifestSchema>;
