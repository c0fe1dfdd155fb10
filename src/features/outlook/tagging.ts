/**
 * Marking a mail in the compose task pane: category (creating the master category with its colour
 * when missing), the capture header (only the opaque capture id) and kind + appointee in the item's
 * add-in custom property (stays with the sender); reading the mark back; removing it.
 */
import type { CaptureKind } from './captureKinds';
import {
  CAPTURE_CATEGORY,
  CAPTURE_CATEGORY_COLOR,
  CAPTURE_HEADER,
  CAPTURE_PROPERTY,
  formatCaptureDetails,
  formatCaptureHeader,
  hasCaptureCategory,
  parseCaptureDetails,
  parseCaptureHeader,
  type CaptureTag,
} from './captureTag';
import type { ComposeMail, MasterCategories } from './composeMail';

export type TagState =
  /** Category, header and custom property: the on-send handler captures it. */
  | { state: 'tagged'; tag: CaptureTag }
  /** Category only (set by hand, or the kind is missing): on-send adds a header and captures it too. */
  | { state: 'categoryOnly' }
  | { state: 'untagged' };

export async function readTagState(mail: ComposeMail): Promise<TagState> {
  const [headers, categories] = await Promise.all([mail.getHeaders([CAPTURE_HEADER]), mail.getCategories()]);
  if (!hasCaptureCategory(categories)) return { state: 'untagged' };
  const captureId = parseCaptureHeader(headers[CAPTURE_HEADER]);
  const details = captureId ? parseCaptureDetails(await mail.getCustomProperty(CAPTURE_PROPERTY)) : undefined;
  if (captureId && details) return { state: 'tagged', tag: { captureId, ...details } };
  return { state: 'categoryOnly' };
}

/** Creates the master category when the mailbox does not have it yet. */
export async function ensureMasterCategory(master: MasterCategories): Promise<void> {
  const existing = await master.list();
  if (!hasCaptureCategory(existing.map((c) => c.displayName))) await master.add(CAPTURE_CATEGORY, CAPTURE_CATEGORY_COLOR);
}

export interface TagRequest {
  kind: CaptureKind;
  appointee?: string;
  /** Kept when the mail was tagged before (re-tagging with another kind keeps one capture). */
  captureId: string;
}

export async function tagMail(mail: ComposeMail, master: MasterCategories, request: TagRequest): Promise<CaptureTag> {
  const tag: CaptureTag = {
    captureId: request.captureId,
    kind: request.kind,
    ...(request.appointee ? { appointee: request.appointee.trim() } : {}),
  };
  const header = formatCaptureHeader(tag.captureId);
  const details = formatCaptureDetails(tag);
  await ensureMasterCategory(master);
  const categories = await mail.getCategories();
  if (!hasCaptureCategory(categories)) await mail.addCategories([CAPTURE_CATEGORY]);
  await mail.setCustomProperty(CAPTURE_PROPERTY, details);
  await mail.setHeaders({ [CAPTURE_HEADER]: header });
  return tag;
}

export async function untagMail(mail: ComposeMail): Promise<void> {
  const categories = await mail.getCategories();
  const ours = categories.filter((c) => hasCaptureCategory([c]));
  if (ours.length > 0) await mail.removeCategories(ours);
  await mail.removeHeaders([CAPTURE_HEADER]);
  await mail.setCustomProperty(CAPTURE_PROPERTY, undefined);
}
