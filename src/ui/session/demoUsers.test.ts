import { DemoUsersUnavailableError, fetchDemoUsers } from './demoUsers';

const answer = (status: number, body: string) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe('fetchDemoUsers', () => {
  it('lists the users of GET /_signin/users', async () => {
    const calls: string[] = [];
    const fetchFn = (async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify([{ id: '1', displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@x', jobTitle: null }]));
    }) as unknown as typeof fetch;
    await expect(fetchDemoUsers('http://localhost:4365/', fetchFn)).resolves.toEqual([
      { id: '1', displayName: 'Katrin Berger', userPrincipalName: 'katrin.berger@x', jobTitle: null },
    ]);
    expect(calls).toEqual(['http://localhost:4365/_signin/users']);
  });

  it('says which URL failed and how', async () => {
    await expect(fetchDemoUsers('http://e', answer(503, 'down'))).rejects.toThrow('GET http://e/_signin/users answered 503: down');
    await expect(fetchDemoUsers('http://e', answer(200, '<html>'))).rejects.toThrow('did not answer JSON');
    await expect(fetchDemoUsers('http://e', answer(200, '[{"id":"1"}]'))).rejects.toThrow(/unexpected shape[\s\S]*displayName/);
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchDemoUsers('http://e', unreachable)).rejects.toThrow(DemoUsersUnavailableError);
    await expect(fetchDemoUsers('http://e', unreachable)).rejects.toThrow('Failed to fetch');
  });
});
