/**
 * The binder's manifest (`manifest.json` in the ZIP): every file with its SHA-256 and size, and
 * what the binder covers. Validated with zod whenever a binder is read back.
 */
import { z } from 'zod';

export const BINDER_FORMAT = 'chefsache-binder/1';
export const MANIFEST_PATH = 'manifest.json';
export const PDF_PATH = 'binder.pdf';
export const ITEMS_PATH = 'items.json';
export const UNREADABLE_PATH = 'unreadable.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase SHA-256 hex digest');

export const BinderFileSchema = z.object({
  path: z.string().min(1),
  sha256,
  size: z.number().int().min(0),
  /** The evidence item the file belongs to (content files only). */
  itemId: z.string().min(1).optional(),
});

/** A signature item the binder was checked against (issue 11: the manifest is anchored in SharePoint). */
export const ManifestSignatureSchema = z.object({
  /** The signature item's id in the signatures list. */
  id: z.string().min(1),
  signedAt: z.string(),
  evidenceDigest: z.string().min(1),
  evidenceCount: z.number().int().min(0),
});

export const BinderManifestSchema = z.object({
  format: z.literal(BINDER_FORMAT),
  createdAt: z.iso.datetime({ offset: true }),
  company: z.string(),
  range: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
  itemCount: z.number().int().min(0),
  files: z.array(BinderFileSchema),
  /** Items of the range that fail validation (listed in unreadable.json and the PDF). */
  unreadableCount: z.number().int().min(0).optional(),
  /** Every signature item known when the binder was made, newest first. */
  signatures: z.array(ManifestSignatureSchema).optional(),
  /** How many items carry a flag (changed after capture, acceptance or signature). */
  flaggedCount: z.number().int().min(0).optional(),
  /** Signed minutes whose signature no longer holds (changed after signing, no or an invalid record). */
  minutesFlagged: z.array(z.object({ occurrenceStart: z.string(), flags: z.array(z.string()) })).optional(),
});

export type BinderFile = z.infer<typeof BinderFileSchema>;
export type BinderManifest = z.infer<typeof BinderManifestSchema>;
