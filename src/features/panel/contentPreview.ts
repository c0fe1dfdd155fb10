/**
 * What the detail pane shows of an item's content: a mail's body (HTML sanitized later, or text),
 * a transcript's or text file's text, or a link for PDFs and everything else.
 */
import { contentFileName } from '../binder/binderEntries';
import type { StoredEvidence } from '../evidence/evidenceStore';

export type ContentPreview =
  | { kind: 'mailHtml'; html: string; subject?: string }
  | { kind: 'text'; text: string; subject?: string }
  | { kind: 'pdf'; fileName: string }
  | { kind: 'file'; fileName: string }
  | { kind: 'none' };

const TEXT_EXTENSIONS = /\.(txt|vtt|md|csv|json|log)$/i;
const MAX_PREVIEW_CHARS = 200_000;

function decodeBytes(bytes: Uint8Array, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.toLowerCase(), { fatal: false }).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i]!;
    const hex = joined.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...new TextEncoder().encode(ch));
    }
  }
  return Uint8Array.from(out);
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const binary = atob(clean);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(header ?? '');
  return match ? (match[2] ?? match[1]) : undefined;
}

function decodePart(part: MimePart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = param(part.headers.get('content-type'), 'charset') ?? 'utf-8';
  if (encoding === 'base64') return decodeBytes(decodeBase64(part.body), charset);
  if (encoding === 'quoted-printable') return decodeBytes(decodeQuotedPrintable(part.body), charset);
  return part.body;
}

/** Leaf parts of a MIME message, depth first. */
function leaves(part: MimePart, depth = 0): MimePart[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary || depth > 5) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((section) => leaves(parsePart(section.replace(/^\r?\n/, '')), depth + 1));
}

/** Encoded-word subjects (=?utf-8?B?...?=) decoded. */
function decodeHeader(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? decodeBytes(decodeBase64(text), charset) : decodeBytes(decodeQuotedPrintable(text.replace(/_/g, ' ')), charset),
  );
}

/** A mail (.eml, RFC 822): its HTML body when there is one, else its text. */
export function mailPreview(eml: string): ContentPreview {
  const message = parsePart(eml);
  const subject = decodeHeader(message.headers.get('subject'));
  const parts = leaves(message);
  const html = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (html) return { kind: 'mailHtml', html: decodePart(html).slice(0, MAX_PREVIEW_CHARS), ...(subject ? { subject } : {}) };
  const text = parts.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain'));
  return { kind: 'text', text: text ? decodePart(text).slice(0, MAX_PREVIEW_CHARS) : '', ...(subject ? { subject } : {}) };
}

export function previewKind(item: Pick<StoredEvidence, 'contentUrl' | 'contentSha256'>): 'mail' | 'text' | 'html' | 'pdf' | 'file' | 'none' {
  if (!item.contentUrl) return 'none';
  const name = contentFileName(item);
  if (/\.eml$/i.test(name)) return 'mail';
  if (/\.html?$/i.test(name)) return 'html';
  if (TEXT_EXTENSIONS.test(name)) return 'text';
  if (/\.pdf$/i.test(name)) return 'pdf';
  return 'file';
}

/** The preview of downloaded content (only called for mail, HTML and text kinds). */
export function buildPreview(item: StoredEvidence, bytes: Uint8Array): ContentPreview {
  const kind = previewKind(item);
  const fileName = contentFileName(item);
  switch (kind) {
    case 'mail':
      return mailPreview(decodeBytes(bytes));
    case 'html':
      return { kind: 'mailHtml', html: decodeBytes(bytes).slice(0, MAX_PREVIEW_CHARS) };
    case 'text':
      return { kind: 'text', text: decodeBytes(bytes).slice(0, MAX_PREVIEW_CHARS) };
    case 'pdf':
      return { kind: 'pdf', fileName };
    case 'file':
      return { kind: 'file', fileName };
    case 'none':
      return { kind: 'none' };
  }
}
