/**
 * How a mail is marked for capture: the Outlook category (visible on every client, found by the
 * Sent Items sweep), an internet header carrying only an opaque capture id (it travels with the
 * sent mail, also to external recipients, so it reveals nothing else), and the kind and appointee
 * in an add-in custom property of the item (Office.js `customProperties`), which is not transmitted
 * to recipients and stays with the sender's copy.
 *
 * Header value: `id=<uuid>`. Custom property `chefsacheCapture`: `{"kind":"<CaptureKind>","appointee"?:"<address>"}`.
 */
import { z } from 'zod';
import { CAPTURE_KINDS, type CaptureKind } from './captureKinds';

/** The Outlook category that marks ISMS evidence (created in the master list when missing). */
export const CAPTURE_CATEGORY = 'Chefsache ISMS';
/** Colour of the master category (Office.MailboxEnums.CategoryColor / Graph categoryColor). */
export const CAPTURE_CATEGORY_COLOR = 'Preset4';
/** Custom internet headers must start with "x-" (Office.js internetHeaders). */
export const CAPTURE_HEADER = 'x-chefsache-capture';
/** The add-in custom property holding kind and appointee (never sent to recipients). */
export const CAPTURE_PROPERTY = 'chefsacheCapture';

export interface CaptureTag {
  captureId: string;
  kind: CaptureKind;
  /** The appointed person's mail address (ISB appointment). */
  appointee?: string;
}

const CAPTURE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^\s;,=<>"]+@[^\s;,=<>"@]+\.[^\s;,=<>"@]+$/;

export function isCaptureId(value: string): boolean {
  return CAPTURE_ID.test(value);
}

/** One mail address (no list, no display name): the rule for the appointee in every form. */
export function isMailAddress(value: string): boolean {
  return ADDRESS.test(value.trim());
}

export function formatCaptureHeader(captureId: string): string {
  if (!isCaptureId(captureId)) throw new RangeError(`Capture id "${captureId}" is not a UUID.`);
  return `id=${captureId.toLowerCase()}`;
}

/** The capture id in a header value, or undefined when the value is not one Chefsache wrote. */
export function parseCaptureHeader(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().toLowerCase() === 'id') {
      const id = part.slice(at + 1).trim();
      return isCaptureId(id) ? id.toLowerCase() : undefined;
    }
  }
  return undefined;
}

export type CaptureDetails = Omit<CaptureTag, 'captureId'>;

const DetailsSchema = z.object({ kind: z.enum(CAPTURE_KINDS), appointee: z.string().refine(isMailAddress).optional() });

export function formatCaptureDetails(details: CaptureDetails): string {
  if (details.appointee !== undefined && !isMailAddress(details.appointee)) throw new RangeError(`Appointee "${details.appointee}" is not one mail address.`);
  return JSON.stringify({ kind: details.kind, ...(details.appointee !== undefined ? { appointee: details.appointee.trim() } : {}) });
}

/** Kind and appointee from the custom property, or undefined when missing or not Chefsache's. */
export function parseCaptureDetails(value: string | undefined | null): CaptureDetails | undefined {
  if (!value) return undefined;
  try {
    const parsed = DetailsSchema.safeParse(JSON.parse(value));
    return parsed.success ? { kind: parsed.data.kind, ...(parsed.data.appointee ? { appointee: parsed.data.appointee } : {}) } : undefined;
  } catch {
    return undefined;
  }
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
