/**
 * PATCH /sites/{site}/lists/{list}/columns/{column-id} ("Update columnDefinition") and choice values: with
 * allowTextEntry false, a value outside the column's choices is refused ("choiceColumn resource type").
 */
import { startHarness, type Harness } from './harness';

const SITE = '/sites/mustergmbh.sharepoint.com:/sites/ISMS:';
let h: Harness;
let base: string;
let colorId: string;

beforeAll(async () => {
  h = await startHarness();
  const siteId = ((await (await h.graph(SITE)).json()) as { id: string }).id;
  const res = await h.graph(`/sites/${siteId}/lists`, {
    method: 'POST',
    body: { displayName: 'Palette', columns: [{ name: 'Color', choice: { choices: ['Red', 'Blue'] } }], list: { template: 'genericList' } },
  });
  base = `/sites/${siteId}/lists/${((await res.json()) as { id: string }).id}`;
  const columns = (await (await h.graph(`${base}/columns`)).json()) as { value: { id: string; name: string }[] };
  colorId = columns.value.find((c) => c.name === 'Color')!.id;
}, 60_000);
afterAll(() => h.stop());

const write = (Color: string) => h.graph(`${base}/items`, { method: 'POST', body: { fields: { Title: Color, Color } } });

describe('choice columns', () => {
  it('refuse a value outside the choices, and take it once a PATCH of the column adds it', async () => {
    const refused = await write('Green');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('invalidRequest');
    expect((await write('Red')).status).toBe(201);

    const patched = await h.graph(`${base}/columns/${colorId}`, { method: 'PATCH', body: { choice: { choices: ['Red', 'Blue', 'Green'] } } });
    expect(patched.status).toBe(200);
    const column = (await patched.json()) as { id: string; name: string; choice: { choices: string[]; allowTextEntry: boolean; displayAs: string } };
    expect(column).toMatchObject({ id: colorId, name: 'Color', choice: { choices: ['Red', 'Blue', 'Green'], allowTextEntry: false, displayAs: 'dropDownMenu' } });

    expect((await write('Green')).status).toBe(201);
    const listed = (await (await h.graph(`${base}/columns`)).json()) as { value: { name: string; choice?: { choices: string[] } }[] };
    expect(listed.value.find((c) => c.name === 'Color')?.choice?.choices).toEqual(['Red', 'Blue', 'Green']);
  });

  it('take any value when allowTextEntry is switched on', async () => {
    expect((await write('Purple')).status).toBe(400);
    expect((await h.graph(`${base}/columns/${colorId}`, { method: 'PATCH', body: { choice: { allowTextEntry: true } } })).status).toBe(200);
    expect((await write('Purple')).status).toBe(201);
  });
});

describe('PATCH columns/{column-id}', () => {
  it('changes the display name and keeps the rest', async () => {
    const res = await h.graph(`${base}/columns/${colorId}`, { method: 'PATCH', body: { displayName: 'Farbe' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: 'Farbe', name: 'Color', choice: { choices: ['Red', 'Blue', 'Green'] } });
  });

  it('refuses changing the id, and answers 404 for an unknown column', async () => {
    expect((await h.graph(`${base}/columns/${colorId}`, { method: 'PATCH', body: { id: 'other' } })).status).toBe(400);
    const missing = await h.graph(`${base}/columns/00000000-0000-0000-0000-000000000000`, { method: 'PATCH', body: { displayName: 'X' } });
    expect(missing.status).toBe(404);
  });
});
