/** Version history of list items and library files (listItemVersion, driveItemVersion). */
import { deleteAllItemVersions, deleteItemVersion, labelOfRestVersionId, restVersionId } from '../src/routes/sharepoint';
import { setListSettings } from '../src/routes/sharepoint/permissions/model';
import { driveItems, drives } from '../src/routes/sharepoint/library/repo';
import { itemKey } from '../src/routes/sharepoint/model';
import { items, lists } from '../src/routes/sharepoint/repo';
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const LIBRARY = `${SITE}/lists/Dokumente`;
let h: Harness;
let drive: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

interface Version {
  id: string;
  lastModifiedBy: { user: { displayName: string } };
  lastModifiedDateTime: string;
  size?: number;
  fields?: Record<string, unknown>;
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${(await json<{ id: string }>(await h.graph(`${SITE}/drive`))).id}`;
}, 30_000);
afterAll(() => h.stop());

async function newList(name: string): Promise<string> {
  const res = await h.graph(`${SITE}/lists`, { method: 'POST', body: { displayName: name, columns: [{ name: 'Status', text: {} }] } });
  expect(res.status).toBe(201);
  return `${SITE}/lists/${name}`;
}

async function upload(path: string, text: string, token?: string): Promise<{ id: string }> {
  const res = await h.graph(`${drive}/root:/${path}:/content`, { method: 'PUT', ...(token ? { token } : {}), headers: { 'Content-Type': 'text/plain' }, body: text });
  expect([200, 201]).toContain(res.status);
  return json(res);
}

describe('list item versions', () => {
  it('keeps every change as a version, newest first, with who changed it and the values of that version', async () => {
    const list = await newList('Nachweise Versionen');
    const created = await json<{ id: string }>(await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'Backup-Test', Status: 'offen' } } }));
    const jonas = await h.token('jonas.weber');
    expect((await h.graph(`${list}/items/${created.id}/fields`, { method: 'PATCH', token: jonas, body: { Status: 'geprüft' } })).status).toBe(200);
    expect((await h.graph(`${list}/items/${created.id}/fields`, { method: 'PATCH', body: { Status: 'abgenommen' } })).status).toBe(200);

    const history = await json<{ '@odata.context': string; value: Version[] }>(await h.graph(`${list}/items/${created.id}/versions`));
    expect(history['@odata.context']).toMatch(/\/items\('1'\)\/versions$/);
    expect(history.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(history.value.map((v) => v.lastModifiedBy.user.displayName)).toEqual(['Katrin Berger', 'Jonas Weber', 'Katrin Berger']);
    expect(history.value[0]).not.toHaveProperty('fields');

    const first = await json<Version>(await h.graph(`${list}/items/${created.id}/versions/1.0?$expand=fields`));
    expect(first.fields).toMatchObject({ Title: 'Backup-Test', Status: 'offen', _UIVersionString: '1.0' });
    const expanded = await json<{ value: Version[] }>(await h.graph(`${list}/items/${created.id}/versions?$expand=fields($select=Status)`));
    expect(expanded.value.map((v) => v.fields?.Status)).toEqual(['abgenommen', 'geprüft', 'offen']);
  });

  it('restores an old version as a new version and keeps the history', async () => {
    const list = await newList('Restore Liste');
    const created = await json<{ id: string }>(await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'A', Status: 'alt' } } }));
    await h.graph(`${list}/items/${created.id}/fields`, { method: 'PATCH', body: { Status: 'neu' } });
    const restored = await h.graph(`${list}/items/${created.id}/versions/1.0/restoreVersion`, { method: 'POST' });
    expect(restored.status).toBe(204);
    const item = await json<{ fields: Record<string, unknown> }>(await h.graph(`${list}/items/${created.id}?$expand=fields`));
    expect(item.fields).toMatchObject({ Status: 'alt', _UIVersionString: '3.0' });
    const history = await json<{ value: Version[] }>(await h.graph(`${list}/items/${created.id}/versions`));
    expect(history.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
  });

  it('answers 404 for a version that does not exist', async () => {
    const list = await newList('Ohne Version');
    const created = await json<{ id: string }>(await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'x' } } }));
    const res = await h.graph(`${list}/items/${created.id}/versions/7.0`);
    expect(res.status).toBe(404);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('itemNotFound');
  });

  it('keeps no history while versioning is off, and drops the oldest beyond the version limit', async () => {
    const list = await newList('Limit Liste');
    const stored = lists(h.emulator.store).list().find((l) => l.data.displayName === 'Limit Liste');
    if (!stored) throw new Error('list missing');
    lists(h.emulator.store).update(stored.id, (l) => ({ ...l, majorVersionLimit: 2 }));
    const created = await json<{ id: string }>(await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'v1' } } }));
    for (const title of ['v2', 'v3', 'v4']) await h.graph(`${list}/items/${created.id}/fields`, { method: 'PATCH', body: { Title: title } });
    const limited = await json<{ value: Version[] }>(await h.graph(`${list}/items/${created.id}/versions`));
    expect(limited.value.map((v) => v.id)).toEqual(['4.0', '3.0']);

    lists(h.emulator.store).update(stored.id, (l) => ({ ...l, majorVersionLimit: 500 }));
    setListSettings(h.emulator.store, stored.id, stored.data.siteId, { enableVersioning: false }, new Date());
    const other = await json<{ id: string }>(await h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'a' } } }));
    await h.graph(`${list}/items/${other.id}/fields`, { method: 'PATCH', body: { Title: 'b' } });
    const unversioned = await json<{ value: Version[] }>(await h.graph(`${list}/items/${other.id}/versions`));
    expect(unversioned.value.map((v) => v.id)).toEqual(['2.0']);
  });
});

describe('driveItem versions', () => {
  it('lists a file\'s versions with sizes, in step with its list item (content and metadata changes)', async () => {
    const file = await upload('Versionen/Richtlinie.txt', 'Fassung eins');
    await upload('Versionen/Richtlinie.txt', 'Fassung zwei, länger');
    const listItem = await json<{ id: string }>(await h.graph(`${drive}/items/${file.id}/listItem`));
    expect((await h.graph(`${LIBRARY}/items/${listItem.id}/fields`, { method: 'PATCH', body: { Title: 'Richtlinie' } })).status).toBe(200);

    const versions = await json<{ value: Version[] }>(await h.graph(`${drive}/items/${file.id}/versions`));
    expect(versions.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(versions.value.map((v) => v.size)).toEqual([Buffer.byteLength('Fassung zwei, länger'), Buffer.byteLength('Fassung zwei, länger'), Buffer.byteLength('Fassung eins')]);
    const itemVersions = await json<{ value: Version[] }>(await h.graph(`${LIBRARY}/items/${listItem.id}/versions`));
    expect(itemVersions.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    const one = await json<Version>(await h.graph(`${SITE}/drive/items/${file.id}/versions/1.0`));
    expect(one).toMatchObject({ id: '1.0', size: Buffer.byteLength('Fassung eins'), lastModifiedBy: { user: { displayName: 'Katrin Berger' } } });
  });

  it('serves an earlier version\'s bytes through a pre-authenticated URL, but not the current one\'s', async () => {
    const file = await upload('Versionen/Protokoll.txt', 'alt');
    await upload('Versionen/Protokoll.txt', 'neu');
    const redirect = await h.graph(`${drive}/items/${file.id}/versions/1.0/content`);
    // fetch follows the 302 to the file host (no Authorization header is sent there)
    expect(redirect.status).toBe(200);
    expect(await redirect.text()).toBe('alt');
    const current = await h.graph(`${drive}/items/${file.id}/versions/2.0/content`);
    expect(current.status).toBe(400);
    expect(await json(current)).toMatchObject({ error: { code: 'invalidRequest', message: 'You cannot get the content of the current version.' } });
  });

  it('restores an earlier file version as the newest version', async () => {
    const file = await upload('Versionen/Budget.txt', 'Budget A');
    await upload('Versionen/Budget.txt', 'Budget B');
    expect((await h.graph(`${drive}/items/${file.id}/versions/1.0/restoreVersion`, { method: 'POST' })).status).toBe(204);
    const content = await h.graph(`${drive}/items/${file.id}/content`);
    expect(await content.text()).toBe('Budget A');
    const versions = await json<{ value: Version[] }>(await h.graph(`${drive}/items/${file.id}/versions`));
    expect(versions.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    const middle = await h.graph(`${drive}/items/${file.id}/versions/2.0/content`);
    expect(await middle.text()).toBe('Budget B');
  });

  it('has no versions for folders', async () => {
    await upload('Ordner/x.txt', 'x');
    const folder = await json<{ id: string }>(await h.graph(`${drive}/root:/Ordner`));
    expect((await h.graph(`${drive}/items/${folder.id}/versions`)).status).toBe(404);
  });
});

describe('deleting versions (functions for the SharePoint REST router)', () => {
  it('deletes one earlier version or all of them, never the current one, and drops the old bytes', async () => {
    const file = await upload('Versionen/Loeschen.txt', 'eins');
    await upload('Versionen/Loeschen.txt', 'zwei');
    await upload('Versionen/Loeschen.txt', 'drei');
    const listItem = await json<{ id: string }>(await h.graph(`${drive}/items/${file.id}/listItem`));
    const driveId = driveItems(h.emulator.store).get(file.id)?.data.driveId ?? '';
    const libraryId = drives(h.emulator.store).get(driveId)?.data.listId ?? '';
    const item = () => {
      const stored = items(h.emulator.store).get(itemKey(libraryId, Number(listItem.id)));
      if (!stored) throw new Error('item missing');
      return stored;
    };
    expect(labelOfRestVersionId(restVersionId('2.0'))).toBe('2.0');
    deleteItemVersion(h.emulator.store, item(), labelOfRestVersionId(1024));
    const after = await json<{ value: Version[] }>(await h.graph(`${drive}/items/${file.id}/versions`));
    expect(after.value.map((v) => v.id)).toEqual(['3.0', '1.0']);
    expect(() => deleteItemVersion(h.emulator.store, item(), '3.0')).toThrow('current version');
    deleteAllItemVersions(h.emulator.store, item());
    const none = await json<{ value: Version[] }>(await h.graph(`${LIBRARY}/items/${listItem.id}/versions`));
    expect(none.value.map((v) => v.id)).toEqual(['3.0']);
    expect((await h.graph(`${drive}/items/${file.id}/versions/1.0/content`)).status).toBe(404);
  });
});
