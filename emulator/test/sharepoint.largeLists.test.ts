/**
 * Hidden columns and large lists, as Microsoft documents them:
 * - "columnDefinition resource type" (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition):
 *   "By default, columnDefinitions and field values for hidden columns aren't shown. To list hidden
 *   columnDefinitions, include hidden in your $select statement. To list hidden field values on
 *   listItems, include the desired columns by name in your $select statement."
 * - "List items" (https://learn.microsoft.com/en-us/graph/api/listitem-list): "When filtering on
 *   indexed fields, the service can only filter one indexed field at a time."
 * - SharePoint's list view threshold (5,000 items): a query that filters or sorts on a non-indexed
 *   column of a larger list fails even with `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`
 *   (SPQueryThrottledException "The attempted operation is prohibited because it exceeds the list
 *   view threshold."; SharePoint REST answers it with 500, see SharePoint/sp-dev-docs#6826).
 */
import { startHarness, upn, type Harness } from './harness';

let h: Harness;
let site: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;
const errorOf = async (res: Response) => (await json<{ error: { code: string; message: string } }>(res)).error;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

beforeAll(async () => {
  h = await startHarness();
  site = `/sites/${(await json<{ id: string }>(await h.graph('/sites/mustergmbh.sharepoint.com:/sites/ISMS'))).id}`;
});
afterAll(() => h.stop());

let counter = 0;
async function newList(columns: unknown[]): Promise<{ path: string; id: string }> {
  counter += 1;
  const res = await h.graph(`${site}/lists`, { method: 'POST', body: { displayName: `Große Liste ${counter}`, columns } });
  if (res.status !== 201) throw new Error(`list create failed: ${res.status} ${await res.text()}`);
  const id = (await json<{ id: string }>(res)).id;
  return { path: `${site}/lists/${id}`, id };
}

describe('hidden columns', () => {
  let list: { path: string; id: string };
  beforeAll(async () => {
    list = await newList([
      { name: 'Status', text: {} },
      { name: 'Geheim', text: {}, hidden: true },
    ]);
    expect((await h.graph(`${list.path}/items`, { method: 'POST', body: { fields: { Title: 'A', Status: 'offen', Geheim: 'x' } } })).status).toBe(201);
  });

  it('lists a hidden column only when $select names hidden', async () => {
    const names = (body: { value: { name: string }[] }) => body.value.map((c) => c.name);
    expect(names(await json(await h.graph(`${list.path}/columns`)))).not.toContain('Geheim');
    const withHidden = await json<{ value: { name: string; hidden: boolean }[] }>(await h.graph(`${list.path}/columns?$select=name,hidden`));
    expect(withHidden.value).toContainEqual({ name: 'Geheim', hidden: true });

    const expanded = await json<{ columns: { name: string }[] }>(await h.graph(`${list.path}?$expand=columns`));
    expect(expanded.columns.map((c) => c.name)).not.toContain('Geheim');
    const expandedHidden = await json<{ columns: { name: string }[] }>(await h.graph(`${list.path}?$expand=columns($select=name,hidden)`));
    expect(expandedHidden.columns.map((c) => c.name)).toContain('Geheim');
  });

  it('shows a hidden field value only when $select names the column', async () => {
    const plain = await json<{ value: { fields: Record<string, unknown> }[] }>(await h.graph(`${list.path}/items?$expand=fields`));
    expect(plain.value[0]!.fields).toMatchObject({ Title: 'A', Status: 'offen' });
    expect(plain.value[0]!.fields).not.toHaveProperty('Geheim');
    const star = await json<{ value: { fields: Record<string, unknown> }[] }>(await h.graph(`${list.path}/items?$expand=fields($select=*)`));
    expect(star.value[0]!.fields).not.toHaveProperty('Geheim');
    const named = await json<{ value: { fields: Record<string, unknown> }[] }>(await h.graph(`${list.path}/items?$expand=fields($select=Title,Geheim)`));
    expect(named.value[0]!.fields).toMatchObject({ Title: 'A', Geheim: 'x' });

    expect(await json(await h.graph(`${list.path}/items/1?$expand=fields`))).not.toHaveProperty('fields.Geheim');
    expect(await json(await h.graph(`${list.path}/items/1?$expand=fields($select=Geheim)`))).toHaveProperty('fields.Geheim', 'x');
    expect(await json(await h.graph(`${list.path}/items/1/fields`))).not.toHaveProperty('Geheim');
    expect(await json(await h.graph(`${list.path}/items/1/fields?$select=Geheim`))).toHaveProperty('Geheim', 'x');

    const delta = await json<{ value: { fields: Record<string, unknown> }[] }>(await h.graph(`${list.path}/items/delta?$expand=fields`));
    expect(delta.value[0]!.fields).not.toHaveProperty('Geheim');
    const deltaNamed = await json<{ value: { fields: Record<string, unknown> }[] }>(await h.graph(`${list.path}/items/delta?$expand=fields($select=Geheim)`));
    expect(deltaNamed.value[0]!.fields).toHaveProperty('Geheim', 'x');
  });

  it('still filters on a hidden column (only what is shown is cut)', async () => {
    const res = await h.graph(`${list.path}/items?$filter=fields/Geheim eq 'x'&$expand=fields`, { headers: PREFER });
    expect((await json<{ value: unknown[] }>(res)).value).toHaveLength(1);
  });

  it('refuses adding a column whose name a hidden column already has (409 nameAlreadyExists)', async () => {
    const res = await h.graph(`${list.path}/columns`, { method: 'POST', body: { name: 'Geheim', text: {} } });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'nameAlreadyExists', message: 'A duplicate field name "Geheim" was found.' });
  });
});

