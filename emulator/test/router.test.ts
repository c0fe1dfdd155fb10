/** Path patterns: parameters, SharePoint-style segments, specificity, 405. */
import { Router, decodePath } from '../src/http/router';

function routerWith(...patterns: [string, string][]) {
  const router = new Router<string>();
  for (const [method, pattern] of patterns) router.add(method as 'GET', pattern, `${method} ${pattern}`);
  return router;
}

describe('Router', () => {
  const router = routerWith(
    ['GET', '/sites/{siteId}'],
    ['GET', '/sites/root'],
    ['GET', '/sites/{hostname}:/sites/{path+}'],
    ['GET', '/sites/{hostname}:/sites/{path+}:/lists'],
    ['GET', '/drives/{driveId}/root:/{path+}'],
    ['GET', '/drives/{driveId}/root:/{path+}:/content'],
    ['PUT', '/drives/{driveId}/root:/{path+}:/content'],
    ['GET', '/users/{id}'],
    ['GET', '/users/$count'],
  );

  it('extracts parameters and decodes nothing itself', () => {
    expect(router.lookup('GET', '/sites/contoso.sharepoint.com,abc,def')).toMatchObject({
      kind: 'found',
      match: { pattern: '/sites/{siteId}', params: { siteId: 'contoso.sharepoint.com,abc,def' } },
    });
  });

  it('prefers the pattern with more literal text', () => {
    expect(router.lookup('GET', '/sites/root')).toMatchObject({ match: { pattern: '/sites/root' } });
    expect(router.lookup('GET', '/users/$count')).toMatchObject({ match: { pattern: '/users/$count' } });
  });

  it('matches SharePoint server-relative paths and drive paths with slashes', () => {
    expect(router.lookup('GET', '/sites/mustergmbh.sharepoint.com:/sites/ISMS')).toMatchObject({
      match: { pattern: '/sites/{hostname}:/sites/{path+}', params: { hostname: 'mustergmbh.sharepoint.com', path: 'ISMS' } },
    });
    expect(router.lookup('GET', '/sites/mustergmbh.sharepoint.com:/sites/ISMS:/lists')).toMatchObject({
      match: { pattern: '/sites/{hostname}:/sites/{path+}:/lists', params: { path: 'ISMS' } },
    });
    expect(router.lookup('GET', '/drives/b!x/root:/Nachweise/2026/Protokoll.pdf:/content')).toMatchObject({
      match: { pattern: '/drives/{driveId}/root:/{path+}:/content', params: { driveId: 'b!x', path: 'Nachweise/2026/Protokoll.pdf' } },
    });
    expect(router.lookup('GET', '/drives/b!x/root:/Nachweise/2026/Protokoll.pdf')).toMatchObject({
      match: { pattern: '/drives/{driveId}/root:/{path+}', params: { path: 'Nachweise/2026/Protokoll.pdf' } },
    });
  });

  it('ignores case in literals and a trailing slash', () => {
    expect(router.lookup('GET', '/Users/abc/')).toMatchObject({ kind: 'found', match: { params: { id: 'abc' } } });
  });

  it('reports a known path with another method as methodNotAllowed', () => {
    expect(router.lookup('DELETE', '/users/abc')).toEqual({ kind: 'methodNotAllowed', allowed: ['GET'] });
    expect(router.lookup('PUT', '/drives/d/root:/a.txt:/content')).toMatchObject({ kind: 'found' });
    expect(router.lookup('GET', '/groups')).toEqual({ kind: 'notFound' });
  });

  it('refuses the same route twice', () => {
    expect(() => router.add('GET', '/USERS/{id}', 'again')).toThrow(/twice/);
  });
});

describe('decodePath', () => {
  it('decodes each segment', () => {
    expect(decodePath('/users/katrin.berger%40mustergmbh.onmicrosoft.com')).toBe('/users/katrin.berger@mustergmbh.onmicrosoft.com');
    expect(decodePath('/drive/root:/Gesch%C3%A4ftsf%C3%BChrung/Plan%202026.pdf:/content')).toBe('/drive/root:/Geschäftsführung/Plan 2026.pdf:/content');
  });
});
