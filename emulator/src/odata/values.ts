/** Value access and comparison rules shared by `$filter` and `$orderby`. */

export type Json = unknown;

/** Follows a property path (`['fields', 'Status']`) through nested objects; missing → undefined. */
export function getPath(resource: Json, segments: readonly string[]): Json {
  let current: Json = resource;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, Json>)[segment];
  }
  return current;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Orders two values: numbers numerically (numeric strings too when the other side is a number),
 * dates chronologically when either side is a DateTimeOffset, strings case-insensitively
 * (Graph's directory and SharePoint collations are case-insensitive), false < true (= 0 < 1).
 * Returns undefined when the values cannot be ordered (null/undefined or mixed types).
 */
export function compareValues(a: Json, b: Json, dateHint = false): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b))) {
    return a - Number(b);
  }
  if (typeof a === 'string' && typeof b === 'number' && a.trim() !== '' && !Number.isNaN(Number(a))) {
    return Number(a) - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // SharePoint boolean columns are also filtered as 0/1 (`fields/Done eq 1`).
  if (typeof a === 'boolean' && typeof b === 'number') return Number(a) - b;
  if (typeof a === 'number' && typeof b === 'boolean') return a - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    if (dateHint || (isIsoDate(a) && isIsoDate(b) && (a.includes('T') || b.includes('T')))) {
      const ta = Date.parse(a);
      const tb = Date.parse(b);
      if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
    }
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  return undefined;
}

/** Sort comparator: nulls first ascending (OData's rule), then `compareValues`. */
export function sortCompare(a: Json, b: Json): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  const result = compareValues(a, b);
  if (result !== undefined) return result;
  return String(a).localeCompare(String(b));
}
