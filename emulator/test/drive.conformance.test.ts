/** Conformance of the drive routes with Microsoft's documented example responses. */
import { contextFragment, loadFixture, shapeDifferences, startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;
let driveId: string;

beforeAll(async () => {
  h = await startHarness();
  driveId = ((await (await h.graph(`${SITE}/drive`)).json()) as { id: string }).id;
});
afterAll(() => h.stop());

async function expectLikeFixture(res: Response, fixtureName: string): Promise<Record<string, unknown>> {
  const fixture = loadFixture(fixtureName);
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, problems: shapeDifferences(body, fixture.body, fixture.exactKeys) }).toEqual({ status: fixture.status, problems: [] });
  const expectedContext = (fixture.body as Record<string, unknown>)['@odata.context'];
  if (expectedContext !== undefined) expect(contextFragment(body['@odata.context'])).toBe(contextFragment(expectedContext));
  return body;
}

describe('drives', () => {
  it('GET /sites/{site}/drive answers the library "Dokumente" owned by the team group', async () => {
    const body = await expectLikeFixture(await h.graph(`${SITE}/drive`), 'drive/drive-get.json');
    expect(body).toMatchObject({ name: 'Dokumente', driveType: 'documentLibrary', webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Shared%20Documents' });
    expect((body.owner as { group: { displayName: string } }).group.displayName).toBe('ISMS Muster GmbH');
    expect(String(body.id)).toMatch(/^b!/);
  });

  it('GET /drives/{drive-id} answers the same drive', async () => {
    const body = await expectLikeFixture(await h.graph(`/drives/${driveId}`), 'drive/drive-get.json');
    expect(body.id).toBe(driveId);
  });

  it('GET /sites/{site}/drives lists the site\'s libraries', async () => {
    const body = await expectLikeFixture(await h.graph(`${SITE}/drives`), 'drive/drive-list.json');
    expect((body.value as { id: string }[]).map((d) => d.id)).toEqual([driveId]);
  });
});

describe('drive items', () => {
  it('GET /drives/{id}/root answers the root folder with its child count', async () => {
    const seeded = (await (await h.graph(`/drives/${driveId}/root`)).json()) as Record<string, unknown>;
    expect(seeded).toMatchObject({ name: 'root', root: {}, folder: { childCount: 3 }, createdBy: { user: { displayName: 'System Account' } } });

    const library = await h.graph(`${SITE}/lists`, {
      method: 'POST',
      body: { displayName: 'Auditberichte', list: { template: 'documentLibrary' } },
    });
    expect(library.status).toBe(201);
    const drive = await expectLikeFixture(await h.graph(`${SITE}/lists/Auditberichte/drive`), 'drive/drive-get.json');
    const drives = (await (await h.graph(`${SITE}/drives`)).json()) as { value: { id: string; name: string }[] };
    const newDriveId = drives.value.find((d) => d.name === 'Auditberichte')?.id;
    expect(drive.id).toBe(newDriveId);
    await h.graph(`/drives/${String(newDriveId)}/root:/Bericht.txt:/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'Audit' });
    const body = await expectLikeFixture(await h.graph(`/drives/${String(newDriveId)}/root`), 'drive/driveitem-get-root.json');
    expect(body).toMatchObject({ folder: { childCount: 1 }, size: 5, webUrl: 'https://mustergmbh.sharepoint.com/sites/ISMS/Auditberichte' });
  });

  it('GET …/root:/{path} answers a file with hashes, parentReference and a download URL', async () => {
    const body = await expectLikeFixture(await h.graph(`/drives/${driveId}/root:/Informationssicherheitsleitlinie_2024.pdf`), 'drive/driveitem-get-file.json');
    expect(body).toMatchObject({
      name: 'Informationssicherheitsleitlinie_2024.pdf',
      file: { mimeType: 'application/pdf' },
      createdBy: { user: { displayName: 'Jonas Weber' } },
      parentReference: { driveId, driveType: 'documentLibrary', path: `/drives/${driveId}/root:` },
    });
    const byId = await expectLikeFixture(await h.graph(`${SITE}/drive/items/${String(body.id)}`), 'drive/driveitem-get-file.json');
    expect(byId.eTag).toBe(body.eTag);
  });

  it('GET …/root/children lists the seeded documents', async () => {
    const body = await expectLikeFixture(await h.graph(`${SITE}/drive/root/children`), 'drive/driveitem-list-children.json');
    expect((body.value as { name: string }[]).map((i) => i.name)).toEqual(['Informationssicherheitsleitlinie_2024.pdf', 'Organigramm.pdf', 'Budget_2026.xlsx']);
  });

  it('PUT …/root:/{path}:/content answers 201 with the new driveItem', async () => {
    const res = await h.graph(`/drives/${driveId}/root:/FolderA/FileB.txt:/content`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: 'The contents of the file goes here.',
    });
    const body = await expectLikeFixture(res, 'drive/driveitem-put-content.json');
    expect(body).toMatchObject({ name: 'FileB.txt', size: 35, file: { mimeType: 'text/plain' } });
  });

  it('GET …/content answers 302 to a download URL; DELETE answers 204', async () => {
    const res = await fetch(`${h.emulator.url}/v1.0/drives/${driveId}/root:/FolderA/FileB.txt:/content`, {
      headers: { Authorization: `Bearer ${await h.token('katrin.berger')}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${h.emulator.filesUrl}/_download/`));
    const removed = await h.graph(`/drives/${driveId}/root:/FolderA/FileB.txt`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await h.graph(`/drives/${driveId}/root:/FolderA/FileB.txt`)).status).toBe(404);
  });
});
