/** OData text for list item queries: string literals and `fields/<column>` conditions. Only src/graph builds these. */

/** OData string literal ('' doubles a quote). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** One condition on a list item column (its internal name). */
export type FieldCondition =
  | { field: string; eq: string }
  | { field: string; anyOf: readonly string[] }
  | { field: string; ge?: string; le?: string };

/** `$filter` text for the conditions, joined with `and`; undefined for none. */
export function fieldsFilter(conditions: readonly FieldCondition[]): string | undefined {
  const parts = conditions.flatMap((c): string[] => {
    const path = `fields/${c.field}`;
    if ('eq' in c) return [`${path} eq ${odataString(c.eq)}`];
    if ('anyOf' in c) return c.anyOf.length > 0 ? [`(${c.anyOf.map((v) => `${path} eq ${odataString(v)}`).join(' or ')})`] : [];
    return [...(c.ge !== undefined ? [`${path} ge ${odataString(c.ge)}`] : []), ...(c.le !== undefined ? [`${path} le ${odataString(c.le)}`] : [])];
  });
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** `$orderby` text for one column. */
export function fieldsOrder(field: string, direction: 'asc' | 'desc'): string {
  return `fields/${field} ${direction}`;
}
