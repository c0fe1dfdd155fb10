import {
  GraphBadRequestError,
  GraphConflictError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphResyncRequiredError,
  type ListItemsClient,
  type SharePointList,
  type Site,
} from '../../src/graph';
import { EMULATOR_START_TIMEOUT_MS, type GraphHarness, SHAREPOINT_HOST, startGraphHarness } from './graphHarness';

let h: GraphHarness;
let site: Site;
let list: SharePointList;
let items: ListItemsClient;

beforeAll(async () => {
  h = await startGraphHarness('jonas.weber');
  site = await h.graph.sites.byPath(SHAREPOINT_HOST, 'ISMS');
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await h?.emulator.stop();
});

describe('sites', () => {
  it('finds the ISMS team site by path, by id and by its browser URL', async () => {
    expect(site).toMatchObject({ displayName: 'ISMS Muster GmbH', name: 'ISMS', webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS' });
    expect(site.id.split(',')).toHaveLength(3);
    await expect(h.graph.sites.byId(site.id)).resolves.toEqual(site);
    await expect(h.graph.sites.fromWebUrl('https://mustergmbh.sharepoint.com/sites/ISMS')).resolves.toEqual(site);
  });

  it('a site that does not exist is a GraphNotFoundError', async () => {
    await expect(h.graph.sites.byPath(SHAREPOINT_HOST, 'GibtEsNicht')).rejects.toBeInstanceOf(GraphNotFoundError);
  });
});

describe('lists and columns', () => {
  it('creates the evidence list with typed columns and reads them back', async () => {
    list = await h.graph.lists.create(site.id, {
      displayName: 'Nachweise',
      description: 'Nachweise der Leitung (ISO/IEC 27001 5.1, 9.3, A.5.4)',
      columns: [
        { name: 'Key', displayName: 'Schlüssel', type: 'text', indexed: true, enforceUniqueValues: true },
        { name: 'Status', type: 'choice', choices: ['offen', 'erledigt'], indexed: true },
        { name: 'Datum', type: 'dateTime', format: 'dateOnly', indexed: true },
        { name: 'Notiz', type: 'text', allowMultipleLines: true },
        { name: 'Punkte', type: 'number' },
        { name: 'Vertraulich', type: 'boolean' },
        { name: 'Beleg', type: 'hyperlinkOrPicture' },
        { name: 'Verantwortlich', type: 'personOrGroup' },
      ],
    });
    expect(list).toMatchObject({ displayName: 'Nachweise', template: 'genericList' });
    items = h.graph.listItems.forList(site.id, list.id);

    const read = await h.graph.lists.get(site.id, list.id);
    const byName = new Map(read.columns?.map((c) => [c.name, c]));
    expect(byName.get('Key')).toMatchObject({ type: 'text', displayName: 'Schlüssel', indexed: true, enforceUniqueValues: true });
    expect(byName.get('Status')).toMatchObject({ type: 'choice', choices: ['offen', 'erledigt'] });
    expect(byName.get('Datum')).toMatchObject({ type: 'dateTime', format: 'dateOnly' });
    expect(byName.get('Punkte')?.type).toBe('number');
    expect(byName.get('Vertraulich')?.type).toBe('boolean');
    expect(byName.get('Beleg')?.type).toBe('hyperlinkOrPicture');
    expect(byName.get('Verantwortlich')?.type).toBe('personOrGroup');
  });

  it('adds a column to the existing list', async () => {
    const added = await h.graph.lists.addColumn(site.id, list.id, { name: 'Klausel', type: 'choice', choices: ['5.1', '9.3', 'A.5.4'] });
    expect(added).toMatchObject({ name: 'Klausel', type: 'choice', choices: ['5.1', '9.3', 'A.5.4'] });
    const columns = await h.graph.lists.columns(site.id, list.id);
    expect(columns.map((c) => c.name)).toContain('Klausel');
  });

  it('a second list with the same name is a conflict', async () => {
    await expect(h.graph.lists.create(site.id, { displayName: 'Nachweise', columns: [] })).rejects.toBeInstanceOf(GraphConflictError);
  });
});

describe('list items', () => {
  it('create, read, update with the current etag; a stale etag is refused with 412 and the item re-read', async () => {
    const created = await items.create({ Title: 'Managementbewertung 2026', Key: 'mb-2026', Status: 'offen', Klausel: '9.3' });
    expect(created.fields).toMatchObject({ Title: 'Managementbewertung 2026', Key: 'mb-2026', Status: 'offen' });
    expect(created.createdBy?.displayName).toBe('Jonas Weber');

    const updated = await items.updateFields(created.id, { Status: 'erledigt' }, created.etag);
    expect(updated.fields.Status).toBe('erledigt');
    expect(updated.etag).toBeDefined();
    expect(updated.etag).not.toBe(created.etag);

    const stale = await items.updateFields(created.id, { Status: 'offen' }, created.etag).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(GraphPreconditionFailedError);
    expect((stale as GraphPreconditionFailedError).sentETag).toBe(created.etag);

    const current = await items.get(created.id);
    expect(current.fields.Status).toBe('erledigt');
    expect(current.etag).toBe(updated.etag);
  });

  it('a duplicate value in a unique column is a GraphConflictError', async () => {
    await items.create({ Title: 'A', Key: 'unique-1' });
    const error = await items.create({ Title: 'B', Key: 'unique-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphConflictError);
    expect((error as GraphConflictError).status).toBe(409);
  });

  it('delete honours If-Match: a stale etag is refused, the current one deletes', async () => {
    const created = await items.create({ Title: 'Zu löschen', Key: 'del-1' });
    const changed = await items.updateFields(created.id, { Title: 'Geändert' }, created.etag);
    await expect(items.delete(created.id, created.etag)).rejects.toBeInstanceOf(GraphPreconditionFailedError);
    await items.delete(created.id, changed.etag);
    await expect(items.get(created.id)).rejects.toBeInstanceOf(GraphNotFoundError);
  });

  it('filtering on a non-indexed column needs the Prefer header', async () => {
    await items.create({ Title: 'Mit Notiz', Key: 'n-1', Notiz: 'Budget freigegeben' });
    const error = await items.queryAll({ filter: "fields/Notiz eq 'Budget freigegeben'" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphBadRequestError);
    expect((error as Error).message).toContain('is not indexed');
    const found = await items.queryAll({ filter: "fields/Notiz eq 'Budget freigegeben'", honorNonIndexed: true });
    expect(found.map((i) => i.fields.Key)).toEqual(['n-1']);
  });

  it('createMany() writes 45 items through $batch and query pages through all of them', async () => {
    const outcomes = await items.createMany(
      Array.from({ length: 45 }, (_, i) => ({ Title: `Nachweis ${i + 1}`, Key: `bulk-${String(i + 1).padStart(2, '0')}`, Status: 'offen' })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(45);

    let pages = 0;
    const keys: string[] = [];
    for await (const page of items.query({ filter: "fields/Status eq 'offen'", top: 10, select: ['Key'] })) {
      pages += 1;
      keys.push(...page.items.map((i) => String(i.fields.Key)));
    }
    expect(keys.filter((k) => k.startsWith('bulk-'))).toHaveLength(45);
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it('a batch reports a failed create alone and keeps the others', async () => {
    const outcomes = await items.createMany([
      { Title: 'neu', Key: 'batch-new' },
      { Title: 'doppelt', Key: 'bulk-01' },
    ]);
    expect(outcomes[0]?.ok).toBe(true);
    const duplicate = outcomes[1]!;
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) expect(duplicate.error).toBeInstanceOf(GraphConflictError);
  });
});

describe('delta', () => {
  it('a full round, then only what changed: updated, created and removed items', async () => {
    const first = await items.delta();
    expect(first.items.length).toBeGreaterThan(45);
    expect(first.deltaLink).toContain('/items/delta');

    const [toChange, toDelete] = first.items.filter((i) => String(i.fields.Key ?? '').startsWith('bulk-'));
    await items.updateFields(toChange!.id, { Status: 'erledigt' }, toChange!.etag);
    await items.delete(toDelete!.id);
    const added = await items.create({ Title: 'Nach dem Delta', Key: 'after-delta' });

    const second = await items.delta(first.deltaLink);
    expect(second.items.map((i) => i.id).sort()).toEqual([toChange!.id, added.id].sort());
    expect(second.items.find((i) => i.id === toChange!.id)?.fields.Status).toBe('erledigt');
    expect(second.removedIds).toEqual([toDelete!.id]);
    expect(second.deltaLink).not.toBe(first.deltaLink);

    const third = await items.delta(second.deltaLink);
    expect(third.items).toEqual([]);
    expect(third.removedIds).toEqual([]);
  });

  it('an unknown delta token asks for a resync (410)', async () => {
    const bogus = `${h.emulator.graphUrl}/sites/${site.id}/lists/${list.id}/items/delta?token=bogus`;
    await expect(items.delta(bogus)).rejects.toBeInstanceOf(GraphResyncRequiredError);
  });
});
