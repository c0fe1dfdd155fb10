import { GraphInvalidRequestError, GraphPreconditionFailedError, GraphResyncRequiredError } from '../pipeline/errors';
import { graphErrorResponse, jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall, TEST_BASE_URL } from '../testSupport/gatewaysWith';

const item = (id: string, version: number, fields: Record<string, unknown> = {}) => ({
  id,
  '@odata.etag': `"guid-${id},${version}"`,
  eTag: `"guid-${id},${version}"`,
  webUrl: `https://mustergmbh.sharepoint.com/sites/ISMS/Lists/Nachweise/${id}_.000`,
  createdDateTime: '2026-11-27T01:00:00Z',
  lastModifiedDateTime: '2026-11-27T01:00:00Z',
  createdBy: { user: { id: 'u1', displayName: 'Katrin Berger', email: 'katrin.berger@mustergmbh.onmicrosoft.com' } },
  fields: { '@odata.etag': `"guid-${id},${version}"`, id, Title: `Item ${id}`, ...fields },
});

describe('lists gateway', () => {
  it('create() sends Graph column definitions and the template, with Sites.Manage.All', async () => {
    const { graph, calls, tokens } = gatewaysWith(() =>
      jsonResponse(201, { id: 'l1', name: 'Nachweise', displayName: 'Nachweise', webUrl: 'https://x/Lists/Nachweise', list: { template: 'genericList' } }),
    );
    const list = await graph.lists.create('site-1', {
      displayName: 'Nachweise',
      columns: [
        { name: 'Key', type: 'text', indexed: true, enforceUniqueValues: true },
        { name: 'Status', type: 'choice', choices: ['offen', 'erledigt'] },
        { name: 'Datum', type: 'dateTime', format: 'dateOnly', indexed: true },
        { name: 'Verantwortlich', type: 'personOrGroup' },
      ],
    });
    expect(list).toEqual({ id: 'l1', name: 'Nachweise', displayName: 'Nachweise', webUrl: 'https://x/Lists/Nachweise', template: 'genericList' });
    expect(calls[0]?.method).toBe('POST');
    expect(relativeCall(calls[0]!)).toBe('/sites/site-1/lists');
    expect(calls[0]?.json()).toEqual({
      displayName: 'Nachweise',
      list: { template: 'genericList' },
      columns: [
        { name: 'Key', displayName: 'Key', indexed: true, enforceUniqueValues: true, text: {} },
        { name: 'Status', displayName: 'Status', choice: { choices: ['offen', 'erledigt'], allowTextEntry: false, displayAs: 'dropDownMenu' } },
        { name: 'Datum', displayName: 'Datum', indexed: true, dateTime: { format: 'dateOnly', displayAs: 'default' } },
        { name: 'Verantwortlich', displayName: 'Verantwortlich', personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } },
      ],
    });
    expect(tokens.requests[0]?.scopes).toEqual(['Sites.Manage.All']);
  });

  it('refuses unique values on a non-indexed column before sending (SharePoint’s rule)', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(201, {}));
    const error = await graph.lists
      .create('site-1', { displayName: 'X', columns: [{ name: 'Key', type: 'text', enforceUniqueValues: true }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphInvalidRequestError);
    expect((error as Error).message).toBe('Column "Key": enforceUniqueValues needs indexed: true (a SharePoint rule).');
    expect(calls).toHaveLength(0);
  });

  it('get() expands columns with hidden ones selected and reads their types back', async () => {
    const { graph, calls } = gatewaysWith(() =>
      jsonResponse(200, {
        id: 'l1',
        name: 'Nachweise',
        displayName: 'Nachweise',
        webUrl: 'https://x',
        columns: [
          { id: 'c1', name: 'Status', displayName: 'Status', indexed: true, readOnly: false, choice: { choices: ['offen'], displayAs: 'radioButtons' } },
          { id: 'c2', name: 'Created', displayName: 'Erstellt', readOnly: true, dateTime: { format: 'dateTime' } },
          { id: 'c3', name: 'Calc', displayName: 'Calc', calculated: { formula: '=1' } },
        ],
      }),
    );
    const list = await graph.lists.get('site-1', 'Nachweise');
    // Graph lists hidden columns only when $select names `hidden` (columnDefinition resource type).
    expect(relativeCall(calls[0]!)).toBe(
      '/sites/site-1/lists/Nachweise?$expand=columns($select=id,name,displayName,description,required,indexed,enforceUniqueValues,hidden,readOnly,text,choice,dateTime,number,boolean,hyperlinkOrPicture,personOrGroup)',
    );
    expect(list.columns).toEqual([
      { id: 'c1', name: 'Status', displayName: 'Status', indexed: true, readOnly: false, type: 'choice', choices: ['offen'], displayAs: 'radioButtons' },
      { id: 'c2', name: 'Created', displayName: 'Erstellt', readOnly: true, type: 'dateTime', format: 'dateTime' },
      { id: 'c3', name: 'Calc', displayName: 'Calc', type: 'other' },
    ]);
  });
});

