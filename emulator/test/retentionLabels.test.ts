/** Retention labels: tenant labels (admin), applying them to files, and what records forbid. */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const LIBRARY = `${SITE}/lists/Dokumente`;
const FULL_CONTROL = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All', 'Files.ReadWrite.All'];
let h: Harness;
let drive: string;
let owner: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;
const errorOf = async (res: Response) => (await json<{ error: { code: string; message: string } }>(res)).error;

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${(await json<{ id: string }>(await h.graph(`${SITE}/drive`))).id}`;
  owner = await h.token('katrin.berger', FULL_CONTROL);
  const labels = await h.admin('PUT', '/compliance/retention-labels', [
    { name: 'Nachweis aufbewahren', behaviorDuringRetentionPeriod: 'retain', retentionDays: 3650 },
    { name: 'Unterschriebener Nachweis', behaviorDuringRetentionPeriod: 'retainAsRecord', retentionDays: 3650 },
    { name: 'Regulatorisch', behaviorDuringRetentionPeriod: 'retainAsRegulatoryRecord' },
  ]);
  expect(labels.status).toBe(200);
}, 30_000);
afterAll(() => h.stop());

async function upload(path: string, text: string): Promise<{ id: string }> {
  const res = await h.graph(`${drive}/root:/${path}:/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: text });
  expect([200, 201]).toContain(res.status);
  return json(res);
}

async function label(itemId: string, body: unknown, token = owner): Promise<Response> {
  return h.graph(`${drive}/items/${itemId}/retentionLabel`, { method: 'PATCH', token, body });
}

async function listItemId(fileId: string): Promise<string> {
  return (await json<{ id: string }>(await h.graph(`${drive}/items/${fileId}/listItem`))).id;
}

it('lists the tenant labels the admin defined', async () => {
  const body = await json<{ labels: { name: string }[] }>(await h.admin('GET', '/compliance/retention-labels'));
  expect(body.labels.map((l) => l.name)).toEqual(['Nachweis aufbewahren', 'Unterschriebener Nachweis', 'Regulatorisch']);
});

it('applies a record label (201, then 200) and shows it on the file, locked', async () => {
  const file = await upload('Records/Protokoll.pdf', 'signiert');
  const first = await label(file.id, { name: 'Unterschriebener Nachweis' });
  expect(first.status).toBe(201);
  expect(await json(first)).toMatchObject({
    name: 'Unterschriebener Nachweis',
    retentionSettings: { behaviorDuringRetentionPeriod: 'retainAsRecord', isRecordLocked: true, isContentUpdateAllowed: false, isDeleteAllowed: false, isMetadataUpdateAllowed: true },
    labelAppliedBy: { user: { displayName: 'Katrin Berger' } },
  });
  expect((await label(file.id, { name: 'Unterschriebener Nachweis' })).status).toBe(200);
  const read = await json<{ name: string }>(await h.graph(`${drive}/items/${file.id}/retentionLabel`));
  expect(read.name).toBe('Unterschriebener Nachweis');
  const expanded = await json<{ retentionLabel: { name: string } }>(await h.graph(`${drive}/items/${file.id}?$expand=retentionLabel`));
  expect(expanded.retentionLabel.name).toBe('Unterschriebener Nachweis');
});

it('refuses an unknown label name and a record label without Sites.FullControl.All', async () => {
  const file = await upload('Records/Unbekannt.pdf', 'x');
  const unknown = await label(file.id, { name: 'Gibt es nicht' });
  expect(unknown.status).toBe(400);
  expect((await errorOf(unknown)).code).toBe('invalidRequest');
  const member = await label(file.id, { name: 'Unterschriebener Nachweis' }, await h.token('jonas.weber'));
  expect(member.status).toBe(403);
  expect((await errorOf(member)).code).toBe('accessDenied');
  expect((await h.graph(`${drive}/items/${file.id}/retentionLabel`)).status).toBe(404);
});