describe('one indexed field per filter', () => {
  it('refuses a filter on two indexed fields and accepts one (several conditions on it included)', async () => {
    const list = await newList([
      { name: 'Art', text: {}, indexed: true },
      { name: 'Stand', text: {}, indexed: true },
    ]);
    await h.graph(`${list.path}/items`, { method: 'POST', body: { fields: { Title: 'A', Art: 'x', Stand: 'offen' } } });
    const two = await h.graph(`${list.path}/items?$filter=fields/Art eq 'x' and fields/Stand eq 'offen'`);
    expect(two.status).toBe(400);
    expect(await errorOf(two)).toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('only filter one indexed field at a time') });
    const one = await h.graph(`${list.path}/items?$filter=fields/Art eq 'x' or fields/Art eq 'y'&$orderby=fields/Stand`);
    expect(one.status).toBe(200);
  });
});

describe('list view threshold (5,000 items)', () => {
  let list: { path: string; id: string };
  beforeAll(async () => {
    list = await newList([
      { name: 'Art', text: {}, indexed: true },
      { name: 'Notiz', text: {} },
    ]);
    const items = Array.from({ length: 5001 }, (_, i) => ({ fields: { Title: `E${i}`, Art: i % 2 ? 'a' : 'b', Notiz: `n${i % 7}` } }));
    const res = await h.admin('POST', '/sharepoint/items', { site: 'mustergmbh.sharepoint.com:/sites/ISMS', list: list.id, user: upn('jonas.weber'), items });
    expect(await res.json()).toMatchObject({ created: 5001, firstId: 1, lastId: 5001 });
  }, 60_000);

  it('refuses a filter or sort on a non-indexed column even with the Prefer header', async () => {
    for (const query of ["$filter=fields/Notiz eq 'n1'", '$orderby=fields/Notiz', "$filter=fields/Art eq 'a' and fields/Notiz eq 'n1'"]) {
      const res = await h.graph(`${list.path}/items?${query}`, { headers: PREFER });
      expect(res.status).toBe(500);
      expect(await errorOf(res)).toEqual({
        code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
        innerError: expect.anything(),
      });
    }
  });

  it('still answers queries on one indexed column, unfiltered pages and delta', async () => {
    const indexed = await h.graph(`${list.path}/items?$filter=fields/Art eq 'a'&$top=5000&$expand=fields($select=Art)`);
    expect(indexed.status).toBe(200);
    expect((await json<{ value: unknown[] }>(indexed)).value).toHaveLength(2500);
    expect((await h.graph(`${list.path}/items?$top=100`)).status).toBe(200);
    expect((await h.graph(`${list.path}/items/delta?$top=1000`)).status).toBe(200);
  });

  it('answers the same non-indexed query on a list at the threshold', async () => {
    const small = await newList([{ name: 'Notiz', text: {} }]);
    const items = Array.from({ length: 5000 }, (_, i) => ({ fields: { Title: `E${i}`, Notiz: `n${i % 7}` } }));
    await h.admin('POST', '/sharepoint/items', { site: 'mustergmbh.sharepoint.com:/sites/ISMS', list: small.id, user: upn('jonas.weber'), items });
    expect((await h.graph(`${small.path}/items?$filter=fields/Notiz eq 'n1'`, { headers: PREFER })).status).toBe(200);
  }, 60_000);
});
