import { GraphPayloadTooLargeError } from '../pipeline/errors';
import { jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';
import { SIMPLE_UPLOAD_LIMIT_BYTES } from './drive';

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

  it('refuses a file over 4 MB before sending anything, saying how large it is', async () => {
    const { graph, calls } = gatewaysWith(() => jsonResponse(201, driveItem));
    const error = await graph.drive
      .upload({ driveId: 'd1' }, 'big.bin', new Uint8Array(SIMPLE_UPLOAD_LIMIT_BYTES + 1), 'application/octet-stream')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPayloadTooLargeError);
    expect((error as Error).message).toBe(
      '"big.bin" is 4194305 bytes (4.00 MB); a simple upload takes at most 4194304 bytes (4.00 MB). Larger files need an upload session, which Chefsache does not offer.',
    );
    expect(calls).toHaveLength(0);
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
