/** Document library = list + drive: files and folders are also list items, kept in step. */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const LIBRARY = `${SITE}/lists/Dokumente`;
let h: Harness;
let drive: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

interface ListItem {
  id: string;
  webUrl: string;
  contentType: { name: string };
  fields: Record<string, unknown>;
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${(await json<{ id: string }>(await h.graph(`${SITE}/drive`))).id}`;
});
afterAll(() => h.stop());

async function upload(path: string, text: string): Promise<{ id: string }> {
  const res = await h.graph(`${drive}/root:/${path}:/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: text });
  expect([200, 201]).toContain(res.status);
  return json(res);
}

it('lists the seeded documents as items of the library with their file names and URLs', async () => {
  const body = await json<{ value: ListItem[] }>(await h.graph(`${LIBRARY}/items?$expand=fields($select=FileLeafRef)`));
  expect(body.value.map((i) => i.fields.FileLeafRef)).toEqual(['Informationssicherheitsleitlinie_2024.pdf', 'Organigramm.pdf', 'Budget_2026.xlsx']);
  expect(body.value[1]).toMatchObject({ contentType: { name: 'Document' }, webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Shared%20Documents/Organigramm.pdf' });
  const library = await json<{ list: { template: string }; drive: { id: string } }>(await h.graph(`${LIBRARY}?$expand=drive`));
  expect(library.list.template).toBe('documentLibrary');
  expect(`/drives/${library.drive.id}`).toBe(drive);
});

it('gives uploaded files and their folders list items, reachable from both sides', async () => {
  const file = await upload('Reviews/2026/Protokoll.txt', 'Management-Review 2026');
  const listItem = await json<ListItem>(await h.graph(`${drive}/items/${file.id}/listItem?$expand=fields`));
  expect(listItem.fields).toMatchObject({ FileLeafRef: 'Protokoll.txt', ContentType: 'Document' });
  const back = await json<{ id: string; name: string }>(await h.graph(`${LIBRARY}/items/${listItem.id}/driveItem`));
  expect(back).toMatchObject({ id: file.id, name: 'Protokoll.txt' });
  const folders = await json<{ value: ListItem[] }>(await h.graph(`${LIBRARY}/items?$expand=fields($select=FileLeafRef)`));
  const folderItem = folders.value.find((i) => i.fields.FileLeafRef === '2026');
  expect(folderItem?.contentType.name).toBe('Folder');
  const expanded = await json<{ listItem: ListItem }>(await h.graph(`${drive}/items/${file.id}?$expand=listItem($expand=fields($select=FileLeafRef))`));
  expect(expanded.listItem.fields).toEqual({ '@odata.etag': expect.any(String), FileLeafRef: 'Protokoll.txt' });
});

it('keeps metadata columns of a library on the file\'s list item, and versions it on new content', async () => {
  const added = await h.graph(`${LIBRARY}/columns`, { method: 'POST', body: { name: 'Klassifizierung', choice: { choices: ['intern', 'vertraulich'] } } });
  expect(added.status).toBe(201);
  const file = await upload('Richtlinie.txt', 'v1');
  const listItem = await json<ListItem>(await h.graph(`${drive}/items/${file.id}/listItem`));
  const patched = await h.graph(`${LIBRARY}/items/${listItem.id}/fields`, { method: 'PATCH', body: { Klassifizierung: 'vertraulich' } });
  expect(patched.status).toBe(200);
  await upload('Richtlinie.txt', 'v2');
  const after = await json<ListItem>(await h.graph(`${LIBRARY}/items/${listItem.id}?$expand=fields`));
  expect(after.fields).toMatchObject({ Klassifizierung: 'vertraulich', _UIVersionString: '3.0', FileLeafRef: 'Richtlinie.txt' });
  const rename = await h.graph(`${LIBRARY}/items/${listItem.id}/fields`, { method: 'PATCH', body: { FileLeafRef: 'anders.txt' } });
  expect(rename.status).toBe(400);
});

it('deletes the file with its list item and the list item with its file', async () => {
  const a = await upload('weg-a.txt', 'a');
  const itemA = await json<ListItem>(await h.graph(`${drive}/items/${a.id}/listItem`));
  expect((await h.graph(`${drive}/items/${a.id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await h.graph(`${LIBRARY}/items/${itemA.id}`)).status).toBe(404);

  const b = await upload('weg-b.txt', 'b');
  const itemB = await json<ListItem>(await h.graph(`${drive}/items/${b.id}/listItem`));
  expect((await h.graph(`${LIBRARY}/items/${itemB.id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await h.graph(`${drive}/items/${b.id}`)).status).toBe(404);
});

it('refuses to create files through the list item API, as Graph does', async () => {
  const res = await h.graph(`${LIBRARY}/items`, { method: 'POST', body: { fields: { Title: 'x' } } });
  expect(res.status).toBe(400);
  expect((await json<{ error: { message: string } }>(res)).error.message).toBe('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
});
