/**
 * The header block of a MIME message (`GET /messages/{id}/$value`, RFC 5322): everything before the
 * first empty line. A Sent Items copy has no `internetMessageHeaders` in Graph, but its MIME has
 * every header it was sent with, custom x- headers included; reading stops at the empty line, so a
 * mail with large attachments costs no more than one without.
 */

/** Exchange Online caps a message's headers at 256 KB; a block not ended by then is not read further. */
export const MAX_MIME_HEADER_BYTES = 256 * 1024;

/** Index where the body starts (after the empty line), or -1 while the header block goes on. */
export function headerBlockEnd(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/** True once the header block is complete (or over the cap): the download can stop. */
export function headerBlockRead(bytes: Uint8Array): boolean {
  return bytes.length >= MAX_MIME_HEADER_BYTES || headerBlockEnd(bytes) >= 0;
}

/**
 * Headers by lower-case name (the first of a repeated header wins); folded lines are unfolded.
 * Throws when the block never ends (not a MIME message, or headers over the cap).
 */
export function parseMimeHeaders(bytes: Uint8Array): Record<string, string> {
  const end = headerBlockEnd(bytes);
  if (end < 0) throw new Error('The MIME answer has no complete header block.');
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, end));
  const headers: Record<string, string> = {};
  const unfolded = text.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}