describe('list items gateway', () => {
  it('query() expands selected fields, filters, and sends the Prefer header for non-indexed columns', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, { value: [item('1', 1, { Status: 'offen' })] }));
    const items = await graph.listItems
      .forList('site-1', 'l1')
      .queryAll({ filter: "fields/Status eq 'offen'", orderby: 'fields/Datum desc', select: ['Title', 'Status'], top: 50, honorNonIndexed: true });
    expect(relativeCall(calls[0]!)).toBe(
      "/sites/site-1/lists/l1/items?$expand=fields($select=Title,Status)&$filter=fields/Status eq 'offen'&$orderby=fields/Datum desc&$top=50",
    );
    expect(calls[0]?.headers.prefer).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
    expect(items[0]).toEqual({
      id: '1',
      etag: '"guid-1,1"',
      fields: { id: '1', Title: 'Item 1', Status: 'offen' },
      webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Lists/Nachweise/1_.000',
      createdDateTime: '2026-11-27T01:00:00Z',
      lastModifiedDateTime: '2026-11-27T01:00:00Z',
      createdBy: { id: 'u1', displayName: 'Katrin Berger', email: 'katrin.berger@mustergmbh.onmicrosoft.com' },
    });
  });

  it('updateFields() sends If-Match and a 412 becomes PreconditionFailedError pointing at the item to re-read', async () => {
    const { graph, calls, tokens } = gatewaysWith(() => graphErrorResponse(412, 'preconditionFailed', 'The version of the item has changed.'));
    const error = await graph.listItems
      .forList('site-1', 'l1')
      .updateFields('7', { Status: 'erledigt' }, '"guid-7,2"')
      .catch((e: unknown) => e);
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.headers['if-match']).toBe('"guid-7,2"');
    expect(calls[0]?.json()).toEqual({ Status: 'erledigt' });
    expect(tokens.requests[0]?.scopes).toEqual(['Sites.ReadWrite.All']);
    expect(error).toBeInstanceOf(GraphPreconditionFailedError);
    expect((error as GraphPreconditionFailedError).resourceUrl).toBe(`${TEST_BASE_URL}/sites/site-1/lists/l1/items/7/fields`);
    expect((error as GraphPreconditionFailedError).sentETag).toBe('"guid-7,2"');
  });

  it('updateFields() returns the changed fields with the new etag', async () => {
    const { graph } = gatewaysWith(() => jsonResponse(200, { '@odata.etag': '"guid-7,3"', Status: 'erledigt' }));
    await expect(graph.listItems.forList('s', 'l').updateFields('7', { Status: 'erledigt' }, '"guid-7,2"')).resolves.toEqual({
      fields: { Status: 'erledigt' },
      etag: '"guid-7,3"',
    });
  });

  it('delta() collects a full round across pages: last state per item, removed ids, and the delta link', async () => {
    const deltaLink = `${TEST_BASE_URL}/sites/s/lists/l/items/delta?token=t2`;
    const { graph, calls } = gatewaysWith((call) =>
      call.url.includes('page=2')
        ? jsonResponse(200, { value: [item('1', 2), { id: '2', deleted: { state: 'deleted' } }], '@odata.deltaLink': deltaLink })
        : jsonResponse(200, { value: [item('1', 1), item('3', 1)], '@odata.nextLink': `${TEST_BASE_URL}/sites/s/lists/l/items/delta?page=2` }),
    );
    const result = await graph.listItems.forList('s', 'l').delta();
    expect(relativeCall(calls[0]!)).toBe('/sites/s/lists/l/items/delta?$expand=fields');
    expect(result.items.map((i) => [i.id, i.etag])).toEqual([
      ['3', '"guid-3,1"'],
      ['1', '"guid-1,2"'],
    ]);
    expect(result.removedIds).toEqual(['2']);
    expect(result.deltaLink).toBe(deltaLink);
  });

  it('delta(link) with an expired token raises resync-required', async () => {
    const { graph, calls } = gatewaysWith(() => graphErrorResponse(410, 'resyncRequired', 'Resync required.'));
    const link = `${TEST_BASE_URL}/sites/s/lists/l/items/delta?token=old`;
    await expect(graph.listItems.forList('s', 'l').delta(link)).rejects.toBeInstanceOf(GraphResyncRequiredError);
    expect(calls[0]?.url).toBe(link);
  });

  it('createMany() posts 20 creates per $batch and maps each created item', async () => {
    const { graph, calls } = gatewaysWith((call) => {
      const { requests } = call.json() as { requests: { id: string; body: { fields: Record<string, unknown> } }[] };
      return jsonResponse(200, {
        responses: requests.map((r) => ({ id: r.id, status: 201, body: item(`n${r.id}`, 1, r.body.fields) })),
      });
    });
    const outcomes = await graph.listItems.forList('s', 'l').createMany(Array.from({ length: 21 }, (_, i) => ({ Title: `Nachweis ${i + 1}` })));
    expect(calls.map((c) => (c.json() as { requests: unknown[] }).requests.length)).toEqual([20, 1]);
    expect(outcomes).toHaveLength(21);
    const last = outcomes[20]!;
    if (!last.ok) throw last.error;
    expect(last.value.fields.Title).toBe('Nachweis 21');
    expect(last.value.etag).toBe('"guid-n21,1"');
  });

  it('a batched create whose answer is malformed fails alone with a validation error', async () => {
    const { graph } = gatewaysWith(() =>
      jsonResponse(200, { responses: [{ id: '1', status: 201, body: item('a', 1) }, { id: '2', status: 201, body: { id: 'b' } }] }),
    );
    const outcomes = await graph.listItems.forList('s', 'l').createMany([{ Title: 'a' }, { Title: 'b' }]);
    expect(outcomes[0]?.ok).toBe(true);
    const second = outcomes[1]!;
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.message).toContain('eTag: a list item needs eTag or @odata.etag');
  });
});
