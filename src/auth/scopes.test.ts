import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_SCOPES, SIGN_IN_SCOPES, allDelegatedScopes, normalizeScopes, scopesFor } from './scopes';

const root = join(__dirname, '..', '..');

describe('per-feature scopes', () => {
  test('a feature asks only for its own permissions', () => {
    expect(scopesFor('evidenceRead')).toEqual(['Sites.Read.All']);
    expect(scopesFor('calendar')).toEqual(['Calendars.ReadWrite']);
    expect(scopesFor('profile')).not.toContain('Sites.Read.All');
  });

  test('combined features give each permission once, in first-seen order', () => {
    expect(scopesFor('evidenceWrite', 'files', 'profile')).toEqual(['Sites.ReadWrite.All', 'User.Read']);
  });

  test('scope lists are trimmed and deduplicated case-insensitively', () => {
    expect(normalizeScopes([' User.Read', 'user.read', '', 'Mail.Send '])).toEqual(['User.Read', 'Mail.Send']);
  });

  test('the first token request matches the manifest, so Teams can hand over its prefetched token', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'));
    expect(manifest.webApplicationInfo.nestedAppAuthInfo[0].scopes).toEqual([...SIGN_IN_SCOPES]);
  });

  test('the deployment guide lists every permission the app can ask for, and no other', () => {
    const guide = readFileSync(join(root, 'docs', 'deployment.md'), 'utf8');
    const section = guide.split('<!-- permissions:start -->')[1]?.split('<!-- permissions:end -->')[0];
    expect(section).toBeDefined();
    const documented = new Set([...(section ?? '').matchAll(/^\| `([A-Za-z.]+)` \|/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(allDelegatedScopes().sort());
  });

  test('every permission name is a Graph delegated permission name (Resource.Access[.All])', () => {
    for (const scopes of Object.values(FEATURE_SCOPES)) {
      for (const scope of scopes) expect(scope).toMatch(/^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)?$/);
    }
  });
});
