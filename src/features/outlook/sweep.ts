/**
 * The Sent Items sweep: a delta query over Sent Items finds mails with the Chefsache category,
 * whatever client sent them (phone, Outlook on the web: no add-in there), and captures those that
 * have no evidence yet. A mail the on-send handler captured carries its capture id in the
 * `x-chefsache-capture` header, so it maps to the same source key: it is confirmed (its Sent
 * Items copy found, with internetMessageId and sent time), never captured twice.
 *
 * Graph gives a Sent Items copy no `internetMessageHeaders` (the header is only in its MIME and on
 * the recipients' copies), so the header is read from the MIME header block, for categorized mails
 * only; the download stops at the end of the headers. The body is read only for a new capture.
 * The header carries only the capture id: a mail the sweep captures first gets the default kind
 * (addressed to all staff → a message to all staff, else "other"); the kind chosen in compose lives
 * in the item's add-in custom property, which the on-send capture reads.
 */
import type { Language } from '../../domain';
import { GraphResyncRequiredError, type MailGateway, type MailMessage } from '../../graph';
import type { CaptureResult, EvidenceStore } from '../evidence/evidenceStore';
import { defaultKindFor } from './captureKinds';
import { CAPTURE_HEADER, hasCaptureCategory, parseCaptureHeader } from './captureTag';
import type { MailRecipient } from './composeMail';
import { buildMailCapture, mailCaptureKey, type MailFacts } from './mailCapture';

/** Where the sweep keeps its delta link between runs (per mailbox). */
export interface DeltaLinkStorage {
  load(): string | undefined;
  save(link: string): void;
  clear(): void;
}

export function memoryDeltaLinkStorage(): DeltaLinkStorage {
  let link: string | undefined;
  return { load: () => link, save: (l) => (link = l), clear: () => (link = undefined) };
}

export interface SweepDependencies {
  mail: MailGateway;
  store: EvidenceStore;
  lang: Language;
  deltaLinks: DeltaLinkStorage;
  /** Tagged mails of this round checked so far, of how many (for a progress bar). */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface SweepConfirmation {
  itemId: string;
  internetMessageId?: string;
  sentDateTime?: string;
}

export interface SweepResult {
  /** Messages the delta round reported (new or changed since the last sweep). */
  scanned: number;
  /** Of those, the ones carrying the Chefsache category. */
  tagged: number;
  captured: number;
  /** Tagged mails that already had their evidence item (on-send capture or an earlier sweep). */
  confirmed: SweepConfirmation[];
  queued: number;
  failed: { subject: string; error: unknown }[];
}

const SENT_ITEMS = 'sentitems';

function recipientsOf(message: MailMessage): MailRecipient[] {
  return [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients].map((r) => ({ displayName: r.name, emailAddress: r.address, kind: 'other' }));
}

function htmlToText(html: string): string {
  return html.replace(/<(br|\/p|\/div|\/li)[^>]*>/gi, '\n').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
}

/** The facts of a sent mail (read with its body) and its capture id, when it has one. */
export function factsOfSentMessage(message: MailMessage, captureId?: string): MailFacts {
  const recipients = recipientsOf(message);
  const body = message.body ?? { contentType: 'text' as const, content: '' };
  return {
    subject: message.subject,
    from: { displayName: message.from?.name ?? '', emailAddress: message.from?.address ?? '' },
    recipients,
    sentAt: new Date(message.sentDateTime ?? Date.now()),
    kind: defaultKindFor(recipients),
    ...(captureId ? { captureId } : {}),
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
    ...(body.contentType === 'html' ? { bodyHtml: body.content } : {}),
    bodyText: body.contentType === 'html' ? htmlToText(body.content) : body.content,
  };
}

async function deltaRound(deps: SweepDependencies) {
  const link = deps.deltaLinks.load();
  try {
    return await deps.mail.folderDelta(SENT_ITEMS, link);
  } catch (error) {
    if (!(error instanceof GraphResyncRequiredError) || link === undefined) throw error;
    // The delta token expired: start over with a full round (captures stay idempotent).
    deps.deltaLinks.clear();
    return deps.mail.folderDelta(SENT_ITEMS);
  }
}

function count(result: SweepResult, outcome: CaptureResult, message: MailMessage) {
  if (outcome.status === 'created') result.captured += 1;
  else if (outcome.status === 'queued') result.queued += 1;
  else result.confirmed.push({ itemId: outcome.item.id, ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}), ...(message.sentDateTime ? { sentDateTime: message.sentDateTime } : {}) });
}

export async function sweepSentItems(deps: SweepDependencies): Promise<SweepResult> {
  const round = await deltaRound(deps);
  const tagged = round.messages.filter((listed) => hasCaptureCategory(listed.categories));
  const result: SweepResult = { scanned: round.messages.length, tagged: tagged.length, captured: 0, confirmed: [], queued: 0, failed: [] };
  deps.onProgress?.({ done: 0, total: tagged.length });
  for (const [index, listed] of tagged.entries()) {
    try {
      const captureId = parseCaptureHeader((await deps.mail.mimeHeaders(listed.id))[CAPTURE_HEADER]);
      const key = mailCaptureKey({ ...(captureId ? { captureId } : {}), ...(listed.internetMessageId ? { internetMessageId: listed.internetMessageId } : {}) });
      const existing = await deps.store.findBySourceKey(key);
      if (existing) {
        count(result, { status: 'existing', item: existing }, listed);
      } else {
        const message = await deps.mail.get(listed.id);
        count(result, await deps.store.capture(buildMailCapture(factsOfSentMessage(message, captureId), 'outlookSweep', deps.lang)), message);
      }
    } catch (error) {
      result.failed.push({ subject: listed.subject, error });
    }
    deps.onProgress?.({ done: index + 1, total: tagged.length });
  }
  // Only a finished round moves the link on; failed mails come back when they change or on a full sweep.
  if (result.failed.length === 0) deps.deltaLinks.save(round.deltaLink);
  return result;
}
