import { applyQuery, collectionBody, ODataError, parseQueryOptions, project, type Resource } from '../src/odata';

const base = 'https://localhost:4365/v1.0/sites/s/lists/l/items';
const items: Resource[] = Array.from({ length: 7 }, (_, i) => ({
  '@odata.etag': `"e${i}"`,
  id: String(i + 1),
  name: ['delta', 'Alpha', 'charlie', 'bravo', 'Echo', 'alpha', 'foxtrot'][i],
  rank: [3, 1, 2, 1, 5, 1, null][i],
  fields: { Title: `T${i + 1}`, Status: i % 2 === 0 ? 'Offen' : 'Erledigt', Secret: 'x' },
}));

function run(search: string, options: Partial<Parameters<typeof applyQuery>[2]> = {}) {
  const url = new URL(`${base}?${search}`);
  return applyQuery(items, parseQueryOptions(url.searchParams), {
    requestUrl: url,
    defaultPageSize: 3,
    navigationProperties: ['fields'],
    alwaysSelected: ['id'],
    ...options,
  });
}

describe('$orderby', () => {
  it('sorts case-insensitively, stable, with several keys and directions', () => {
    const page = run('$orderby=rank asc,name desc&$top=7');
    // null first ascending; rank 1 ties broken by name desc (bravo > alpha = Alpha, stable among equals)
    expect(page.value.map((r) => r.id)).toEqual(['7', '4', '2', '6', '3', '1', '5']);
  });

  it('orders by a nested path', () => {
    const page = run('$orderby=fields/Title desc&$top=2');
    expect(page.value.map((r) => r.id)).toEqual(['7', '6']);
  });

  it('rejects an unknown direction', () => {
    expect(() => run('$orderby=name sideways')).toThrow(ODataError);
  });
});

describe('$select and $expand', () => {
  it('keeps only selected properties plus annotations and always-selected ones', () => {
    const page = run('$select=name&$top=1');
    expect(page.value[0]).toEqual({ '@odata.etag': '"e0"', id: '1', name: 'delta' });
  });

  it('leaves navigation properties out unless expanded', () => {
    expect(run('$top=1').value[0]).not.toHaveProperty('fields');
    expect(run('$top=1&$expand=fields').value[0]?.fields).toEqual({ Title: 'T1', Status: 'Offen', Secret: 'x' });
  });

  it('applies a nested $select inside $expand', () => {
    const page = run('$top=1&$expand=fields($select=Title,Status)');
    expect(page.value[0]?.fields).toEqual({ Title: 'T1', Status: 'Offen' });
  });

  it('uses an expander when the route provides one', () => {
    const page = run('$top=1&$expand=fields($select=Upper)', {
      expanders: { fields: (r) => ({ Upper: String(r.name).toUpperCase(), Other: 1 }) },
    });
    expect(page.value[0]?.fields).toEqual({ Upper: 'DELTA' });
  });

  it('applies nested filter, orderby and top on an expanded collection', () => {
    const owner = { id: 'o', members: items.map((i) => ({ id: i.id, name: i.name })) };
    const query = parseQueryOptions(new URLSearchParams({ $expand: "members($filter=startswith(name,'a');$orderby=id desc;$top=1;$select=id)" }));
    expect(project(owner, query, {})).toEqual({ id: 'o', members: [{ id: '6' }] });
  });

  it('rejects expanding an unknown property with the type name in the message', () => {
    expect(() => run('$expand=nope', { typeName: 'microsoft.graph.listItem' })).toThrow(
      "Parsing OData Select and Expand failed: Could not find a property named 'nope' on type 'microsoft.graph.listItem'.",
    );
  });

  it('rejects selecting an unknown property when the route lists known ones', () => {
    expect(() => run('$select=nope', { knownProperties: ['id', 'name'], typeName: 'microsoft.graph.user' })).toThrow(/named 'nope' on type 'microsoft.graph.user'/);
  });
});

describe('paging', () => {
  it('pages through everything with opaque skiptokens in absolute nextLinks that keep other options', () => {
    const seen: string[] = [];
    let url: URL | undefined = new URL(`${base}?$filter=rank ne null&$orderby=name&$select=name&$count=true`);
    let pages = 0;
    while (url) {
      const page = applyQuery(items, parseQueryOptions(url.searchParams), { requestUrl: url, defaultPageSize: 2, alwaysSelected: ['id'] });
      expect(page.count).toBe(6);
      seen.push(...page.value.map((r) => String(r.name)));
      pages += 1;
      if (page.nextLink) {
        expect(page.nextLink.startsWith(`${base}?$filter=rank%20ne%20null&$orderby=name&$select=name&$count=true&$skiptoken=`)).toBe(true);
      }
      url = page.nextLink ? new URL(page.nextLink) : undefined;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Alpha', 'alpha', 'bravo', 'charlie', 'delta', 'Echo']);
  });

  it('uses $top as the page size', () => {
    const page = run('$top=5');
    expect(page.value).toHaveLength(5);
    expect(page.nextLink).toBeDefined();
    const rest = run(new URL(page.nextLink!).search.slice(1));
    expect(rest.value.map((r) => r.id)).toEqual(['6', '7']);
    expect(rest.nextLink).toBeUndefined();
  });

  it('refuses a skiptoken from a different query', () => {
    const first = run('$orderby=name');
    const token = new URL(first.nextLink!).searchParams.get('$skiptoken')!;
    expect(() => run(`$orderby=rank&$skiptoken=${token}`)).toThrow(/skiptoken/);
    expect(() => run('$skiptoken=garbage')).toThrow(/skiptoken/);
  });

  it('supports $skip only where the API allows it', () => {
    expect(() => run('$skip=2')).toThrow("The query option '$skip' is not supported by this API.");
    expect(run('$skip=5', { allowSkip: true }).value.map((r) => r.id)).toEqual(['6', '7']);
  });

  it('enforces the maximum page size like Graph', () => {
    expect(() => run('$top=1000', { maxPageSize: 999 })).toThrow("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    expect(() => run('$top=abc')).toThrow(ODataError);
  });

  it('builds the collection body in Graph key order', () => {
    const page = run('$count=true');
    const body = collectionBody(page, 'https://localhost/v1.0/$metadata#items');
    expect(Object.keys(body)).toEqual(['@odata.context', '@odata.count', '@odata.nextLink', 'value']);
    expect(body['@odata.count']).toBe(7);
  });

  it('reads options with or without $ in any letter case', () => {
    expect(run('top=2').value).toHaveLength(2);
    expect(run('$Top=1&$ORDERBY=name desc').value.map((r) => r.name)).toEqual(['foxtrot']);
  });

  it('rejects unknown system query options', () => {
    expect(() => parseQueryOptions(new URLSearchParams({ $frobnicate: '1' }))).toThrow("Query option '$frobnicate' is not supported.");
  });
});
