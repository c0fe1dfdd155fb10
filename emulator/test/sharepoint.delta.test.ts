/** listItem delta: full round with paging, incremental rounds, token=latest, 410 resyncRequired. */
import { startHarness, type Harness } from './harness';

let h: Harness;
let site: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

interface DeltaPage {
  value: { id: string; deleted?: { state: string }; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

beforeAll(async () => {
  h = await startHarness();
  site = `/sites/${(await json<{ id: string }>(await h.graph('/sites/mustergmbh.sharepoint.com:/sites/ISMS'))).id}`;
});
afterAll(() => h.stop());

const relative = (url: string) => url.slice(`${h.emulator.url}/v1.0`.length);

async function newList(name: string, count: number): Promise<string> {
  const res = await h.graph(`${site}/lists`, { method: 'POST', body: { displayName: name, columns: [{ name: 'Status', text: {} }] } });
  const list = `${site}/lists/${(await json<{ id: string }>(res)).id}`;
  for (let i = 1; i <= count; i += 1) await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: `T${i}`, Status: 'Offen' } } });
  return list;
}

/** Follows nextLinks to the deltaLink; returns all entries and the deltaLink. */
async function round(url: string): Promise<{ entries: DeltaPage['value']; deltaLink: string; pages: number }> {
  const entries: DeltaPage['value'] = [];
  let next: string | undefined = url;
  let pages = 0;
  for (;;) {
    const res = await h.graph(next);
    expect(res.status).toBe(200);
    const page = await json<DeltaPage>(res);
    pages += 1;
    entries.push(...page.value);
    if (page['@odata.deltaLink']) return { entries, deltaLink: relative(page['@odata.deltaLink']), pages };
    expect(page['@odata.nextLink']).toEqual(expect.stringContaining('/items/delta?'));
    next = relative(page['@odata.nextLink'] as string);
  }
}

it('enumerates every item in pages, then only what changed, then nothing', async () => {
  const list = await newList('Delta A', 5);
  const initial = await round(`${list}/items/delta?$top=2&$expand=fields($select=Title)`);
  expect(initial.pages).toBe(3);
  expect(initial.entries.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5']);
  expect(initial.entries[0]?.fields).toEqual({ '@odata.etag': expect.any(String), Title: 'T1' });
  expect(initial.deltaLink).toContain('$top=2');

  await h.graph(`${list}/items/2/fields`, { method: 'PATCH', body: { Status: 'Erledigt' } });
  await h.graph(`${list}/items/2/fields`, { method: 'PATCH', body: { Title: 'T2 neu' } });
  await h.graph(`${list}/items/4`, { method: 'DELETE' });
  await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'T6' } } });

  const changes = await round(initial.deltaLink);
  expect(changes.entries.map((e) => [e.id, e.deleted?.state ?? 'present'])).toEqual([
    ['2', 'present'],
    ['4', 'deleted'],
    ['6', 'present'],
  ]);
  expect(changes.entries.find((e) => e.id === '2')?.fields?.Title).toBe('T2 neu');

  const quiet = await round(changes.deltaLink);
  expect(quiet.entries).toEqual([]);
});

it('token=latest skips the existing items and reports later changes only', async () => {
  const list = await newList('Delta B', 3);
  const latest = await round(`${list}/items/delta?token=latest`);
  expect(latest.entries).toEqual([]);
  await h.graph(`${list}/items/3/fields`, { method: 'PATCH', body: { Status: 'Erledigt' } });
  const changes = await round(latest.deltaLink);
  expect(changes.entries.map((e) => e.id)).toEqual(['3']);
});

it('answers 410 resyncRequired with a Location that starts over for unknown, foreign, reset or expired tokens', async () => {
  const list = await newList('Delta C', 1);
  const other = await newList('Delta D', 1);
  const { deltaLink } = await round(`${list}/items/delta`);
  const token = new URL(`http://x${deltaLink}`).searchParams.get('token') as string;

  const cases = [
    `${list}/items/delta?token=not-a-token`,
    `${other}/items/delta?token=${token}`,
  ];
  for (const url of cases) {
    const res = await h.graph(url);
    expect(res.status).toBe(410);
    const body = await json<{ error: { code: string; message: string; innerError: object } }>(res);
    expect(body.error.code).toBe('resyncRequired');
    expect(body.error.innerError).toHaveProperty('request-id');
    expect(res.headers.get('location')).toMatch(/\/items\/delta$/);
  }

  expect((await h.graph(deltaLink)).status).toBe(200);
  const expire = await h.admin('POST', '/sharepoint/expire-delta-tokens');
  expect(expire.status).toBe(200);
  expect((await h.graph(deltaLink)).status).toBe(410);
  const fresh = await round(`${list}/items/delta?token=latest`);
  expect((await h.graph(fresh.deltaLink)).status).toBe(200);
});

it('refuses tokens issued before a reset, even for a list that keeps its id', async () => {
  const library = `${site}/lists/Dokumente`;
  const { deltaLink } = await round(`${library}/items/delta`);
  expect((await h.graph(deltaLink)).status).toBe(200);
  await h.emulator.reset();
  expect((await h.graph(`${library}/items/delta?token=latest`)).status).toBe(200);
  expect((await h.graph(deltaLink)).status).toBe(410);
});
