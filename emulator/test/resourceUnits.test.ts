/**
 * SharePoint resource units (RU): the cost per request, $batch counted one by one, and the per-app
 * budget per minute with 429 + Retry-After.
 * Source: Microsoft Learn, "Avoid getting throttled or blocked in SharePoint Online"
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 *   1 RU single item query, delta with token, file download; 2 RU multi-item query, delta without token,
 *   create/update/delete/upload; 5 RU permission operations; "requests in a $batch are evaluated individually";
 *   app limit per minute 1,200 RU for tenants of 0–1k licences; 429 with Retry-After; RateLimit-* near the limit.
 */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
jest.setTimeout(30_000);
let h: Harness;
let list: string;

interface Stats {
  requests: number;
  byRoute: Record<string, number>;
  ru: { total: number; byRoute: Record<string, number> };
}
const stats = async () => (await (await h.admin('GET', '/stats')).json()) as Stats;
const json = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  h = await startHarness();
  const site = await json<{ id: string }>(await h.graph(SITE));
  const created = await h.graph(`/sites/${site.id}/lists`, { method: 'POST', body: { displayName: 'RU', columns: [{ name: 'Status', text: {} }] } });
  list = `/sites/${site.id}/lists/${(await json<{ id: string }>(created)).id}`;
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.admin('DELETE', '/ru-budget');
  await h.admin('DELETE', '/stats');
});

/** RU of one call, measured through /_admin/stats. */
async function ruOf(call: () => Promise<Response>): Promise<number> {
  await h.admin('DELETE', '/stats');
  const res = await call();
  expect(res.status).toBeLessThan(400);
  return (await stats()).ru.total;
}

it('charges by the documented table: 1 single item, 2 multi-item or write, delta 2 without and 1 with a token', async () => {
  expect(await ruOf(() => h.graph(`${list}/items`, { method: 'POST', body: { fields: { Title: 'A' } } }))).toBe(2);
  expect(await ruOf(() => h.graph(`${list}/items/1`))).toBe(1);
  expect(await ruOf(() => h.graph(`${list}/items?$expand=fields`))).toBe(2);
  expect(await ruOf(() => h.graph(`${list}/items/1/fields`, { method: 'PATCH', body: { Status: 'x' } }))).toBe(2);
  const delta = await json<{ '@odata.deltaLink': string }>(await h.graph(`${list}/items/delta`));
  expect((await stats()).ru.byRoute['GET /sites/{site+}/lists/{list}/items/delta']).toBe(2);
  const withToken = delta['@odata.deltaLink'].replace(/^.*\/v1\.0/, '');
  expect(await ruOf(() => h.graph(withToken))).toBe(1);
  expect(await ruOf(() => h.graph(`${list}/items/1`, { method: 'DELETE' }))).toBe(2);
});

it('charges a file download on the file host and nothing for directory or mail calls', async () => {
  const drive = await json<{ id: string }>(await h.graph(`${SITE}/drive`));
  const item = await json<{ '@microsoft.graph.downloadUrl': string }>(await h.graph(`/drives/${drive.id}/root:/Organigramm.pdf`));
  expect(await ruOf(() => fetch(item['@microsoft.graph.downloadUrl']))).toBe(1);
  expect(await ruOf(() => h.graph('/me'))).toBe(0);
  expect(await ruOf(() => h.graph('/me/messages?$top=1'))).toBe(0);
});

it('counts the requests inside $batch one by one, the envelope itself costs nothing', async () => {
  const requests = [1, 2, 3].map((i) => ({
    id: String(i),
    method: 'POST',
    url: `${list.slice(1)}/items`,
    headers: { 'Content-Type': 'application/json' },
    body: { fields: { Title: `B${i}` } },
  }));
  expect(await ruOf(() => h.graph('/$batch', { method: 'POST', body: { requests } }))).toBe(6);
  const s = await stats();
  expect(s.requests).toBe(4);
  expect(s.ru.byRoute).toEqual({ 'POST /sites/{site+}/lists/{list}/items': 6 });
});

it('is off by default; the admin API sets a budget by licence tier', async () => {
  expect(await json(await h.admin('GET', '/ru-budget'))).toEqual({ enabled: false, perMinute: null, windowSeconds: 60 });
  expect(await json(await h.admin('PUT', '/ru-budget', { licences: 50 }))).toEqual({ enabled: true, perMinute: 1200, windowSeconds: 60 });
  expect(await json(await h.admin('PUT', '/ru-budget', { licences: 2000 }))).toEqual({ enabled: true, perMinute: 2400, windowSeconds: 60 });
});

it('answers 429 with Retry-After once the app has used its budget for the minute, per app', async () => {
  await h.admin('PUT', '/ru-budget', { perMinute: 5 });
  expect((await h.graph(`${list}/items?$top=1`)).status).toBe(200); // 2
  const near = await h.graph(`${list}/items?$top=1`); // 4 of 5: at 80 %
  expect(near.status).toBe(200);
  expect(near.headers.get('ratelimit-limit')).toBe('5');
  expect(near.headers.get('ratelimit-remaining')).toBe('1');
  const over = await h.graph(`${list}/items?$top=1`);
  expect(over.status).toBe(429);
  const retryAfter = Number(over.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await json<{ error: { code: string } }>(over)).error.code).toBe('activityLimitReached');
  // Directory calls are not SharePoint: still answered.
  expect((await h.graph('/me')).status).toBe(200);
  // Another app (appid claim) has its own budget.
  const res = await h.admin('POST', '/token', { user: 'katrin.berger@mustergmbh.onmicrosoft.com', appId: '11111111-2222-4333-8444-555555555555' });
  const other = (await json<{ access_token: string }>(res)).access_token;
  expect((await h.graph(`${list}/items?$top=1`, { token: other })).status).toBe(200);
});

it('gives the budget back when the window is over, Retry-After says when', async () => {
  await h.admin('PUT', '/ru-budget', { perMinute: 2, windowSeconds: 1 });
  expect((await h.graph(`${list}/items?$top=1`)).status).toBe(200);
  const over = await h.graph(`${list}/items?$top=1`);
  expect(over.status).toBe(429);
  expect(over.headers.get('retry-after')).toBe('1');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect((await h.graph(`${list}/items?$top=1`)).status).toBe(200);
});

it('throttles inner $batch requests one by one once the budget runs out', async () => {
  await h.admin('PUT', '/ru-budget', { perMinute: 3 });
  const requests = [1, 2].map((i) => ({ id: String(i), method: 'GET', url: `${list.slice(1)}/items?$top=1` }));
  const res = await json<{ responses: { id: string; status: number; headers?: Record<string, string> }[] }>(
    await h.graph('/$batch', { method: 'POST', body: { requests } }),
  );
  const byId = Object.fromEntries(res.responses.map((r) => [r.id, r]));
  expect(byId['1']?.status).toBe(200);
  expect(byId['2']?.status).toBe(429);
  expect(Object.keys(byId['2']?.headers ?? {}).map((k) => k.toLowerCase())).toContain('retry-after');
});
