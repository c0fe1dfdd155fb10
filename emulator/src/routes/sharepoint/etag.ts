/** If-Match handling for SharePoint ETags `"<guid>,<version>"`. */
import { GraphError } from '../../http/graphError';

interface ParsedTag {
  guid: string;
  version: number;
}

function parseTag(tag: string): ParsedTag | undefined {
  const cleaned = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '');
  const match = /^([0-9a-fA-F-]{36}),(\d+)$/.exec(cleaned);
  if (!match) return undefined;
  return { guid: (match[1] as string).toLowerCase(), version: Number(match[2]) };
}

/**
 * Throws 412 preconditionFailed when `If-Match` is present and names another version.
 * `*` matches anything; several comma-separated tags are not split (SharePoint tags contain commas).
 */
export function checkIfMatch(ifMatch: string | undefined, currentETag: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') return;
  const wanted = parseTag(ifMatch);
  const current = parseTag(currentETag);
  if (wanted && current && wanted.guid === current.guid && wanted.version === current.version) return;
  throw new GraphError(
    412,
    'preconditionFailed',
    `The request ETag value '${ifMatch.trim()}' does not match the object's ETag value '${currentETag}'.`,
  );
}
