/**
 * Digests that pin evidence down at the moment someone decides or signs:
 * - the item digest: SHA-256 over an item's canonical content fields (review fields and the
 *   computed expiry left out), recorded with every accept/reject;
 * - the evidence digest: SHA-256 over the sorted lines `id|version|contentSha256` of every item,
 *   recorded with every signature of minutes and printed in the signed PDF.
 */
import type { EvidenceItem } from './evidence';
import type { PersonRef } from './people';
import { sha256HexSync } from './sha256';

const person = (p: PersonRef | undefined) => (p ? [p.id ?? null, p.upn?.toLowerCase() ?? null, p.displayName] : null);

/** The content fields of an item in a fixed order: what an accept vouches for. */
export function canonicalEvidenceContent(item: EvidenceItem): string {
  return JSON.stringify([
    item.title,
    item.type,
    [...item.clauses].sort(),
    item.source,
    item.sourceKey,
    item.effectiveDate,
    item.capturedAt,
    person(item.capturedBy),
    item.summary ?? '',
    item.contentUrl ?? null,
    item.contentSha256 ?? null,
    item.contentSentSha256 ?? null,
    item.contentSize ?? null,
    item.contentQuickXorHash ?? null,
    person(item.signedBy),
    person(item.author),
    (item.participants ?? []).map(person),
    person(item.appointee),
    item.revokedAt ?? null,
    item.scheduledFor ?? null,
    item.fiscalYear ?? null,
    [...(item.relatesTo ?? [])].sort(),
  ]);
}

/** SHA-256 (hex) over the item's canonical content fields. */
export function evidenceItemDigest(item: EvidenceItem): string {
  return sha256HexSync(canonicalEvidenceContent(item));
}

/** What a signature records per evidence item. */
export interface SignedEvidenceEntry {
  id: string;
  /** SharePoint's version label of the list item, e.g. "3.0". */
  version: string;
  /** SHA-256 of the stored content; '' for an item without content. */
  contentSha256: string;
}

export const signedEvidenceLine = (e: SignedEvidenceEntry) => `${e.id}|${e.version}|${e.contentSha256}`;

/** Parses a line back; undefined when it is not `id|version|sha`. */
export function parseSignedEvidenceLine(line: string): SignedEvidenceEntry | undefined {
  const parts = line.split('|');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  return { id: parts[0], version: parts[1], contentSha256: parts[2]! };
}

/** The sorted lines and their SHA-256 (lines joined by "\n"). */
export function evidenceSetDigest(entries: readonly SignedEvidenceEntry[]): { digest: string; lines: string[] } {
  const lines = entries.map(signedEvidenceLine).sort();
  return { digest: sha256HexSync(lines.join('\n')), lines };
}

export type SignedEntryChange = 'changed' | 'added' | 'removed';

/** How the evidence now differs from what a signature recorded, per item id. */
export function changesSinceSigning(signedLines: readonly string[], now: readonly SignedEvidenceEntry[]): Map<string, SignedEntryChange> {
  const signed = new Map(signedLines.flatMap((l) => {
    const e = parseSignedEvidenceLine(l);
    return e ? [[e.id, e] as const] : [];
  }));
  const changes = new Map<string, SignedEntryChange>();
  for (const entry of now) {
    const before = signed.get(entry.id);
    if (!before) changes.set(entry.id, 'added');
    else if (before.version !== entry.version || before.contentSha256 !== entry.contentSha256) changes.set(entry.id, 'changed');
    signed.delete(entry.id);
  }
  for (const id of signed.keys()) changes.set(id, 'removed');
  return changes;
}
