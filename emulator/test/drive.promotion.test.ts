/**
 * Property promotion: SharePoint writes document properties into Office files, PDFs and HTML pages
 * it stores, so size and hash of the stored file differ from what was uploaded, and the upload
 * response already describes the stored file.
 * Sources: "Sharepoint / O365: Session uploaded file size reported by MS Graph does not equal local
 * file size", https://github.com/OneDrive/onedrive-api-docs/issues/935 ; Microsoft Learn "Custom
 * Document Parsers", https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/aa544149(v=office.14)
 */
import { strFromU8, unzipSync } from 'fflate';
import { quickXorHash } from '../src/routes/sharepoint/library/quickXorHash';
import { simplePdf, simpleXlsx } from '../src/routes/drive/sampleFiles';
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;
let drive: string;

interface Item {
  id: string;
  size: number;
  eTag: string;
  file: { hashes: { quickXorHash: string } };
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${((await (await h.graph(`${SITE}/drive`)).json()) as { id: string }).id}`;
});
afterAll(() => h.stop());

async function put(url: string, bytes: Buffer): Promise<{ status: number; item: Item }> {
  const res = await fetch(`${h.emulator.url}/v1.0${drive}${url}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${await h.token('jonas.weber')}`, 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
  return { status: res.status, item: (await res.json()) as Item };
}

async function download(itemId: string): Promise<{ bytes: Buffer; etag: string | null }> {
  const res = await h.graph(`${drive}/items/${itemId}/content`);
  expect(res.status).toBe(200);
  return { bytes: Buffer.from(await res.arrayBuffer()), etag: res.headers.get('etag') };
}

const promotion = (enabled: boolean) => h.admin('PUT', '/drive/property-promotion', { enabled });

/** Uploads, downloads, and checks that the response describes the stored bytes. */
async function roundTrip(name: string, sent: Buffer): Promise<Buffer> {
  const { status, item } = await put(`/root:/Promotion/${name}:/content`, sent);
  expect(status).toBe(201);
  const stored = await download(item.id);
  expect({ size: item.size, hash: item.file.hashes.quickXorHash, etag: stored.etag }).toEqual({
    size: stored.bytes.length,
    hash: quickXorHash(stored.bytes),
    etag: item.eTag,
  });
  return stored.bytes;
}

it('is off by default: every file is stored byte for byte', async () => {
  expect(await (await h.admin('GET', '/drive/property-promotion')).json()).toEqual({ enabled: false });
  const pdf = simplePdf('Aus', ['unverändert']);
  expect((await roundTrip('aus.pdf', pdf)).equals(pdf)).toBe(true);
});

describe('switched on', () => {
  beforeAll(async () => {
    const res = await promotion(true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true });
  });
  afterAll(() => promotion(false));

  it('writes a property into a PDF before its final %%EOF: size and quickXorHash change, the response tells', async () => {
    const sent = simplePdf('Protokoll', ['Zeile 1']);
    const stored = await roundTrip('protokoll.pdf', sent);
    expect(stored.length).toBeGreaterThan(sent.length);
    expect(stored.subarray(0, 5).toString()).toBe('%PDF-');
    expect(stored.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(stored.toString('latin1')).toContain('%MSOContentTypeId 0x0101');
  });

  it('writes SharePoint\'s CustomDocumentProperties block into the head of an HTML page', async () => {
    const sent = Buffer.from('<html><head><title>Mail</title></head><body><p>Hallo</p></body></html>');
    const stored = (await roundTrip('mail.html', sent)).toString('utf8');
    expect(stored).toMatch(/^<html><head><!--\[if gte mso 9\]><xml>/);
    expect(stored).toContain('<mso:ContentTypeId msdt:dt="string">0x0101');
    expect(stored).toContain('<p>Hallo</p>');
  });

  it('adds docProps/custom.xml to an Office package and keeps it a valid package', async () => {
    const sent = simpleXlsx('Budget', [['Posten', 'Betrag'], ['Schulung', 1200]]);
    const stored = await roundTrip('budget.xlsx', sent);
    expect(stored.equals(sent)).toBe(false);
    const parts = unzipSync(stored);
    expect(strFromU8(parts['docProps/custom.xml']!)).toContain('name="ContentTypeId"');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('PartName="/docProps/custom.xml"');
    expect(strFromU8(parts['_rels/.rels']!)).toContain('Target="docProps/custom.xml"');
    expect(Object.keys(unzipSync(sent)).every((name) => name in parts)).toBe(true);
  });

  it('keeps plain text as sent, and changes a replaced file too', async () => {
    const text = Buffer.from('nur Text');
    expect((await roundTrip('notiz.txt', text)).equals(text)).toBe(true);
    const first = await put('/root:/Promotion/ersetzt.html:/content', Buffer.from('<p>1</p>'));
    const second = await put(`/items/${first.item.id}/content`, Buffer.from('<p>zwei</p>'));
    expect(second.status).toBe(200);
    const stored = await download(first.item.id);
    expect(stored.bytes.toString()).toContain('<p>zwei</p>');
    expect(second.item.size).toBe(stored.bytes.length);
    expect(second.item.size).toBeGreaterThan('<p>zwei</p>'.length);
  });
});

it('refuses a malformed switch and is off again after a reset', async () => {
  expect((await h.admin('PUT', '/drive/property-promotion', { enabled: 'yes' })).status).toBe(400);
  await promotion(true);
  expect((await h.admin('POST', '/reset')).status).toBe(200);
  expect(await (await h.admin('GET', '/drive/property-promotion')).json()).toEqual({ enabled: false });
});