it('keeps a locked record\'s content and the file itself, through Graph\'s drive and list routes, even for a site owner', async () => {
  const file = await upload('Records/Leitlinie.pdf', 'Fassung 1');
  await upload('Records/Leitlinie.pdf', 'Fassung 2');
  expect((await label(file.id, { name: 'Unterschriebener Nachweis' })).status).toBe(201);
  const replace = await h.graph(`${drive}/items/${file.id}/content`, { method: 'PUT', token: owner, headers: { 'Content-Type': 'text/plain' }, body: 'gefälscht' });
  expect(replace.status).toBe(423);
  const byPath = await h.graph(`${drive}/root:/Records/Leitlinie.pdf:/content`, { method: 'PUT', token: owner, headers: { 'Content-Type': 'text/plain' }, body: 'gefälscht' });
  expect(byPath.status).toBe(423);
  expect((await h.graph(`${drive}/items/${file.id}`, { method: 'DELETE', token: owner })).status).toBe(423);
  const item = await listItemId(file.id);
  expect((await h.graph(`${LIBRARY}/items/${item}`, { method: 'DELETE', token: owner })).status).toBe(423);
  expect((await h.graph(`${drive}/root:/Records`, { method: 'DELETE', token: owner })).status).toBe(423);
  expect((await h.graph(`${drive}/items/${file.id}/versions/1.0/restoreVersion`, { method: 'POST', token: owner })).status).toBe(423);
  expect(await (await h.graph(`${drive}/items/${file.id}/content`)).text()).toBe('Fassung 2');
  // Properties of a locked record stay editable by default (tenant setting)
  expect((await h.graph(`${LIBRARY}/items/${item}/fields`, { method: 'PATCH', body: { Title: 'Leitlinie' } })).status).toBe(200);
});

it('blocks property edits of a locked record when the tenant setting says so, and everything on a regulatory record', async () => {
  const file = await upload('Records/Regulatorisch.pdf', 'r');
  const item = await listItemId(file.id);
  expect((await h.admin('PUT', '/compliance/records-settings', { allowMetadataEditOnLockedRecords: false, allowDeleteOfLabeledItems: false })).status).toBe(200);
  try {
    const record = await upload('Records/Gesperrt.pdf', 'g');
    expect((await label(record.id, { name: 'Unterschriebener Nachweis' })).status).toBe(201);
    expect((await h.graph(`${LIBRARY}/items/${await listItemId(record.id)}/fields`, { method: 'PATCH', body: { Title: 'neu' } })).status).toBe(423);
  } finally {
    await h.admin('PUT', '/compliance/records-settings', { allowMetadataEditOnLockedRecords: true, allowDeleteOfLabeledItems: false });
  }
  expect((await label(file.id, { name: 'Regulatorisch' })).status).toBe(201);
  expect((await h.graph(`${LIBRARY}/items/${item}/fields`, { method: 'PATCH', body: { Title: 'neu' } })).status).toBe(423);
  expect((await label(file.id, { retentionSettings: { isRecordLocked: false } })).status).toBe(423);
  expect((await h.graph(`${drive}/items/${file.id}/retentionLabel`, { method: 'DELETE', token: owner })).status).toBe(423);
});

it('lets a record be unlocked for edits (a new version) and locked again; an unlocked record still cannot be deleted', async () => {
  const file = await upload('Records/Arbeitsstand.txt', 'eins');
  expect((await label(file.id, { name: 'Unterschriebener Nachweis' })).status).toBe(201);
  const unlocked = await json<{ retentionSettings: { isRecordLocked: boolean; isContentUpdateAllowed: boolean } }>(await label(file.id, { retentionSettings: { isRecordLocked: false } }));
  expect(unlocked.retentionSettings).toMatchObject({ isRecordLocked: false, isContentUpdateAllowed: true });
  expect((await h.graph(`${drive}/items/${file.id}/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'zwei' })).status).toBe(200);
  expect((await h.graph(`${drive}/items/${file.id}`, { method: 'DELETE', token: owner })).status).toBe(423);
  expect((await h.graph(`${drive}/items/${file.id}/retentionLabel`, { method: 'DELETE', token: owner })).status).toBe(423);
  expect((await label(file.id, { retentionSettings: { isRecordLocked: true } })).status).toBe(200);
  const versions = await json<{ value: { id: string }[] }>(await h.graph(`${drive}/items/${file.id}/versions`));
  expect(versions.value.map((v) => v.id)).toEqual(['2.0', '1.0']);
});

it('a standard retention label blocks deletion only; removing it allows deletion again', async () => {
  const file = await upload('Records/Aufbewahren.txt', 'a');
  expect((await label(file.id, { name: 'Nachweis aufbewahren' }, await h.token('jonas.weber'))).status).toBe(201);
  expect((await h.graph(`${drive}/items/${file.id}/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'b' })).status).toBe(200);
  const blocked = await h.graph(`${drive}/items/${file.id}`, { method: 'DELETE' });
  expect(blocked.status).toBe(423);
  expect(await errorOf(blocked)).toMatchObject({ code: 'accessDenied' });
  expect((await h.graph(`${drive}/items/${file.id}/retentionLabel`, { method: 'DELETE' })).status).toBe(204);
  expect((await h.graph(`${drive}/items/${file.id}`, { method: 'DELETE' })).status).toBe(204);
});

it('a reset clears the tenant labels', async () => {
  await h.emulator.reset();
  const body = await json<{ labels: unknown[] }>(await h.admin('GET', '/compliance/retention-labels'));
  expect(body.labels).toEqual([]);
});
