/**
 * "Save as evidence" for an open (received or sent) mail in read mode: a board decision on budget,
 * a pentest invoice, an auditor's request. The original MIME (`$value`) is stored as `.eml`, keyed
 * by the internetMessageId, so saving twice yields one item.
 */
import type { Language } from '../../domain';
import type { MailGateway } from '../../graph';
import type { CaptureResult, EvidenceStore } from '../evidence/evidenceStore';
import type { CaptureKind } from './captureKinds';
import { buildMailCapture, MailCaptureError } from './mailCapture';
import { factsOfSentMessage } from './sweep';

export interface SaveOpenMailRequest {
  /** The message's Graph (REST) id. */
  messageId: string;
  kind: CaptureKind;
  note?: string;
  appointee?: string;
}

export async function saveOpenMail(deps: { mail: MailGateway; store: EvidenceStore; lang: Language }, request: SaveOpenMailRequest): Promise<CaptureResult> {
  const [message, mime] = await Promise.all([deps.mail.get(request.messageId), deps.mail.mime(request.messageId)]);
  if (!message.internetMessageId) {
    throw new MailCaptureError(`Message ${request.messageId} has no internetMessageId (a draft?).`, { key: 'outlook.capture.draft' });
  }
  const facts = factsOfSentMessage(message);
  const day = (message.sentDateTime ?? new Date().toISOString()).slice(0, 10);
  const input = buildMailCapture(
    {
      ...facts,
      kind: request.kind,
      ...(request.appointee ? { appointee: request.appointee } : {}),
      ...(request.note ? { note: request.note } : {}),
      content: { fileName: `mail-${day}-${message.id.slice(-12).replace(/[^A-Za-z0-9-]/g, '-')}.eml`, contentType: 'message/rfc822', bytes: mime },
    },
    'outlook',
    deps.lang,
  );
  return deps.store.capture(input);
}
