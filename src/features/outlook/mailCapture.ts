/**
 * Builds the evidence capture for a mail, whichever path found it: the on-send handler (source
 * `outlook`), the Sent Items sweep (`outlookSweep`) or "save as evidence" in read mode.
 */
import { mailSourceKey, type EvidenceSource, type Language, type PersonRef } from '../../domain';
// The translator module alone: the on-send runtime bundles this file and needs no React.
import { createTranslator, type AppMessage } from '../../i18n/translate';
import type { CaptureInput, EvidenceContent } from '../evidence/evidenceStore';
import { clausesFor, evidenceTypeFor, needsAppointee, type CaptureKind } from './captureKinds';
import { captureMessageId, isMailAddress } from './captureTag';
import type { MailAuthor, MailRecipient } from './composeMail';
import { summarizeRecipients } from './recipients';
import { snapshotContent } from './mailSnapshot';

export interface MailFacts {
  subject: string;
  from: MailAuthor;
  recipients: readonly MailRecipient[];
  sentAt: Date;
  kind: CaptureKind;
  /** Present for tagged mails: the key is built from it. */
  captureId?: string;
  /** Graph's internetMessageId (Sent Items copy, read mode). */
  internetMessageId?: string;
  appointee?: string;
  bodyHtml?: string;
  bodyText: string;
  /** Note typed by the user (read mode). */
  note?: string;
  /** Stored bytes instead of the HTML snapshot (read mode: the original MIME). */
  content?: EvidenceContent;
}

export class MailCaptureError extends Error {
  override readonly name = 'MailCaptureError';
  constructor(
    message: string,
    readonly userMessage: AppMessage,
  ) {
    super(message);
  }
}

/** The source key: from the capture id for tagged mails, else from the internetMessageId. */
export function mailCaptureKey(facts: Pick<MailFacts, 'captureId' | 'internetMessageId'>): string {
  if (facts.captureId) return mailSourceKey(captureMessageId(facts.captureId));
  if (facts.internetMessageId) return mailSourceKey(facts.internetMessageId);
  throw new MailCaptureError('A mail capture needs a capture id or an internetMessageId.', { key: 'outlook.capture.noMessageId' });
}

function person(author: MailAuthor): PersonRef {
  return { upn: author.emailAddress, displayName: author.displayName || author.emailAddress };
}

export function recipientSummaryText(facts: Pick<MailFacts, 'recipients'>, lang: Language): string {
  const summary = summarizeRecipients(facts.recipients);
  const t = createTranslator(lang);
  return summary.allStaff
    ? t('outlook.capture.recipientsAllStaff', { count: summary.count, groups: summary.allStaffNames.join(', ') })
    : t('outlook.capture.recipientsNoAllStaff', { count: summary.count });
}

export function buildMailCapture(facts: MailFacts, source: EvidenceSource, lang: Language): CaptureInput {
  const subject = facts.subject.trim() || createTranslator(lang)('outlook.capture.noSubject');
  const reference = facts.captureId ? `capture ${facts.captureId}` : (facts.internetMessageId ?? '');
  if (needsAppointee(facts.kind) && !facts.appointee) {
    throw new MailCaptureError(`A mail tagged as ${facts.kind} needs the appointed person.`, { key: 'outlook.capture.appointeeMissing' });
  }
  if (facts.appointee !== undefined && !isMailAddress(facts.appointee)) {
    throw new MailCaptureError(`The appointee "${facts.appointee}" is not one mail address.`, { key: 'outlook.capture.appointeeInvalid', values: { value: facts.appointee } });
  }
  const summaryParts = [recipientSummaryText(facts, lang)];
  if (facts.note?.trim()) summaryParts.push(facts.note.trim());
  summaryParts.push(facts.captureId ? `Capture-ID: ${facts.captureId}` : `Message-ID: ${facts.internetMessageId ?? ''}`);
  const content =
    facts.content ??
    snapshotContent({
      subject,
      from: facts.from,
      recipients: facts.recipients,
      sentAt: facts.sentAt,
      reference,
      ...(facts.bodyHtml !== undefined ? { bodyHtml: facts.bodyHtml } : {}),
      bodyText: facts.bodyText,
    });
  return {
    title: subject.slice(0, 255),
    type: evidenceTypeFor(facts.kind),
    clauses: clausesFor(facts.kind),
    source,
    sourceKey: mailCaptureKey(facts),
    effectiveDate: facts.sentAt.toISOString(),
    summary: summaryParts.join('\n').slice(0, 4000),
    author: person(facts.from),
    ...(facts.appointee ? { appointee: { upn: facts.appointee, displayName: facts.appointee } } : {}),
    content,
  };
}
