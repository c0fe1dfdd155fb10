/** Drive behaviour: upload/download round trip, replace, conflicts, limits, tampering, hashes. */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { quickXorHash } from '../src/routes/sharepoint/library/quickXorHash';
import { adminHeaders, startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;
let drive: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

interface Item {
  id: string;
  name: string;
  size: number;
  eTag: string;
  cTag: string;
  file: { hashes: { quickXorHash: string } };
  '@microsoft.graph.downloadUrl': string;
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${(await json<{ id: string }>(await h.graph(`${SITE}/drive`))).id}`;
});
afterAll(() => h.stop());

async function upload(path: string, bytes: Buffer, query = '', token?: string): Promise<Response> {
  return fetch(`${h.emulator.url}/v1.0${drive}/root:/${path}:/content${query}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token ?? (await h.token('jonas.weber'))}`, 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
}

/** A PUT that announces `length` bytes and sends none: the answer to the Content-Length alone. */
function declaredPut(path: string, length: number, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.emulator.url}/v1.0${path}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': String(length) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

async function download(path: string): Promise<Buffer> {
  const res = await h.graph(`${drive}/root:/${path}:/content`);
  expect(res.status).toBe(200);
  expect(res.redirected).toBe(true);
  return Buffer.from(await res.arrayBuffer());
}

it('uploads and downloads the same bytes, creating folders on the way', async () => {
  const bytes = randomBytes(300_000);
  const res = await upload('Nachweise/2026/Protokoll Management-Review.pdf', bytes);
  expect(res.status).toBe(201);
  const item = await json<Item>(res);
  expect(item.size).toBe(bytes.length);
  expect(item.file.hashes.quickXorHash).toBe(quickXorHash(bytes));
  expect((await download('Nachweise/2026/Protokoll Management-Review.pdf')).equals(bytes)).toBe(true);
  const folder = await json<{ folder: { childCount: number } }>(await h.graph(`${drive}/root:/Nachweise/2026`));
  expect(folder.folder.childCount).toBe(1);
});

it('replaces a file in place with a new eTag and cTag (200, same id)', async () => {
  const first = await json<Item>(await upload('ersetzen.txt', Buffer.from('Version 1')));
  const res = await upload('ersetzen.txt', Buffer.from('Version 2 ist länger'));
  expect(res.status).toBe(200);
  const second = await json<Item>(res);
  expect(second.id).toBe(first.id);
  expect(second.eTag).not.toBe(first.eTag);
  expect(second.cTag).not.toBe(first.cTag);
  expect((await download('ersetzen.txt')).toString()).toBe('Version 2 ist länger');
});

it('answers 304 to If-None-Match with the current eTag or cTag', async () => {
  const item = await json<Item>(await h.graph(`${drive}/root:/Organigramm.pdf`));
  for (const tag of [item.eTag, item.cTag]) {
    const res = await h.graph(`${drive}/items/${item.id}`, { headers: { 'If-None-Match': tag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  }
  expect((await h.graph(`${drive}/items/${item.id}`, { headers: { 'If-None-Match': '"{00000000-0000-0000-0000-000000000000},1"' } })).status).toBe(200);
});

it('honours @microsoft.graph.conflictBehavior fail and rename', async () => {
  await upload('konflikt.txt', Buffer.from('a'));
  const fail = await upload('konflikt.txt', Buffer.from('b'), '?@microsoft.graph.conflictBehavior=fail');
  expect(fail.status).toBe(409);
  expect((await json<{ error: { code: string } }>(fail)).error.code).toBe('nameAlreadyExists');
  const renamed = await upload('konflikt.txt', Buffer.from('c'), '?@microsoft.graph.conflictBehavior=rename');
  expect(renamed.status).toBe(201);
  expect((await json<Item>(renamed)).name).toBe('konflikt 1.txt');
  expect((await download('konflikt.txt')).toString()).toBe('a');
});

// "Upload small files" (https://learn.microsoft.com/en-us/graph/api/driveitem-put-content): "This method only
// supports files up to 250 MB in size." Larger bodies are refused on their Content-Length, before any byte is read.
it('takes simple uploads above 4 MB and refuses bodies above 250 MB with 413', async () => {
  const five = randomBytes(5 * 1024 * 1024);
  const res = await upload('Richtlinie-gescannt.pdf', five);
  expect(res.status).toBe(201);
  expect((await download('Richtlinie-gescannt.pdf')).equals(five)).toBe(true);
  const status = await declaredPut(`${drive}/root:/zu-gross.bin:/content`, 250 * 1024 * 1024 + 1, await h.token('jonas.weber'));
  expect(status).toBe(413);
  expect((await h.graph(`${drive}/root:/zu-gross.bin`)).status).toBe(404);
});

it('serves the download URL without a token, and refuses a forged one', async () => {
  const item = await json<Item>(await h.graph(`${drive}/root:/Organigramm.pdf`));
  const plain = await fetch(item['@microsoft.graph.downloadUrl']);
  expect(plain.status).toBe(200);
  expect(plain.headers.get('content-type')).toBe('application/pdf');
  expect((await plain.arrayBuffer()).byteLength).toBe(item.size);
  const forged = await fetch(`${item['@microsoft.graph.downloadUrl'].slice(0, -3)}abc`);
  expect(forged.status).toBe(401);
});

it('lets tests tamper with the bytes behind SharePoint\'s back: metadata stays, content changes', async () => {
  const before = await json<Item>(await h.graph(`${drive}/root:/Budget_2026.xlsx`));
  const forged = Buffer.from('gefälschtes Budget');
  const res = await fetch(`${h.emulator.url}/_admin${drive}/items/${before.id}/content`, { method: 'PUT', headers: adminHeaders(h.emulator), body: forged });
  expect(res.status).toBe(200);
  const after = await json<Item>(await h.graph(`${drive}/root:/Budget_2026.xlsx`));
  expect({ size: after.size, eTag: after.eTag, cTag: after.cTag, hash: after.file.hashes.quickXorHash }).toEqual({
    size: before.size,
    eTag: before.eTag,
    cTag: before.cTag,
    hash: before.file.hashes.quickXorHash,
  });
  const served = await download('Budget_2026.xlsx');
  expect(served.equals(forged)).toBe(true);
  expect(quickXorHash(served)).not.toBe(before.file.hashes.quickXorHash);
  const byPath = await fetch(`${h.emulator.url}/_admin${drive}/root:/Organigramm.pdf:/content`, { method: 'PUT', headers: adminHeaders(h.emulator), body: Buffer.from('x') });
  expect(byPath.status).toBe(200);
  expect((await download('Organigramm.pdf')).toString()).toBe('x');
  const viaJson = await h.admin('POST', '/drive/tamper', { path: 'Informationssicherheitsleitlinie_2024.pdf', text: 'manipuliert' });
  expect(viaJson.status).toBe(200);
  expect((await download('Informationssicherheitsleitlinie_2024.pdf')).toString()).toBe('manipuliert');
  const invalid = await h.admin('POST', '/drive/tamper', { path: 'Organigramm.pdf' });
  expect(invalid.status).toBe(400);
});

it('needs a write scope to upload and a read scope to read', async () => {
  // Sabine Koch is a team member (Edit on the site): only the token's scopes limit her here.
  const reader = await h.token('sabine.koch', ['Sites.Read.All']);
  const denied = await upload('nicht-erlaubt.txt', Buffer.from('x'), '', reader);
  expect(denied.status).toBe(403);
  expect((await json<{ error: { code: string } }>(denied)).error.code).toBe('accessDenied');
  const filesOnly = await h.token('sabine.koch', ['Files.ReadWrite.All']);
  expect((await upload('erlaubt.txt', Buffer.from('x'), '', filesOnly)).status).toBe(201);
  const none = await h.token('sabine.koch', ['User.Read']);
  expect((await h.graph(`${drive}/root/children`, { token: none })).status).toBe(403);
});

it('refuses names SharePoint refuses and deletes folders with their content', async () => {
  expect((await upload('bad:name.txt', Buffer.from('x'))).status).toBe(400);
  await upload('Alt/a.txt', Buffer.from('a'));
  await upload('Alt/Unter/b.txt', Buffer.from('b'));
  expect((await h.graph(`${drive}/root:/Alt`, { method: 'DELETE' })).status).toBe(204);
  expect((await h.graph(`${drive}/root:/Alt/Unter/b.txt`)).status).toBe(404);
  expect((await h.graph(`${drive}/root`, { method: 'DELETE' })).status).toBe(405);
});

describe('quickXorHash', () => {
  // Vectors from rclone's QuickXorHash tests, which are checked against Microsoft's reference implementation.
  it.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['eAV52qE=', 'eChAHrQRCgAAAAAABQAAAAAAAAA='],
    ['2fuxhBJXtpWFe8dOfdGeHw==', 'O9tHLAghgSvYohKFyMMxnNCHaHg='],
    ['DWAAX5/CIfrmErgZa8ot6ZraeSbu', 'LR2Z0PjuRYGKQB/mhQAuMrAGZbQ='],
    [
      'ikwCorI7PKWz17EI50jZCGbV9JU2E8bXVfxNMg5zdmqSZ2NlsQPp0kqYIPjzwTg1MBtfWPg53k0h0P2naJNEVgrqpoHTfV2b3pJ4m0zYPTJmUX4Bg/lOxcnCxAYKU29Y5F0U8Quz7ZXFBEweftXxJ7RS4r6N7BzJrPsLhY7hgck=',
      'imAoFvCWlDn4yVw3/oq1PDbbm6U=',
    ],
  ])('hashes %s', (input, expected) => {
    expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(expected);
  });
});
