/** Files, list items and download URLs survive an emulator restart on the same data dir. */
import { startHarness } from './harness';

it('keeps uploaded bytes, their list item and valid download URLs across a restart', async () => {
  const first = await startHarness();
  const drive = `/drives/${((await (await first.graph('/sites/mustergmbh.sharepoint.com:/sites/ISMS:/drive')).json()) as { id: string }).id}`;
  const bytes = Buffer.from('Nachweis: Management-Review 2026 durchgeführt');
  const put = await first.graph(`${drive}/root:/Nachweise/review.txt:/content`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: bytes.toString() });
  const uploaded = (await put.json()) as { id: string; '@microsoft.graph.downloadUrl': string };
  const downloadPath = new URL(uploaded['@microsoft.graph.downloadUrl']).pathname;
  await first.stop({ keepData: true });

  const second = await startHarness({ dataDir: first.dataDir, reset: false });
  try {
    const content = await second.graph(`${drive}/items/${uploaded.id}/content`);
    expect(Buffer.from(await content.arrayBuffer()).equals(bytes)).toBe(true);
    const oldUrl = await fetch(`${second.emulator.filesUrl}${downloadPath}`);
    expect(oldUrl.status).toBe(200);
    const listItem = (await (await second.graph(`${drive}/items/${uploaded.id}/listItem?$expand=fields`)).json()) as { fields: { FileLeafRef: string } };
    expect(listItem.fields.FileLeafRef).toBe('review.txt');
  } finally {
    await second.stop();
  }
});
