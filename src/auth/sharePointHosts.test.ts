import { emulatorOrigins, tenantOrigins } from './sharePointHosts';

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe('where SharePoint hosts are served', () => {
  test('a tenant: the host itself', () => {
    expect(tenantOrigins('contoso.sharepoint.com')).toBe('https://contoso.sharepoint.com');
  });

  test('the emulator: its answer to /_signin/hosts; an unknown host is an error, not a guess', async () => {
    const calls: string[] = [];
    const originOf = await emulatorOrigins('http://localhost:4365/', {
      fetch: async (url) => {
        calls.push(url);
        return answer(200, { 'mustergmbh.sharepoint.com': 'http://localhost:4366' })();
      },
    });
    expect(calls).toEqual(['http://localhost:4365/_signin/hosts']);
    expect(originOf('mustergmbh.sharepoint.com')).toBe('http://localhost:4366');
    expect(() => originOf('contoso.sharepoint.com')).toThrow('serves no SharePoint host "contoso.sharepoint.com"');
  });

  test('Node tools ask /_admin/hosts with the admin secret', async () => {
    let seen: RequestInit | undefined;
    await emulatorOrigins('http://e', {
      adminSecret: 's3cret',
      fetch: async (url, init) => {
        seen = init;
        expect(url).toBe('http://e/_admin/hosts');
        return answer(200, {})();
      },
    });
    expect(new Headers(seen?.headers).get('x-emulator-admin-secret')).toBe('s3cret');
  });
});
