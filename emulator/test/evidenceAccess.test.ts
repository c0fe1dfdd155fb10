/** SharePoint-like permissions on the evidence list: editors, read-only auditors, no access for staff. */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const created = await h.graph(`${SITE}/lists`, {
    method: 'POST',
    token: await h.token('jonas.weber'),
    body: { displayName: 'Chefsache Nachweise', columns: [{ name: 'Note', text: {} }], list: { template: 'genericList' } },
  });
  expect(created.status).toBe(201);
  const item = await h.graph(`${SITE}/lists/Chefsache Nachweise/items`, { method: 'POST', token: await h.token('jonas.weber'), body: { fields: { Title: 'Leitlinie' } } });
  expect(item.status).toBe(201);
});

afterAll(() => h?.stop());

const as = async (alias: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  h.graph(`${SITE}${path}`, { ...init, token: await h.token(alias) });

describe('evidence list permissions', () => {
  it('lets top management and the ISB read and write', async () => {
    expect((await as('katrin.berger', '/lists/Chefsache Nachweise/items')).status).toBe(200);
    expect((await as('katrin.berger', '/lists/Chefsache Nachweise/items/1/fields', { method: 'PATCH', body: { Title: 'Leitlinie 2026' } })).status).toBe(200);
  });

  it('lets the auditor read everything and change nothing', async () => {
    const read = await as('petra.pruefer', '/lists/Chefsache Nachweise/items?$expand=fields');
    expect(read.status).toBe(200);
    expect(((await read.json()) as { value: { fields: { Title: string } }[] }).value.map((i) => i.fields.Title)).toEqual(['Leitlinie 2026']);
    const write = await as('petra.pruefer', '/lists/Chefsache Nachweise/items/1/fields', { method: 'PATCH', body: { Title: 'geändert' } });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('accessDenied');
    expect((await as('petra.pruefer', '/lists/Chefsache Nachweise/items', { method: 'POST', body: { fields: { Title: 'neu' } } })).status).toBe(403);
  });

  it('hides the list from other staff', async () => {
    expect((await as('anna.mueller', '/lists/Chefsache Nachweise/items')).status).toBe(404);
    const lists = (await (await as('anna.mueller', '/lists')).json()) as { value: { displayName: string }[] };
    expect(lists.value.map((l) => l.displayName)).not.toContain('Chefsache Nachweise');
    expect(lists.value.map((l) => l.displayName)).toContain('Dokumente');
  });
});
