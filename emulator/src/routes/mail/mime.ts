/** GET /me/messages/{id}/$value: the message as RFC 5322 MIME text. */
import type { MessageData } from './model';

function encodeWord(text: string): string {
  // Non-ASCII header text as an RFC 2047 encoded word.
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

export function mimeOf(message: MessageData): string {
  const lines: string[] = [];
  for (const header of message.headers) {
    if (header.name.toLowerCase() === 'content-type') continue;
    lines.push(`${header.name}: ${header.name === 'Subject' ? encodeWord(header.value) : header.value}`);
  }
  if (!message.headers.some((h) => h.name.toLowerCase() === 'subject')) lines.push(`Subject: ${encodeWord(message.subject)}`);
  if (message.categories.length > 0) lines.push(`Keywords: ${message.categories.map(encodeWord).join(', ')}`);
  lines.push(`Content-Type: ${message.body.contentType === 'html' ? 'text/html' : 'text/plain'}; charset="utf-8"`);
  lines.push('Content-Transfer-Encoding: base64');
  lines.push('');
  const encoded = Buffer.from(message.body.content, 'utf8').toString('base64');
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  lines.push('');
  return lines.join('\r\n');
}
