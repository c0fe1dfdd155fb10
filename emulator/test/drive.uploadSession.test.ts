/**
 * Upload sessions for large files. Source: Microsoft Learn, "driveItem: createUploadSession"
 * (https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession): fragments in order, each a
 * multiple of 320 KiB (327,680 bytes) except the last, less than 60 MiB per request, Content-Range with the
 * same total, 202 + nextExpectedRanges while bytes are missing, 201/200 with the driveItem at the end,
 * 416 for a fragment already received, no Authorization header on the upload URL (else 401), 409
 * nameAlreadyExists on a conflict (conflictBehavior defaults to fail), 404 once the session is gone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const KIB320 = 327_680;
let h: Harness;
let drive: string;
let token: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Session {
  uploadUrl: string;
  expirationDateTime: string;
  nextExpectedRanges: string[];
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${(await json<{ id: string }>(await h.graph(`${SITE}/drive`))).id}`;
  token = await h.token('jonas.weber');
});
afterAll(() => h.stop());

async function createSession(path: string, body?: unknown): Promise<Session> {
  const res = await h.graph(`${drive}${path}`, { method: 'POST', token, body: body ?? {} });
  expect(res.status).toBe(200);
  return json<Session>(res);
}

function put(session: Session, bytes: Buffer, start: number, total: number, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(session.uploadUrl, {
    method: 'PUT',
    headers: { 'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`, ...headers },
    body: bytes,
  });
}

async function download(path: string): Promise<Buffer> {
  const res = await h.graph(`${drive}/root:/${path}:/content`, { token });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

it('uploads a file in 320 KiB fragments: 202 with the next range, then 201 with the driveItem', async () => {
  const bytes = randomBytes(2 * KIB320 + 1000);
  const session = await createSession('/root:/Richtlinien/Sicherheitsleitlinie gescannt.pdf:/createUploadSession');
  expect(session.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(session.nextExpectedRanges).toEqual(['0-']);
  expect(Date.parse(session.expirationDateTime)).toBeGreaterThan(Date.now());

  const first = await put(session, bytes.subarray(0, KIB320), 0, bytes.length);
  expect(first.status).toBe(202);
  expect((await json<Session>(first)).nextExpectedRanges).toEqual([`${KIB320}-`]);
  const status = await json<Session>(await fetch(session.uploadUrl));
  expect(status.nextExpectedRanges).toEqual([`${KIB320}-`]);
  expect((await put(session, bytes.subarray(KIB320, 2 * KIB320), KIB320, bytes.length)).status).toBe(202);
  const last = await put(session, bytes.subarray(2 * KIB320), 2 * KIB320, bytes.length);
  expect(last.status).toBe(201);
  const item = await json<{ id: string; name: string; size: number; file: { mimeType: string } }>(last);
  expect(item).toMatchObject({ name: 'Sicherheitsleitlinie gescannt.pdf', size: bytes.length, file: { mimeType: 'application/pdf' } });
  expect(sha(await download('Richtlinien/Sicherheitsleitlinie gescannt.pdf'))).toBe(sha(bytes));
  // The session is used up.
  expect((await fetch(session.uploadUrl)).status).toBe(404);
});

it('creates a session below a parent item by id and name', async () => {
  const folder = await json<{ id: string }>(await h.graph(`${drive}/root:/Richtlinien`, { token }));
  const session = await createSession(`/items/${folder.id}:/klein.txt:/createUploadSession`, { item: { name: 'klein.txt' } });
  const res = await put(session, Buffer.from('ganz klein'), 0, 10);
  expect(res.status).toBe(201);
  expect((await download('Richtlinien/klein.txt')).toString()).toBe('ganz klein');
});

it('refuses a bearer token on the pre-authenticated upload URL with 401', async () => {
  const session = await createSession('/root:/mit-token.bin:/createUploadSession');
  const res = await put(session, Buffer.alloc(10), 0, 10, { Authorization: `Bearer ${token}` });
  expect(res.status).toBe(401);
  expect((await put(session, Buffer.alloc(10), 0, 10)).status).toBe(201);
});

it('refuses fragments that are not a multiple of 320 KiB, out of order, repeated or of another total', async () => {
  const total = 3 * KIB320;
  const bytes = randomBytes(total);
  const session = await createSession('/root:/regeln.bin:/createUploadSession');
  const odd = await put(session, bytes.subarray(0, 100_000), 0, total);
  expect(odd.status).toBe(400);
  expect((await json<{ error: { message: string } }>(odd)).error.message).toMatch(/320 KiB/);
  expect((await put(session, bytes.subarray(KIB320, 2 * KIB320), KIB320, total)).status).toBe(416);
  expect((await put(session, bytes.subarray(0, KIB320), 0, total)).status).toBe(202);
  expect((await put(session, bytes.subarray(0, KIB320), 0, total)).status).toBe(416);
  expect((await put(session, bytes.subarray(KIB320, 2 * KIB320), KIB320, total + 1)).status).toBe(400);
  const noRange = await fetch(session.uploadUrl, { method: 'PUT', body: bytes.subarray(KIB320, 2 * KIB320) });
  expect(noRange.status).toBe(400);
  expect((await put(session, bytes.subarray(KIB320), KIB320, total)).status).toBe(201);
  expect(sha(await download('regeln.bin'))).toBe(sha(bytes));
});

it('refuses a fragment of 60 MiB or more with 413 on its Content-Length', async () => {
  const session = await createSession('/root:/riesig.bin:/createUploadSession');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(session.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes 0-${60 * 1024 * 1024 - 1}/${100 * 1024 * 1024}`, 'Content-Length': String(60 * 1024 * 1024) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
  expect(status).toBe(413);
});

it('fails on an existing name by default (409 at the last byte) and replaces with conflictBehavior replace', async () => {
  const original = await json<{ id: string }>(
    await fetch(`${h.emulator.url}/v1.0${drive}/root:/vorhanden.txt:/content`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: 'alt' }),
  );
  const failing = await createSession('/root:/vorhanden.txt:/createUploadSession');
  const conflict = await put(failing, Buffer.from('neu'), 0, 3);
  expect(conflict.status).toBe(409);
  expect((await json<{ error: { code: string } }>(conflict)).error.code).toBe('nameAlreadyExists');
  expect((await download('vorhanden.txt')).toString()).toBe('alt');

  const replacing = await createSession('/root:/vorhanden.txt:/createUploadSession', { item: { '@microsoft.graph.conflictBehavior': 'replace' } });
  const replaced = await put(replacing, Buffer.from('neu'), 0, 3);
  expect(replaced.status).toBe(200);
  expect((await json<{ id: string }>(replaced)).id).toBe(original.id);
  expect((await download('vorhanden.txt')).toString()).toBe('neu');
});

it('answers 404 for a cancelled or expired session', async () => {
  const cancelled = await createSession('/root:/abgebrochen.bin:/createUploadSession');
  expect((await fetch(cancelled.uploadUrl, { method: 'DELETE' })).status).toBe(204);
  expect((await put(cancelled, Buffer.alloc(10), 0, 10)).status).toBe(404);

  const expiring = await createSession('/root:/abgelaufen.bin:/createUploadSession');
  expect((await h.admin('POST', '/drive/expire-upload-sessions')).status).toBe(200);
  const res = await put(expiring, Buffer.alloc(10), 0, 10);
  expect(res.status).toBe(404);
  expect((await h.graph(`${drive}/root:/abgelaufen.bin`, { token })).status).toBe(404);
});

it('needs write access to create a session', async () => {
  const reader = await h.token('jonas.weber', ['Sites.Read.All']);
  const res = await h.graph(`${drive}/root:/nur-lesen.bin:/createUploadSession`, { method: 'POST', token: reader, body: {} });
  expect(res.status).toBe(403);
});

// The upload URL lives on the SharePoint host, like download URLs. A browser PUT with Content-Range needs a
// preflight, which SharePoint allows for Content-Range and Content-Type (OneDrive/onedrive-api-docs#157) and
// refuses for any other header, e.g. an SDK's own header or Authorization (microsoftgraph/msgraph-sdk-javascript#220).
it('puts the upload URL on the SharePoint file host and answers a browser preflight for Content-Range only', async () => {
  const session = await createSession('/root:/Richtlinien/preflight.pdf:/createUploadSession');
  expect(new URL(session.uploadUrl).origin).toBe(h.emulator.filesUrl);
  const preflight = (headers: string) =>
    fetch(session.uploadUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'https://teams.example', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': headers },
    });
  const allowed = await preflight('content-range, content-type');
  expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
  expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-range');
  for (const refused of ['authorization, content-range', 'content-range, sdkversion']) {
    expect((await preflight(refused)).headers.get('access-control-allow-origin')).toBeNull();
  }
});
