/**
 * The stored copy of a mail: a self-contained HTML file with a header block (from, to, sent,
 * subject, capture id) and the body, sanitized by the one mail sanitizer (mailHtml/sanitizeMailHtml.ts:
 * no scripts, no event handlers, no remote content loaded when the file is opened). Where no DOM exists (classic Outlook's
 * JavaScript-only runtime) the plain-text body is kept instead, escaped.
 */
import { escapeHtml } from '../../domain';
import type { EvidenceContent } from '../evidence/evidenceStore';
import { canSanitizeHtml, sanitizeMailHtml } from '../mailHtml/sanitizeMailHtml';
import type { MailAuthor, MailRecipient } from './composeMail';

export interface SnapshotInput {
  subject: string;
  from: MailAuthor;
  recipients: readonly MailRecipient[];
  sentAt: Date;
  /** Identifies the mail: capture id or internetMessageId. */
  reference: string;
  /** The body as HTML, when a DOM is there to sanitize it. */
  bodyHtml?: string;
  /** The plain-text body (fallback). */
  bodyText: string;
}

function recipientLine(recipients: readonly MailRecipient[]): string {
  return recipients.map((r) => (r.displayName && r.displayName !== r.emailAddress ? `${r.displayName} <${r.emailAddress}>` : r.emailAddress)).join(', ');
}

export function snapshotHtml(input: SnapshotInput): string {
  const body =
    input.bodyHtml !== undefined && canSanitizeHtml()
      ? sanitizeMailHtml(input.bodyHtml)
      : `<pre style="white-space: pre-wrap; font-family: inherit">${escapeHtml(input.bodyText)}</pre>`;
  const rows: [string, string][] = [
    ['From', `${input.from.displayName} <${input.from.emailAddress}>`],
    ['To', recipientLine(input.recipients)],
    ['Sent', input.sentAt.toISOString()],
    ['Subject', input.subject],
    ['Reference', input.reference],
  ];
  return [
    '<!doctype html>',
    '<html>',
    '<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    '<body>',
    '<table class="chefsache-mail-header">',
    ...rows.map(([name, value]) => `<tr><th scope="row" align="left">${name}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    '<hr>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'mail';
}

export function snapshotContent(input: SnapshotInput): EvidenceContent {
  const day = input.sentAt.toISOString().slice(0, 10);
  return {
    fileName: `mail-${day}-${fileSafe(input.reference)}.html`,
    contentType: 'text/html; charset=utf-8',
    bytes: new TextEncoder().encode(snapshotHtml(input)),
  };
}
