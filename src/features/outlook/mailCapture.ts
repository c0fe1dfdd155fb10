/**
 * Builds the evidence capture for a mail, whichever path found it: the on-send handler (source
 * `outlook`), the Sent Items sweep (`outlookSweep`) or "save as evidence" in read mode.
 */
import { mailSourceKey, type EvidenceSource, type Language, type PersonRef } from '../../domain';
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
    readonly userMessage: { de: string; en: string },
  ) {
    super(message);
  }
}

/** The source key: from the capture id for tagged mails, else from the internetMessageId. */
export function mailCaptureKey(facts: Pick<MailFacts, 'captureId' | 'internetMessageId'>): string {
  if (facts.captureId) return mailSourceKey(captureMessageId(facts.captureId));
  if (facts.internetMessageId) return mailSourceKey(facts.internetMessageId);
  throw new MailCaptureError('A mail capture needs a capture id or an internetMessageId.', {
    de: 'Die E-Mail lässt sich nicht eindeutig zuordnen (keine Nachrichten-ID).',
    en: 'The mail cannot be identified (no message id).',
  });
}

function person(author: MailAuthor): PersonRef {
  return { upn: author.emailAddress, displayName: author.displayName || author.emailAddress };
}

export function recipientSummaryText(facts: Pick<MailFacts, 'recipients'>, lang: Language): string {
  const summary = summarizeRecipients(facts.recipients);
  const groups = summary.allStaffNames.join(', ');
  if (lang === 'de') {
    return summary.allStaff ? `An ${summary.count} Empfänger, darunter alle Mitarbeitenden (${groups}).` : `An ${summary.count} Empfänger, keine Gruppe aller Mitarbeitenden.`;
  }
  return summary.allStaff ? `To ${summary.count} recipients, including all staff (${groups}).` : `To ${summary.count} recipients, no all-staff group.`;
}

export function buildMailCapture(facts: MailFacts, source: EvidenceSource, lang: Language): CaptureInput {
  const subject = facts.subject.trim() || (lang === 'de' ? '(ohne Betreff)' : '(no subject)');
  const reference = facts.captureId ? `capture ${facts.captureId}` : (facts.internetMessageId ?? '');
  if (needsAppointee(facts.kind) && !facts.appointee) {
    throw new MailCaptureError(`A mail tagged as ${facts.kind} needs the appointed person.`, {
      de: 'Für eine Ernennung fehlt die ernannte Person.',
      en: 'An appointment needs the appointed person.',
    });
  }
  if (facts.appointee !== undefined && !isMailAddress(facts.appointee)) {
    throw new MailCaptureError(`The appointee "${facts.appointee}" is not one mail address.`, {
      de: `„${facts.appointee}“ ist nicht genau eine E-Mail-Adresse.`,
      en: `"${facts.appointee}" is not exactly one email address.`,
    });
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
