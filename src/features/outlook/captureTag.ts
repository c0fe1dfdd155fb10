/**
 * How a mail is marked for capture: the Outlook category (visible on every client, found by the
 * Sent Items sweep) and an internet header carrying the capture id (travels with the sent mail,
 * so the sweep recognises a mail the on-send handler already captured).
 *
 * Header value: `id=<uuid>; kind=<CaptureKind>[; appointee=<address>]`.
 */
import { isCaptureKind, type CaptureKind } from './captureKinds';

/** The Outlook category that marks ISMS evidence (created in the master list when missing). */
export const CAPTURE_CATEGORY = 'Chefsache ISMS';
/** Colour of the master category (Office.MailboxEnums.CategoryColor / Graph categoryColor). */
export const CAPTURE_CATEGORY_COLOR = 'Preset4';
/** Custom internet headers must start with "x-" (Office.js internetHeaders). */
export const CAPTURE_HEADER = 'x-chefsache-capture';

export interface CaptureTag {
  captureId: string;
  kind: CaptureKind;
  /** The appointed person's mail address (ISB appointment). */
  appointee?: string;
}

const CAPTURE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^\s;=<>"]+@[^\s;=<>"]+$/;

export function isCaptureId(value: string): boolean {
  return CAPTURE_ID.test(value);
}

export function formatCaptureHeader(tag: CaptureTag): string {
  if (!isCaptureId(tag.captureId)) throw new RangeError(`Capture id "${tag.captureId}" is not a UUID.`);
  const parts = [`id=${tag.captureId.toLowerCase()}`, `kind=${tag.kind}`];
  if (tag.appointee !== undefined) {
    if (!ADDRESS.test(tag.appointee)) throw new RangeError(`Appointee "${tag.appointee}" is not a mail address.`);
    parts.push(`appointee=${tag.appointee}`);
  }
  return parts.join('; ');
}

/** The tag in a header value, or undefined when the value is not one Chefsache wrote. */
export function parseCaptureHeader(value: string | undefined | null): CaptureTag | undefined {
  if (!value) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const captureId = fields.get('id');
  const kind = fields.get('kind');
  if (!captureId || !isCaptureId(captureId) || !kind || !isCaptureKind(kind)) return undefined;
  const appointee = fields.get('appointee');
  return {
    captureId: captureId.toLowerCase(),
    kind,
    ...(appointee && ADDRESS.test(appointee) ? { appointee } : {}),
  };
}

/** True when the categories include Chefsache's (Outlook compares category names case-insensitively). */
export function hasCaptureCategory(categories: readonly string[]): boolean {
  return categories.some((c) => c.trim().toLowerCase() === CAPTURE_CATEGORY.toLowerCase());
}

/**
 * The Message-ID-shaped id a tagged mail is stored under. The real internetMessageId does not
 * exist yet while the mail is being sent, so captures of tagged mails are keyed by their capture
 * id, whichever path (on-send, outbox, sweep) stores them.
 */
export function captureMessageId(captureId: string): string {
  return `<${captureId.toLowerCase()}@capture.chefsache>`;
}
