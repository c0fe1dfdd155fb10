import { FEATURE_SCOPES } from '../graph/scopes';

export { FEATURE_SCOPES };

export type Feature = keyof typeof FEATURE_SCOPES;

/**
 * The scopes of the first token request after the app loads. They must equal
 * `webApplicationInfo.nestedAppAuthInfo[0].scopes` in manifest/manifest.json, in the same order,
 * or Teams cannot hand over the token it prefetched.
 */
export const SIGN_IN_SCOPES: readonly string[] = FEATURE_SCOPES.profile;

/** The union of the features' scopes, without duplicates (case-insensitive), in first-seen order. */
export function scopesFor(...features: readonly Feature[]): string[] {
  return normalizeScopes(features.flatMap((feature) => FEATURE_SCOPES[feature]));
}

/** Every delegated permission the app can ask for: what an admin consents to up front. */
export function allDelegatedScopes(): string[] {
  return normalizeScopes(Object.values(FEATURE_SCOPES).flat());
}

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
