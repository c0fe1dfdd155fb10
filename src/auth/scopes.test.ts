import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_SCOPES } from '../graph/scopes';
import { normalizeScopes } from './scopes';

const root = join(__dirname, '..', '..');

describe('scopes', () => {
  test('scope lists are trimmed and deduplicated case-insensitively', () => {
    expect(normalizeScopes([' User.Read', 'user.read', '', 'Mail.Send '])).toEqual(['User.Read', 'Mail.Send']);
  });

  // The first token request after the app loads is the profile's (/me, /me/memberOf, /organization).
  test('the first token request matches the manifest, so Teams can hand over its prefetched token', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'));
    expect(manifest.webApplicationInfo.nestedAppAuthInfo[0].scopes).toEqual([...FEATURE_SCOPES.profile]);
  });
});
