/**
 * Downloads from a browser. Graph's `/content` answers 302 to a pre-authenticated URL on the
 * SharePoint host (`https://<tenant>.sharepoint.com/...download.aspx?...tempauth=...`), another
 * origin than graph.microsoft.com; that URL is read without a token and without a CORS preflight.
 * A browser request carrying a bearer token needs a preflight, and the redirect then fails CORS.
 *
 * Sources:
 * - Microsoft Learn, "Download the contents of a driveItem", section "Downloading files in
 *   JavaScript apps": https://learn.microsoft.com/en-us/graph/api/driveitem-get-content?view=graph-rest-1.0
 *   ("select the @microsoft.graph.downloadUrl property … these URLs are preauthenticated, they can be
 *   retrieved without a CORS preflight request"; example `GET /drive/items/{id}?select=id,@microsoft.graph.downloadUrl`).
 * - Microsoft Learn, "driveItem resource type", Instance Attributes:
 *   https://learn.microsoft.com/en-us/graph/api/resources/driveitem?view=graph-rest-1.0
 *   ("@microsoft.graph.downloadUrl … Authentication is not required with this URL"; short-lived, 1 hour).
 * - microsoftgraph/msgraph-sdk-javascript#388 (the browser's error after the 302: "Response to
 *   preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header").
 */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
const APP_ORIGIN = 'http://localhost:5173';
let h: Harness;
let drive: string;

interface Item {
  id: string;
  name?: string;
  '@microsoft.graph.downloadUrl'?: string;
}

beforeAll(async () => {
  h = await startHarness();
  drive = `/drives/${((await (await h.graph(`${SITE}/drive`)).json()) as { id: string }).id}`;
});
afterAll(() => h.stop());

async function item(query = ''): Promise<Item> {
  const res = await h.graph(`${drive}/root:/Organigramm.pdf${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Item;
}

it('puts the download URL on the SharePoint file host, another origin than Graph', async () => {
  const url = (await item())['@microsoft.graph.downloadUrl']!;
  expect(new URL(url).origin).toBe(h.emulator.filesUrl);
  expect(new URL(url).origin).not.toBe(h.emulator.url);

  const redirect = await fetch(`${h.emulator.url}/v1.0${drive}/root:/Organigramm.pdf:/content`, {
    headers: { Authorization: `Bearer ${await h.token('katrin.berger')}` },
    redirect: 'manual',
  });
  expect(redirect.status).toBe(302);
  expect(new URL(redirect.headers.get('location')!).origin).toBe(h.emulator.filesUrl);

  // Graph's own host serves no file bytes.
  expect((await fetch(`${h.emulator.url}${new URL(url).pathname}`)).status).toBe(404);
});

it('returns the download URL on $select only when it is selected', async () => {
  const selected = await item('?$select=id,@microsoft.graph.downloadUrl');
  expect(Object.keys(selected).filter((k) => k !== '@odata.context').sort()).toEqual(['@microsoft.graph.downloadUrl', 'id']);
  const without = await item('?$select=id,name');
  expect(without['@microsoft.graph.downloadUrl']).toBeUndefined();
});

it('answers CORS for a token-less GET only: a token or a preflight gets no allowance', async () => {
  const url = (await item())['@microsoft.graph.downloadUrl']!;

  const plain = await fetch(url, { headers: { Origin: APP_ORIGIN } });
  expect(plain.status).toBe(200);
  expect(plain.headers.get('access-control-allow-origin')).toBe('*');

  const withToken = await fetch(url, { headers: { Origin: APP_ORIGIN, Authorization: `Bearer ${await h.token('katrin.berger')}` } });
  expect(withToken.headers.get('access-control-allow-origin')).toBeNull();

  const preflight = await fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: 'null', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,client-request-id' },
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
});
