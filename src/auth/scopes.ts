/**
 * Scope lists as the MSAL provider asks for them. Which scopes a call needs is decided by the gateway
 * that makes it, from the one table in src/graph/scopes.ts (`FEATURE_SCOPES`).
 */

/** Trims, drops empty entries and duplicates (Graph scopes are case-insensitive); keeps the order. */
export function normalizeScopes(scopes: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of scopes) {
    const scope = raw.trim();
    const key = scope.toLowerCase();
    if (scope === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(scope);
  }
  return out;
}
