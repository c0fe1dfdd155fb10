/**
 * What happens when a mail is sent (Outlook `messageSending`, send mode `promptUser`):
 * - untagged: nothing but two local Office.js reads; no network; the send goes on at once;
 * - tagged: subject, sanitized body snapshot, recipients, sent time and capture id are captured
 *   (the store hashes the snapshot), then the send goes on. A store that cannot be reached puts
 *   the capture in its outbox; anything else that fails, or takes longer than the deadline, never
 *   stops the send: the Sent Items sweep picks the mail up later by its category and header.
 * The same send firing twice yields one item: the source key comes from the capture id.
 */
import type { Language } from '../../domain';
import type { CaptureResult, EvidenceStore } from '../evidence/evidenceStore';
import { canSanitizeHtml } from '../mailHtml/sanitizeMailHtml';
import { defaultKindFor } from './captureKinds';
import { CAPTURE_HEADER, formatCaptureHeader, type CaptureTag } from './captureTag';
import type { ComposeMail, MailAuthor } from './composeMail';
import { buildMailCapture } from './mailCapture';
import { readTagState } from './tagging';

export interface OnSendDependencies {
  /** The signed-in mailbox owner (Office.context.mailbox.userProfile). */
  author: MailAuthor;
  lang: Language;
  now(): Date;
  newCaptureId(): string;
  /** Opened only for tagged mails. */
  openStore(): Promise<EvidenceStore>;
  /** Longest time the send waits for the capture (default 10 s). */
  deadlineMs?: number;
  /** Timer (tests inject one). */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export type OnSendOutcome =
  | { outcome: 'untagged' }
  | { outcome: 'captured'; result: CaptureResult; tag: CaptureTag }
  | { outcome: 'failed'; error: unknown; tag: CaptureTag }
  | { outcome: 'timedOut'; tag: CaptureTag };

export const DEFAULT_ON_SEND_DEADLINE_MS = 10_000;

async function tagToCapture(mail: ComposeMail, deps: OnSendDependencies): Promise<CaptureTag | undefined> {
  const state = await readTagState(mail);
  if (state.state === 'untagged') return undefined;
  if (state.state === 'tagged') return state.tag;
  // Category set by hand (another client, or the pane was never opened): give it a capture id
  // now, so the sent mail carries it and the sweep recognises the capture.
  const tag: CaptureTag = { captureId: deps.newCaptureId(), kind: defaultKindFor(await mail.getRecipients()) };
  await mail.setHeaders({ [CAPTURE_HEADER]: formatCaptureHeader(tag.captureId) });
  return tag;
}

async function capture(mail: ComposeMail, tag: CaptureTag, deps: OnSendDependencies): Promise<CaptureResult> {
  const withHtml = canSanitizeHtml();
  const [subject, recipients, bodyText, bodyHtml, store] = await Promise.all([
    mail.getSubject(),
    mail.getRecipients(),
    mail.getBodyText(),
    withHtml ? mail.getBodyHtml() : Promise.resolve(undefined),
    deps.openStore(),
  ]);
  const input = buildMailCapture(
    {
      subject,
      from: deps.author,
      recipients,
      sentAt: deps.now(),
      kind: tag.kind,
      captureId: tag.captureId,
      ...(tag.appointee ? { appointee: tag.appointee } : {}),
      ...(bodyHtml !== undefined ? { bodyHtml } : {}),
      bodyText,
    },
    'outlook',
    deps.lang,
  );
  return store.capture(input);
}

export async function captureOnSend(mail: ComposeMail, deps: OnSendDependencies): Promise<OnSendOutcome> {
  const tag = await tagToCapture(mail, deps);
  if (!tag) return { outcome: 'untagged' };
  const setTimer = deps.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let timer: unknown;
  const deadline = new Promise<OnSendOutcome>((resolve) => {
    timer = setTimer(() => resolve({ outcome: 'timedOut', tag }), deps.deadlineMs ?? DEFAULT_ON_SEND_DEADLINE_MS);
  });
  const work = capture(mail, tag, deps).then(
    (result): OnSendOutcome => ({ outcome: 'captured', result, tag }),
    (error: unknown): OnSendOutcome => ({ outcome: 'failed', error, tag }),
  );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimer(timer);
  }
}
