/** Microsoft To Do: lists and tasks of the signed-in user. */
import { loadFixture, shapeDifferences, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('/me/todo', () => {
  it('has a default list per user, shaped like the documented example', async () => {
    const body = await json(await h.graph('/me/todo/lists', { token: await h.token('thomas.schmidt') }));
    expect(shapeDifferences(body, loadFixture('todo/todotasklist-list.json').body, true)).toEqual([]);
    expect((body.value as { wellknownListName: string }[]).map((l) => l.wellknownListName)).toEqual(['defaultList']);
  });

  it('creates a list and a task with a due date and a link back, then completes it', async () => {
    const token = await h.token('thomas.schmidt');
    const list = await json(await h.graph('/me/todo/lists', { method: 'POST', token, body: { displayName: 'Chefsache' } }));
    const res = await h.graph(`/me/todo/lists/${String(list.id)}/tasks`, {
      method: 'POST',
      token,
      body: {
        title: 'Notfallplan testen',
        dueDateTime: { dateTime: '2026-06-30T00:00:00', timeZone: 'Europe/Berlin' },
        linkedResources: [{ webUrl: 'https://example.test/teams/?view=reviews', applicationName: 'Chefsache', displayName: 'Management-Review' }],
      },
    });
    expect(res.status).toBe(201);
    const task = await json(res);
    expect(shapeDifferences(task, loadFixture('todo/todotask-create.json').body, false)).toEqual([]);
    expect(task.status).toBe('notStarted');
    const done = await json(await h.graph(`/me/todo/lists/${String(list.id)}/tasks/${String(task.id)}`, { method: 'PATCH', token, body: { status: 'completed' } }));
    expect(done.status).toBe('completed');
    expect(done.completedDateTime).toBeDefined();
    const again = await json(await h.graph(`/me/todo/lists/${String(list.id)}/tasks/${String(task.id)}`, { token }));
    expect(again.status).toBe('completed');
  });

  it("keeps each user's lists to themselves and needs Tasks.ReadWrite to write", async () => {
    const own = await json(await h.graph('/me/todo/lists', { method: 'POST', token: await h.token('sabine.koch'), body: { displayName: 'Privat' } }));
    expect((await h.graph(`/me/todo/lists/${String(own.id)}/tasks`, { token: await h.token('anna.mueller') })).status).toBe(404);
    const readOnly = await h.token('sabine.koch', ['Tasks.Read']);
    expect((await h.graph(`/me/todo/lists/${String(own.id)}/tasks`, { method: 'POST', token: readOnly, body: { title: 'x' } })).status).toBe(403);
    expect((await h.graph(`/me/todo/lists/${String(own.id)}/tasks`, { method: 'POST', token: await h.token('sabine.koch'), body: { title: '' } })).status).toBe(400);
  });
});
