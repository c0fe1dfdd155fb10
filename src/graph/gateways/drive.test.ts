import { jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';

const driveItem = {
  id: 'f1',
  name: 'Protokoll 1.pdf',
  webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Freigegebene Dokumente/Nachweise/Protokoll 1.pdf',
  eTag: '"{F1},2"',
  cTag: '"c:{F1},2"',
  size: 4,
  file: { mimeType: 'application/pdf', hashes: { quickXorHash: 'abc=' } },
  parentReference: { driveId: 'd1', path: '/drive/root:/Nachweise' },
  lastModifiedDateTime: '2026-11-27T01:00:00Z',
};

describe('drive gateway', () => {
  it('upload() PUTs the bytes to the encoded path with the content type and Sites.ReadWrite.All (the site library, not every OneDrive)', async () => {
    const { graph, calls, tokens } = gatewaysWith(() => jsonResponse(201, driveItem));
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const item = await graph.drive.upload({ siteId: 'site-1' }, 'Nachweise/Protokoll 1.pdf', bytes, 'application/pdf');
    expect(calls[0]?.method).toBe('PUT');
    expect(calls[0]?.url).toBe(
      'https://graph.example/v1.0/sites/site-1/drive/root:/Nachweise/Protokoll%201.pdf:/content?@microsoft.graph.conflictBehavior=replace',
    );
    expect(calls[0]?.headers['content-type']).toBe('application/pdf');
    expect(calls[0]?.body).toEqual(bytes);
    expect(tokens.requests[0]?.scopes).toEqual(['Sites.ReadWrite.All']);
    expect(item).toEqual({
      id: 'f1',
      name: 'Protokoll 1.pdf',
      webUrl: driveItem.webUrl,
      eTag: '"{F1},2"',
      cTag: '"c:{F1},2"',
      size: 4,
      mimeType: 'application/pdf',
      isFolder: false,
      hashes: { quickXorHash: 'abc=' },
      driveId: 'd1',
      parentPath: '/drive/root:/Nachweise',
      lastModifiedDateTime: '2026-11-27T01:00:00Z',
    });
  });

  it('uploads a file over 4 MB through an upload session: 5 MiB fragments to the upload URL, without a token, with progress', async () => {
    const uploadUrl = 'https://mustergmbh.sharepoint.com/_api/v2.0/drives/d1/uploadSession?guid=g&tempauth=t';
    const total = 6 * 1024 * 1024;
    const { graph, calls, tokens } = gatewaysWith((call) => {
      if (call.method === 'POST') return jsonResponse(200, { uploadUrl, expirationDateTime: '2026-11-27T02:00:00Z', nextExpectedRanges: ['0-'] });
      const [, , end] = /bytes (\d+)-(\d+)\/(\d+)/.exec(call.headers['content-range'] ?? '')!.map(Number);
      return end! + 1 < total ? jsonResponse(202, { nextExpectedRanges: [`${end! + 1}-`] }) : jsonResponse(201, { ...driveItem, size: total });
    });
    const progress: number[] = [];
    const item = await graph.drive.upload({ driveId: 'd1' }, 'Scans/Leitlinie.pdf', new Uint8Array(total), 'application/pdf', {
      conflictBehavior: 'fail',
      onProgress: (p) => progress.push(p.sentBytes),
    });
    expect(item.size).toBe(total);
    expect(calls.map((c) => `${c.method} ${c.url.startsWith(uploadUrl) ? 'uploadUrl' : relativeCall(c)}`)).toEqual([
      'POST /drives/d1/root:/Scans/Leitlinie.pdf:/createUploadSession',
      'PUT uploadUrl',
      'PUT uploadUrl',
    ]);
    expect(calls[0]!.json()).toEqual({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    expect(calls.slice(1).map((c) => c.headers['content-range'])).toEqual([`bytes 0-5242879/${total}`, `bytes 5242880-${total - 1}/${total}`]);
    expect(calls.slice(1).every((c) => c.headers.authorization === undefined)).toBe(true);
    expect(tokens.requests).toHaveLength(1);
    expect(progress).toEqual([0, 5 * 1024 * 1024, total]);
  });

  it('download() reads the item\'s @microsoft.graph.downloadUrl and GETs it from the SharePoint host without any header (no token, no preflight)', async () => {
    const downloadUrl = 'https://mustergmbh.sharepoint.com/sites/ISMS/_layouts/15/download.aspx?UniqueId=f1&tempauth=abc';
    const { graph, calls, tokens } = gatewaysWith((call) =>
      call.url.startsWith('https://graph.example/')
        ? jsonResponse(200, { id: 'f1', '@microsoft.graph.downloadUrl': downloadUrl })
        : new Response(new Uint8Array([1, 2, 3]), { status: 200 }),
    );
    await expect(graph.drive.download({ driveId: 'd1', itemId: 'f1' })).resolves.toEqual(new Uint8Array([1, 2, 3]));
    expect(relativeCall(calls[0]!)).toBe('/drives/d1/items/f1?$select=id,@microsoft.graph.downloadUrl');
    expect(calls[0]?.headers.authorization).toBe('Bearer token-1');
    expect(calls[1]?.url).toBe(downloadUrl);
    expect(calls[1]?.headers).toEqual({});
    expect(tokens.requests).toHaveLength(1);
    await graph.drive.download({ siteId: 's', path: 'Nachweise/a b.pdf' });
    expect(relativeCall(calls[2]!)).toBe('/sites/s/drive/root:/Nachweise/a b.pdf?$select=id,@microsoft.graph.downloadUrl');
    expect(calls.some((call) => call.url.endsWith('/content'))).toBe(false);
  });

  it('download() of an item without a download URL (a folder) fails as not found, fetching nothing else', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, { id: 'folder' }));
    await expect(graph.drive.download({ driveId: 'd1', itemId: 'folder' })).rejects.toMatchObject({ kind: 'notFound', code: 'noDownloadUrl' });
    expect(calls).toHaveLength(1);
  });

  it('getByPath() reads metadata from the library root', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(200, driveItem));
    await graph.drive.getByPath({ siteId: 's' }, '/Nachweise/Protokoll 1.pdf');
    expect(relativeCall(calls[0]!)).toBe('/sites/s/drive/root:/Nachweise/Protokoll 1.pdf');
  });
});
