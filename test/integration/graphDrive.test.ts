import { createHash } from 'node:crypto';
import { createGraphGateways, GraphConflictError, GraphNotFoundError, SIMPLE_UPLOAD_LIMIT_BYTES, type Site } from '../../src/graph';
import { EMULATOR_START_TIMEOUT_MS, type GraphHarness, SHAREPOINT_HOST, startGraphHarness } from './graphHarness';

let h: GraphHarness;
let site: Site;

beforeAll(async () => {
  h = await startGraphHarness('jonas.weber');
  site = await h.graph.sites.byPath(SHAREPOINT_HOST, 'ISMS');
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await h?.emulator.stop();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('drive', () => {
  it('reads a seeded document of the team site’s library and downloads its bytes', async () => {
    const item = await h.graph.drive.getByPath({ siteId: site.id }, 'Informationssicherheitsleitlinie_2024.pdf');
    expect(item).toMatchObject({ name: 'Informationssicherheitsleitlinie_2024.pdf', mimeType: 'application/pdf', isFolder: false });
    expect(item.webUrl).toContain('https://mustergmbh.sharepoint.com/sites/ISMS/');
    expect(item.eTag).toBeTruthy();
    const bytes = await h.graph.drive.download({ siteId: site.id, path: 'Informationssicherheitsleitlinie_2024.pdf' });
    expect(bytes.byteLength).toBe(item.size);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('upload then download by item id returns identical bytes; a second upload is a new version', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    const first = await h.graph.drive.upload({ siteId: site.id }, 'Nachweise/2026/Protokoll Managementbewertung.pdf', bytes, 'application/pdf');
    expect(first).toMatchObject({ name: 'Protokoll Managementbewertung.pdf', size: 300_000, mimeType: 'application/pdf' });
    expect(first.parentPath).toContain('Nachweise/2026');
    expect(first.driveId).toBeTruthy();

    const downloaded = await h.graph.drive.download({ driveId: first.driveId!, itemId: first.id });
    expect(sha256(downloaded)).toBe(sha256(bytes));

    const second = await h.graph.drive.upload({ driveId: first.driveId! }, 'Nachweise/2026/Protokoll Managementbewertung.pdf', bytes.subarray(0, 10), 'application/pdf');
    expect(second.id).toBe(first.id);
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.size).toBe(10);
  });

  it('conflictBehavior fail refuses to overwrite an existing file', async () => {
    await h.graph.drive.upload({ siteId: site.id }, 'Nachweise/einmalig.txt', new TextEncoder().encode('v1'), 'text/plain');
    await expect(
      h.graph.drive.upload({ siteId: site.id }, 'Nachweise/einmalig.txt', new TextEncoder().encode('v2'), 'text/plain', { conflictBehavior: 'fail' }),
    ).rejects.toBeInstanceOf(GraphConflictError);
  });

  it('a file over 4 MB goes through an upload session in fragments, with progress, and arrives byte for byte', async () => {
    const bytes = new Uint8Array(SIMPLE_UPLOAD_LIMIT_BYTES * 2 + 12_345).map((_, i) => (i * 7) % 251);
    const progress: number[] = [];
    const item = await h.graph.drive.upload({ siteId: site.id }, 'Nachweise/Scan gross.pdf', bytes, 'application/pdf', {
      onProgress: (p) => progress.push(p.sentBytes),
    });
    expect(item.size).toBe(bytes.byteLength);
    expect(progress).toEqual([0, 5 * 1024 * 1024, bytes.byteLength]);
    expect(sha256(await h.graph.drive.download({ siteId: site.id, itemId: item.id }))).toBe(sha256(bytes));
  });

  it('starts over with a new upload session when the first one expired in the middle of the upload', async () => {
    const bytes = new Uint8Array(SIMPLE_UPLOAD_LIMIT_BYTES * 2).map((_, i) => (i * 13) % 251);
    let fragments = 0;
    // Between the first and the second fragment the session expires (the service dropped it).
    const fetchExpiring: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && String(input).includes('/_upload/') && ++fragments === 2) {
        await h.emulator.admin('POST', '/drive/expire-upload-sessions');
      }
      return fetch(input, init);
    };
    const graph = createGraphGateways({ baseUrl: h.emulator.graphUrl, tokenProvider: h.tokens, fetch: fetchExpiring });
    await h.emulator.resetStats();
    const item = await graph.drive.upload({ siteId: site.id }, 'Nachweise/Scan abgelaufen.pdf', bytes, 'application/pdf');
    expect(sha256(await h.graph.drive.download({ siteId: site.id, itemId: item.id }))).toBe(sha256(bytes));
    expect((await h.emulator.stats()).byRoute['POST /sites/{site+}/drive/root:/{path+}:/createUploadSession']).toBe(2);
  });

  it('a missing file is a GraphNotFoundError', async () => {
    await expect(h.graph.drive.getByPath({ siteId: site.id }, 'gibt/es/nicht.pdf')).rejects.toBeInstanceOf(GraphNotFoundError);
  });
});
