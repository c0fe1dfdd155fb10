/** Conformance of the SharePoint routes with Microsoft's documented example responses. */
import { contextFragment, loadFixture, shapeDifferences, startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;
let siteId: string;
let listId: string;

beforeAll(async () => {
  h = await startHarness();
  siteId = ((await (await h.graph(SITE)).json()) as { id: string }).id;
  const res = await h.graph(`/sites/${siteId}/lists`, {
    method: 'POST',
    body: {
      displayName: 'Inventory',
      columns: [
        { name: 'Name', text: {}, description: 'Customer-facing name of the SKU' },
        { name: 'Color', choice: { choices: ['Red', 'Blue', 'Green'] } },
        { name: 'Quantity', number: {} },
      ],
      list: { template: 'genericList' },
    },
  });
  listId = ((await res.json()) as { id: string }).id;
  for (const [Name, Color, Quantity] of [['Gadget', 'Red', 503], ['Widget', 'Blue', 2357], ['Gizmo', 'Green', 92]] as const) {
    const created = await h.graph(`/sites/${siteId}/lists/${listId}/items`, { method: 'POST', body: { fields: { Title: Name, Name, Color, Quantity } } });
    if (created.status !== 201) throw new Error(`seed item failed: ${created.status} ${await created.text()}`);
  }
});
afterAll(() => h.stop());

async function expectLikeFixture(res: Response, fixtureName: string): Promise<Record<string, unknown>> {
  const fixture = loadFixture(fixtureName);
  const text = await res.text();
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  expect({ status: res.status, problems: shapeDifferences(body, fixture.body, fixture.exactKeys) }).toEqual({ status: fixture.status, problems: [] });
  const expectedContext = (fixture.body as Record<string, unknown>)['@odata.context'];
  if (expectedContext !== undefined) expect(contextFragment(body['@odata.context'])).toBe(contextFragment(expectedContext));
  return body;
}

describe('sites', () => {
  it('GET /sites/{hostname}:/sites/{path} answers the ISMS team site', async () => {
    const body = await expectLikeFixture(await h.graph('/sites/mustergmbh.sharepoint.com:/sites/ISMS'), 'sharepoint/site-getbypath.json');
    expect(body.displayName).toBe('ISMS Muster GmbH');
    expect(body.webUrl).toBe('https://mustergmbh.sharepoint.com/sites/ISMS');
    expect(String(body.id)).toMatch(/^mustergmbh\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(contextFragment(body['@odata.context'])).toBe('sites/$entity');
  });

  it('GET /sites/{site-id} answers the same site by its composite id, case-insensitively', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId.toUpperCase()}`), 'sharepoint/site-getbypath.json');
    expect(body.id).toBe(siteId);
  });

  it('GET /sites/root and /sites/{hostname} answer the tenant root site with the root facet', async () => {
    const root = await expectLikeFixture(await h.graph('/sites/root'), 'sharepoint/site-get-root.json');
    const byHost = await expectLikeFixture(await h.graph('/sites/mustergmbh.sharepoint.com'), 'sharepoint/site-get-root.json');
    expect(byHost.id).toBe(root.id);
    expect(root.webUrl).toBe('https://mustergmbh.sharepoint.com');
  });

  it('answers an unknown site path (also under /teams/) with 404 itemNotFound', async () => {
    const res = await h.graph('/sites/mustergmbh.sharepoint.com:/teams/ISMS');
    expect(res.status).toBe(404);
    await expectLikeFixture(res, 'sharepoint/error-site-not-found.json');
  });
});

describe('lists and columns', () => {
  it('GET /lists shows the libraries and lists but hides system lists', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists`), 'sharepoint/list-list.json');
    const names = (body.value as { displayName: string }[]).map((l) => l.displayName);
    expect(names).toEqual(['Dokumente', 'Inventory']);
    const withSystem = (await (await h.graph(`/sites/${siteId}/lists?$select=id,displayName,system`)).json()) as { value: { displayName: string; system?: object }[] };
    expect(withSystem.value.find((l) => l.displayName === 'User Information List')?.system).toEqual({});
  });

  it('POST /lists answers 201 with the created list', async () => {
    const res = await h.graph(`/sites/${siteId}/lists`, { method: 'POST', body: { displayName: 'Books', columns: [{ name: 'Author', text: {} }, { name: 'PageCount', number: {} }], list: { template: 'genericList' } } });
    const body = await expectLikeFixture(res, 'sharepoint/list-create.json');
    expect(body.displayName).toBe('Books');
    expect((body.createdBy as { user: { displayName: string } }).user.displayName).toBe('Katrin Berger');
    expect(res.headers.get('etag')).toBe(body.eTag);
  });

  it('GET /lists/{id} and /lists/{title} answer the list metadata', async () => {
    const byId = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}`), 'sharepoint/list-get.json');
    const byTitle = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/inventory`), 'sharepoint/list-get.json');
    expect(byTitle.id).toBe(byId.id);
    expect(byId).not.toHaveProperty('columns');
  });

  it('GET /lists/{id} with select and nested expand answers columns and items with fields', async () => {
    const body = await expectLikeFixture(
      await h.graph(`/sites/${siteId}/lists/${listId}?select=id,name,lastModifiedDateTime&expand=columns(select=name,description),items(expand=fields(select=Name,Color,Quantity))`),
      'sharepoint/list-get-multi-expand.json',
    );
    expect(body).not.toHaveProperty('createdDateTime');
    expect((body.columns as { name: string; description: string }[]).find((c) => c.name === 'Name')).toEqual({ name: 'Name', description: 'Customer-facing name of the SKU' });
    const items = body.items as { id: string; fields: Record<string, unknown> }[];
    expect(items.map((i) => i.fields)).toEqual([
      { '@odata.etag': expect.any(String), Name: 'Gadget', Color: 'Red', Quantity: 503 },
      { '@odata.etag': expect.any(String), Name: 'Widget', Color: 'Blue', Quantity: 2357 },
      { '@odata.etag': expect.any(String), Name: 'Gizmo', Color: 'Green', Quantity: 92 },
    ]);
  });

  it('GET /columns lists the template columns and the custom ones', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}/columns`), 'sharepoint/list-list-columns.json');
    const names = (body.value as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Title', 'ID', 'Created', 'Modified', 'Author', 'Editor', 'Name', 'Color', 'Quantity']));
    const color = (body.value as Record<string, unknown>[]).find((c) => c.name === 'Color');
    expect(color?.choice).toEqual({ allowTextEntry: false, choices: ['Red', 'Blue', 'Green'], displayAs: 'dropDownMenu' });
  });

  it('POST /columns adds a column to an existing list (201)', async () => {
    const res = await h.graph(`/sites/${siteId}/lists/Books/columns`, {
      method: 'POST',
      body: { description: 'test', enforceUniqueValues: false, hidden: false, indexed: false, name: 'Subtitle', text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 } },
    });
    const body = await expectLikeFixture(res, 'sharepoint/list-post-columns.json');
    expect(body.name).toBe('Subtitle');
    expect(contextFragment(body['@odata.context'])).toMatch(/\/columns\/\$entity$/);
  });
});

describe('list items', () => {
  it('GET /items?expand=fields(select=...) answers items with the selected fields', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}/items?expand=fields(select=Name,Color,Quantity)`), 'sharepoint/listitem-list.json');
    expect((body.value as { fields: object }[])[0]?.fields).toEqual({ '@odata.etag': expect.any(String), Name: 'Gadget', Color: 'Red', Quantity: 503 });
    // The keys SharePoint Online really sends (microsoftgraph/microsoft-graph-docs issue #20211).
    expect(Object.keys((body.value as object[])[0] ?? {})).toEqual([
      '@odata.etag', 'createdDateTime', 'eTag', 'id', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy',
      'parentReference', 'contentType', 'fields@odata.context', 'fields',
    ]);
  });

  it('POST /items answers 201 with the item, its fields and an ETag', async () => {
    const res = await h.graph(`/sites/${siteId}/lists/${listId}/items`, { method: 'POST', body: { fields: { Title: 'Widget', Color: 'Blue', Quantity: 32 } } });
    const body = await expectLikeFixture(res, 'sharepoint/listitem-create.json');
    expect(body.id).toBe('4');
    expect(res.headers.get('etag')).toBe(body.eTag);
    expect(String(body.eTag)).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect((body.fields as Record<string, unknown>).Quantity).toBe(32);
  });

  it('GET /items/{id}?expand=fields answers the item with all its fields', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}/items/2?expand=fields`), 'sharepoint/listitem-get.json');
    expect(body.fields).toMatchObject({ Name: 'Widget', Color: 'Blue', Quantity: 2357, id: '2', ContentType: 'Item', _UIVersionString: '1.0' });
  });

  it('PATCH /items/{id}/fields answers the updated fieldValueSet', async () => {
    const body = await expectLikeFixture(
      await h.graph(`/sites/${siteId}/lists/${listId}/items/2/fields`, { method: 'PATCH', body: { Color: 'Red', Quantity: 934 } }),
      'sharepoint/listitem-update.json',
    );
    expect(body).toMatchObject({ Name: 'Widget', Color: 'Red', Quantity: 934, _UIVersionString: '2.0' });
  });

  it('GET /items/{id}/fields answers the fieldValueSet with its ETag', async () => {
    const res = await h.graph(`/sites/${siteId}/lists/${listId}/items/1/fields`);
    const body = await expectLikeFixture(res, 'sharepoint/listitem-update.json');
    expect(body).toMatchObject({ Name: 'Gadget', Color: 'Red', Quantity: 503 });
    expect(res.headers.get('etag')).toBe(body['@odata.etag']);
  });

  it('answers 412, 409, 410 and 400 with Graph\'s error body', async () => {
    const items = `/sites/${siteId}/lists/${listId}/items`;
    const uniqueList = await h.graph(`/sites/${siteId}/lists`, { method: 'POST', body: { displayName: 'Eindeutig', columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }] } });
    const unique = `/sites/${siteId}/lists/${((await uniqueList.json()) as { id: string }).id}/items`;
    await h.graph(unique, { method: 'POST', body: { fields: { Key: 'A' } } });
    const cases: [Promise<Response>, number, string][] = [
      [h.graph(`${items}/1/fields`, { method: 'PATCH', headers: { 'If-Match': '"00000000-0000-0000-0000-000000000000,1"' }, body: { Color: 'Red' } }), 412, 'preconditionFailed'],
      [h.graph(unique, { method: 'POST', body: { fields: { Key: 'a' } } }), 409, 'nameAlreadyExists'],
      [h.graph(`${items}/delta?token=abc`), 410, 'resyncRequired'],
      [h.graph(`${items}?$filter=fields/Color eq 'Red'`), 400, 'invalidRequest'],
      [h.graph(`${items}?$filter=fields/Color eq`), 400, 'invalidRequest'],
      [h.graph(`/sites/${siteId}/lists/Gibtsnicht`), 404, 'itemNotFound'],
    ];
    const fixture = loadFixture('error.json');
    for (const [pending, status, code] of cases) {
      const res = await pending;
      const body = (await res.json()) as { error: { code: string } };
      expect({ status: res.status, code: body.error.code, problems: shapeDifferences(body, fixture.body, true) }).toEqual({ status, code, problems: [] });
    }
  });

  it('DELETE /items/{id} answers 204 without a body', async () => {
    const res = await h.graph(`/sites/${siteId}/lists/${listId}/items/4`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await h.graph(`/sites/${siteId}/lists/${listId}/items/4`)).status).toBe(404);
  });

  it('GET /items/delta answers pages and a deltaLink shaped like the documentation', async () => {
    const first = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}/items/delta?$top=2`), 'sharepoint/listitem-delta-first.json');
    const next = await h.graph(String(first['@odata.nextLink']).replace(`${h.emulator.url}/v1.0`, ''));
    const last = (await next.json()) as Record<string, unknown>;
    expect(last['@odata.deltaLink']).toEqual(expect.stringContaining('/items/delta?'));
    await h.graph(`/sites/${siteId}/lists/${listId}/items/3`, { method: 'DELETE' });
    await expectLikeFixture(await h.graph(String(last['@odata.deltaLink']).replace(`${h.emulator.url}/v1.0`, '')), 'sharepoint/listitem-delta-last.json');
  });

  it('GET /items/delta?token=latest answers no items and a deltaLink', async () => {
    const body = await expectLikeFixture(await h.graph(`/sites/${siteId}/lists/${listId}/items/delta?token=latest`), 'sharepoint/listitem-delta-latest.json');
    expect(body.value).toEqual([]);
  });
});
