/** List items that fail validation, as "unreadable" entries (issue 11: nothing disappears). */
import { evidenceIssueMessage, type EvidenceIssue, type Message } from '../../domain';
import type { UnreadableEvidence } from './evidenceStore';

/** The issues as one reason (read as one sentence), each issue with the field it concerns. */
export function toUnreadable(id: string, issues: readonly EvidenceIssue[], fields: Record<string, unknown>): UnreadableEvidence {
  const about = (i: EvidenceIssue): Message => (i.path ? evidenceIssueMessage('issue.about', { subject: i.path, message: i.message }) : i.message);
  const reason = issues.length === 1 ? about(issues[0]!) : evidenceIssueMessage('issue.all', { issues: issues.map(about) });
  return { id, reason, fields: structuredClone(fields) };
}

/**
 * The unreadable entries after a delta round: earlier ones stay unless the item was removed or is
 * readable again; `found` replaces an earlier entry of the same id. With `replace` (full round),
 * only `found` counts.
 */
export function mergeUnreadable(
  before: readonly UnreadableEvidence[],
  change: { found: readonly UnreadableEvidence[]; readableIds: readonly string[]; removedIds: readonly string[]; replace: boolean },
): UnreadableEvidence[] {
  const byId = new Map<string, UnreadableEvidence>(change.replace ? [] : before.map((u) => [u.id, u]));
  for (const id of [...change.readableIds, ...change.removedIds]) byId.delete(id);
  for (const entry of change.found) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
}

/** Longest value shown of a raw field. */
export const RAW_VALUE_MAX = 500;

/** Raw fields of an unreadable item as text lines: `Name: value`, sorted, long values cut, control characters shown as "?". */
export function rawFieldLines(fields: Record<string, unknown>, max = RAW_VALUE_MAX): string[] {
  return Object.keys(fields)
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const value = fields[key];
      const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
      // eslint-disable-next-line no-control-regex
      const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '?');
      return `${key}: ${clean.length > max ? `${clean.slice(0, max)} … (${clean.length})` : clean}`;
    });
}
