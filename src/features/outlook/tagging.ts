/**
 * Marking a mail in the compose task pane: category (creating the master category with its colour
 * when missing) plus the capture header; reading the mark back; removing it.
 */
import type { CaptureKind } from './captureKinds';
import {
  CAPTURE_CATEGORY,
  CAPTURE_CATEGORY_COLOR,
  CAPTURE_HEADER,
  formatCaptureHeader,
  hasCaptureCategory,
  parseCaptureHeader,
  type CaptureTag,
} from './captureTag';
import type { ComposeMail, MasterCategories } from './composeMail';

export type TagState =
  /** Category and header: the on-send handler captures it. */
  | { state: 'tagged'; tag: CaptureTag }
  /** Category only (set by hand): on-send adds a header and captures it too. */
  | { state: 'categoryOnly' }
  | { state: 'untagged' };

export async function readTagState(mail: ComposeMail): Promise<TagState> {
  const [headers, categories] = await Promise.all([mail.getHeaders([CAPTURE_HEADER]), mail.getCategories()]);
  const tag = parseCaptureHeader(headers[CAPTURE_HEADER]);
  const categorized = hasCaptureCategory(categories);
  if (tag && categorized) return { state: 'tagged', tag };
  if (categorized) return { state: 'categoryOnly' };
  return { state: 'untagged' };
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
  const value = formatCaptureHeader(tag);
  await ensureMasterCategory(master);
  const categories = await mail.getCategories();
  if (!hasCaptureCategory(categories)) await mail.addCategories([CAPTURE_CATEGORY]);
  await mail.setHeaders({ [CAPTURE_HEADER]: value });
  return tag;
}

export async function untagMail(mail: ComposeMail): Promise<void> {
  const categories = await mail.getCategories();
  const ours = categories.filter((c) => hasCaptureCategory([c]));
  if (ours.length > 0) await mail.removeCategories(ours);
  await mail.removeHeaders([CAPTURE_HEADER]);
}
