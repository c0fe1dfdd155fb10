/** SharePoint behaviour the app relies on: ETags, unique values, indexed columns, paging, permissions. */
import { startHarness, type Harness } from './harness';

let h: Harness;
let site: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;
const errorOf = async (res: Response) => (await json<{ error: { code: string; message: string } }>(res)).error;

beforeAll(async () => {
  h = await startHarness();
  site = `/sites/${(await json<{ id: string }>(await h.graph('/sites/mustergmbh.sharepoint.com:/sites/ISMS'))).id}`;
});
afterAll(() => h.stop());

let listCounter = 0;
async function newList(columns: unknown[]): Promise<string> {
  listCounter += 1;
  const res = await h.graph(`${site}/lists`, { method: 'POST', body: { displayName: `Testliste ${listCounter}`, columns } });
  if (res.status !== 201) throw new Error(`list create failed: ${res.status} ${await res.text()}`);
  return `${site}/lists/${(await json<{ id: string }>(res)).id}`;
}

async function addItem(list: string, fields: Record<string, unknown>, token?: string) {
  return h.graph(`${list}/items`, { method: 'POST', body: { fields }, ...(token ? { token } : {}) });
}

describe('ETags and If-Match', () => {
  it('refuses a PATCH or DELETE with a stale ETag (412) and accepts the current one', async () => {
    const list = await newList([{ name: 'Status', text: {} }]);
    const created = await json<{ eTag: string }>(await addItem(list, { Title: 'A', Status: 'Offen' }));
    const first = await h.graph(`${list}/items/1/fields`, { method: 'PATCH', headers: { 'If-Match': created.eTag }, body: { Status: 'In Arbeit' } });
    expect(first.status).toBe(200);
    const newETag = first.headers.get('etag');
    expect(newETag).not.toBe(created.eTag);
    expect(newETag).toMatch(/,2"$/);

    const stale = await h.graph(`${list}/items/1/fields`, { method: 'PATCH', headers: { 'If-Match': created.eTag }, body: { Status: 'Erledigt' } });
    expect(stale.status).toBe(412);
    expect(await errorOf(stale)).toMatchObject({ code: 'preconditionFailed' });
    const staleDelete = await h.graph(`${list}/items/1`, { method: 'DELETE', headers: { 'If-Match': created.eTag } });
    expect(staleDelete.status).toBe(412);

    const fields = await json<Record<string, unknown>>(await h.graph(`${list}/items/1/fields`));
    expect(fields.Status).toBe('In Arbeit');
    expect((await h.graph(`${list}/items/1`, { method: 'DELETE', headers: { 'If-Match': newETag ?? '' } })).status).toBe(204);
  });

  it('accepts If-Match: * and the braced ETag form', async () => {
    const list = await newList([]);
    const created = await json<{ eTag: string }>(await addItem(list, { Title: 'A' }));
    expect((await h.graph(`${list}/items/1/fields`, { method: 'PATCH', headers: { 'If-Match': '*' }, body: { Title: 'B' } })).status).toBe(200);
    const braced = created.eTag.replace(/^"([^,]+),1"$/, '"{$1},2"');
    expect((await h.graph(`${list}/items/1/fields`, { method: 'PATCH', headers: { 'If-Match': braced }, body: { Title: 'C' } })).status).toBe(200);
  });
});

describe('unique values', () => {
  it('refuses a duplicate value in an enforceUniqueValues column with 409 nameAlreadyExists, ignoring case', async () => {
    const list = await newList([{ name: 'Aktenzeichen', text: {}, indexed: true, enforceUniqueValues: true }]);
    expect((await addItem(list, { Title: 'A', Aktenzeichen: 'MR-2026-01' })).status).toBe(201);
    const dup = await addItem(list, { Title: 'B', Aktenzeichen: 'mr-2026-01' });
    expect(dup.status).toBe(409);
    const error = await errorOf(dup);
    expect(error.code).toBe('nameAlreadyExists');
    expect(error.message).toContain('[Aktenzeichen]');
    expect((await addItem(list, { Title: 'B', Aktenzeichen: 'MR-2026-02' })).status).toBe(201);
    const update = await h.graph(`${list}/items/2/fields`, { method: 'PATCH', body: { Aktenzeichen: 'MR-2026-01' } });
    expect(update.status).toBe(409);
    expect((await h.graph(`${list}/items/1/fields`, { method: 'PATCH', body: { Aktenzeichen: 'MR-2026-01', Title: 'A2' } })).status).toBe(200);
  });

  it('frees a unique value when its item is deleted or changes it, and enforces a column added later', async () => {
    const list = await newList([{ name: 'Aktenzeichen', text: {}, indexed: true, enforceUniqueValues: true }]);
    const first = await json<{ eTag: string }>(await addItem(list, { Title: 'A', Aktenzeichen: 'K-1' }));
    expect((await h.graph(`${list}/items/1`, { method: 'DELETE', headers: { 'If-Match': first.eTag } })).status).toBe(204);
    expect((await addItem(list, { Title: 'B', Aktenzeichen: 'K-1' })).status).toBe(201);
    expect((await h.graph(`${list}/items/2/fields`, { method: 'PATCH', body: { Aktenzeichen: 'K-2' } })).status).toBe(200);
    expect((await addItem(list, { Title: 'C', Aktenzeichen: 'K-1' })).status).toBe(201);
    expect((await addItem(list, { Title: 'D', Aktenzeichen: 'k-2' })).status).toBe(409);

    const later = await newList([{ name: 'Nummer', text: {} }]);
    expect((await addItem(later, { Title: 'A', Nummer: 'N-1' })).status).toBe(201);
    const column = await h.graph(`${later}/columns`, { method: 'POST', body: { name: 'Schluessel', text: {}, indexed: true, enforceUniqueValues: true } });
    expect(column.status).toBe(201);
    expect((await addItem(later, { Title: 'B', Schluessel: 'S-1' })).status).toBe(201);
    expect((await addItem(later, { Title: 'C', Schluessel: 's-1' })).status).toBe(409);
  });

  it('requires a unique column to be indexed, like SharePoint', async () => {
    const res = await h.graph(`${site}/lists`, { method: 'POST', body: { displayName: 'Ohne Index', columns: [{ name: 'Key', text: {}, enforceUniqueValues: true }] } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('must be indexed to enforce unique values') });
  });
});

describe('non-indexed columns in $filter and $orderby', () => {
  let list: string;
  beforeAll(async () => {
    list = await newList([
      { name: 'Status', choice: { choices: ['Offen', 'Erledigt'] }, indexed: true },
      { name: 'Notiz', text: {} },
      { name: 'Punkte', number: {} },
    ]);
    for (const [Title, Status, Notiz, Punkte] of [['A', 'Offen', 'x', 3], ['B', 'Erledigt', 'y', 1], ['C', 'Offen', 'x', 2]] as const) {
      await addItem(list, { Title, Status, Notiz, Punkte });
    }
  });

  it('filters on an indexed column without the Prefer header', async () => {
    const body = await json<{ value: { id: string }[] }>(await h.graph(`${list}/items?$filter=fields/Status eq 'Offen'`));
    expect(body.value.map((i) => i.id)).toEqual(['1', '3']);
  });

  it('refuses filtering or ordering on a non-indexed column with SharePoint\'s message', async () => {
    for (const query of ["$filter=fields/Notiz eq 'x'", '$orderby=fields/Punkte desc']) {
      const res = await h.graph(`${list}/items?${query}`);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalidRequest');
      expect(error.message).toMatch(/^Field '(Notiz|Punkte)' cannot be referenced in filter or orderby as it is not indexed\. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header/);
    }
  });

  it('allows it with Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    const headers = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const filtered = await json<{ value: { id: string }[] }>(await h.graph(`${list}/items?$filter=fields/Notiz eq 'x'`, { headers }));
    expect(filtered.value.map((i) => i.id)).toEqual(['1', '3']);
    const ordered = await json<{ value: { id: string; fields: { Punkte: number } }[] }>(
      await h.graph(`${list}/items?$orderby=fields/Punkte desc&$expand=fields($select=Punkte)`, { headers }),
    );
    expect(ordered.value.map((i) => i.fields.Punkte)).toEqual([3, 2, 1]);
  });

  it('refuses an unknown column', async () => {
    const res = await h.graph(`${list}/items?$filter=fields/Gibtsnicht eq 'x'`, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain("Column 'Gibtsnicht' does not exist");
  });
});

describe('paging', () => {
  it('pages through all items with absolute nextLinks until the last page', async () => {
    const list = await newList([]);
    for (let i = 1; i <= 7; i += 1) await addItem(list, { Title: `Eintrag ${i}` });
    const seen: string[] = [];
    let next: string | undefined = `${h.emulator.url}/v1.0${list}/items?$top=3&$expand=fields($select=Title)`;
    let pages = 0;
    while (next) {
      expect(next.startsWith(`${h.emulator.url}/v1.0/`)).toBe(true);
      const body: { value: { fields: { Title: string } }[]; '@odata.nextLink'?: string } = await json(await h.graph(next.slice(`${h.emulator.url}/v1.0`.length)));
      seen.push(...body.value.map((i) => i.fields.Title));
      next = body['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Eintrag ${i + 1}`));
  });
});

describe('the ID field', () => {
  it('filters and orders on fields/ID numerically without the Prefer header, and never returns it', async () => {
    const list = await newList([]);
    for (let i = 1; i <= 11; i += 1) await addItem(list, { Title: `E${i}` });
    const body = await json<{ value: { id: string; fields: Record<string, unknown> }[] }>(
      await h.graph(`${list}/items?$filter=fields/ID ge 9&$orderby=fields/ID desc&$expand=fields`),
    );
    expect(body.value.map((i) => i.id)).toEqual(['11', '10', '9']);
    expect(body.value[0]?.fields).not.toHaveProperty('ID');
    expect(body.value[0]?.fields.id).toBe('11');
  });
});

describe('values and people', () => {
  it('validates values against the column type and reports unknown fields', async () => {
    const list = await newList([{ name: 'Punkte', number: {} }, { name: 'Faellig', dateTime: { format: 'dateOnly' } }]);
    const bad = await addItem(list, { Title: 'A', Punkte: 'viele' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toContain("field 'Punkte'");
    const unknown = await addItem(list, { Title: 'A', Gibtsnicht: 1 });
    expect(await errorOf(unknown)).toMatchObject({ code: 'invalidRequest', message: "Field 'Gibtsnicht' is not recognized" });
    const ok = await json<{ fields: Record<string, unknown> }>(await addItem(list, { Title: 'A', Punkte: '7', Faellig: '2026-12-31' }));
    expect(ok.fields).toMatchObject({ Punkte: 7, Faellig: '2026-12-31T00:00:00Z' });
  });

  it('records who created and who last modified an item, with lookup ids from the User Information List', async () => {
    const list = await newList([{ name: 'Verantwortlich', personOrGroup: {} }]);
    const jonas = await h.token('jonas.weber');
    const created = await json<{ createdBy: { user: { displayName: string } }; fields: Record<string, string> }>(await addItem(list, { Title: 'A' }, jonas));
    expect(created.createdBy.user.displayName).toBe('Jonas Weber');
    const users = await json<{ value: { id: string; fields: Record<string, string> }[] }>(
      await h.graph(`${site}/lists/User Information List/items?$expand=fields&$filter=fields/EMail eq 'katrin.berger@mustergmbh.onmicrosoft.com'`),
    );
    const katrinLookupId = users.value[0]?.id;
    expect(katrinLookupId).toMatch(/^\d+$/);
    const updated = await json<{ lastModifiedBy: { user: { displayName: string } }; fields: Record<string, string> }>(
      await h.graph(`${list}/items/1`, { method: 'PATCH', body: { fields: { VerantwortlichLookupId: katrinLookupId } } }),
    );
    expect(updated.lastModifiedBy.user.displayName).toBe('Katrin Berger');
    expect(updated.fields.VerantwortlichLookupId).toBe(katrinLookupId);
    expect(updated.fields.EditorLookupId).toBe(katrinLookupId);
    expect(updated.fields.AuthorLookupId).toBe(created.fields.AuthorLookupId);
    expect(updated.fields.AuthorLookupId).not.toBe(katrinLookupId);
  });

  it('gives a column named like a built-in one a free internal name (Author → Author0)', async () => {
    const res = await h.graph(`${site}/lists`, { method: 'POST', body: { displayName: 'Bücher', columns: [{ name: 'Author', text: {} }] } });
    const list = `${site}/lists/${(await json<{ id: string }>(res)).id}`;
    const columns = await json<{ value: { name: string; displayName: string }[] }>(await h.graph(`${list}/columns`));
    expect(columns.value.filter((c) => c.displayName === 'Author').map((c) => c.name)).toEqual(['Author0']);
    const dup = await h.graph(`${list}/columns`, { method: 'POST', body: { name: 'author0', text: {} } });
    expect(dup.status).toBe(409);
  });
});

describe('permissions', () => {
  it('needs Sites.ReadWrite.All for item writes and Sites.Manage.All for lists', async () => {
    const list = await newList([]);
    // Sabine Koch is a member of the team (Edit on the site): only the token's scopes limit her here.
    const reader = await h.token('sabine.koch', ['Sites.Read.All']);
    const writer = await h.token('sabine.koch', ['Sites.ReadWrite.All']);
    expect((await h.graph(`${list}/items`, { token: reader })).status).toBe(200);
    const denied = await addItem(list, { Title: 'A' }, reader);
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).code).toBe('accessDenied');
    expect((await addItem(list, { Title: 'A' }, writer)).status).toBe(201);
    const createList = await h.graph(`${site}/lists`, { method: 'POST', token: writer, body: { displayName: 'Nicht erlaubt' } });
    expect(createList.status).toBe(403);
  });

});
