/**
 * Stable source keys: the same mail, meeting occurrence or upload always yields the same key,
 * whichever way it was captured (task pane or sweep), so the evidence store can deduplicate.
 * Keys fit an indexed SharePoint text column (255 characters); longer ids are replaced by their
 * SHA-256 and marked with `#sha256`.
 */
import { sha256HexSync } from './sha256';
import { SOURCE_MODULES, type SourceKeyKind } from './sources/registry';
import { toUtcSecondsIso } from './zonedTime';

export const SOURCE_KEY_MAX_LENGTH = 255;

export type { SourceKeyKind } from './sources/registry';

/** The kinds the registered sources use (mail, meeting, event, upload, manual …). */
export const SOURCE_KEY_KINDS: readonly SourceKeyKind[] = [
  ...new Set(SOURCE_MODULES.flatMap((source) => Object.values(source.origins) as SourceKeyKind[])),
];

function requireText(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new RangeError(`Cannot build a source key: ${what} is empty.`);
  if (/\s/.test(trimmed)) throw new RangeError(`Cannot build a source key: ${what} "${trimmed}" contains whitespace.`);
  return trimmed;
}

/** A key of any registered kind; the builders below name the common ones. */
export function buildSourceKey(kind: SourceKeyKind, id: string, suffix = ''): string {
  requireText(id, 'the id');
  const key = `${kind}:${id}${suffix}`;
  return key.length <= SOURCE_KEY_MAX_LENGTH ? key : `${kind}#sha256:${sha256HexSync(id)}${suffix}`;
}

function occurrenceSuffix(start: Date | string): string {
  const instant = typeof start === 'string' ? new Date(start) : start;
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`Cannot build a source key: occurrence start "${String(start)}" is not a valid date.`);
  }
  return `@${toUtcSecondsIso(instant)}`;
}

/**
 * A mail by its RFC 5322 Message-ID (Graph: internetMessageId). Angle brackets are added when
 * missing; the id is otherwise kept exactly, as Message-IDs are case-sensitive.
 */
export function mailSourceKey(internetMessageId: string): string {
  const id = requireText(internetMessageId, 'the internet message id');
  const bracketed = id.startsWith('<') && id.endsWith('>') ? id : `<${id.replace(/^<|>$/g, '')}>`;
  return buildSourceKey('mail', bracketed);
}

/** One occurrence of an online meeting: the meeting id plus the occurrence's start (UTC, seconds). */
export function meetingSourceKey(meetingId: string, occurrenceStart: Date | string): string {
  return buildSourceKey('meeting', requireText(meetingId, 'the meeting id'), occurrenceSuffix(occurrenceStart));
}

/** A calendar event (a booked review); for a series, pass the series id and the occurrence start. */
export function eventSourceKey(eventId: string, occurrenceStart?: Date | string): string {
  const suffix = occurrenceStart === undefined ? '' : occurrenceSuffix(occurrenceStart);
  return buildSourceKey('event', requireText(eventId, 'the event id'), suffix);
}

export function uploadSourceKey(uploadId: string): string {
  return buildSourceKey('upload', requireText(uploadId, 'the upload id'));
}

export function manualSourceKey(entryId: string): string {
  return buildSourceKey('manual', requireText(entryId, 'the entry id'));
}

/** The kind a key was built for, or null when it was not built by these helpers. */
export function sourceKeyKind(key: string): SourceKeyKind | null {
  const match = /^([a-z]+)(?::|#sha256:)\S+$/.exec(key);
  const kind = match?.[1] as SourceKeyKind | undefined;
  return kind !== undefined && (SOURCE_KEY_KINDS as readonly string[]).includes(kind) ? kind : null;
}
