/** The module contract: discovery, graph/public/admin routes, seed hooks in order. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permissions } from '../src/auth/permissions';
import { errors } from '../src/http/graphError';
import { ok, raw } from '../src/http/response';
import type { EmulatorModule } from '../src/module';
import { loadModules } from '../src/modules';
import { emulatorModule as identity } from '../src/routes/identity';
import { createEmulator, type Emulator } from '../src/server';
import { adminHeaders } from './harness';

describe('loadModules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-modules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(folder: string, source: string) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'index.js'), source);
  }

  it('loads every routes/<name>/index that exports emulatorModule, in folder order', async () => {
    write('b-second', "exports.emulatorModule = { name: 'second', register() {} };");
    write('a-first', "exports.emulatorModule = { name: 'first', register() {} };");
    mkdirSync(join(dir, 'no-index'));
    expect((await loadModules(dir)).map((m) => m.name)).toEqual(['first', 'second']);
  });

  it('names the file when a module exports the wrong thing', async () => {
    write('broken', 'exports.somethingElse = 1;');
    await expect(loadModules(dir)).rejects.toThrow(/broken[/\\]index\.js must export "emulatorModule"/);
  });

  it('finds the identity module in the real routes folder', async () => {
    expect((await loadModules()).map((m) => m.name)).toContain('identity');
  });
});

describe('a custom module', () => {
  const seeded: string[] = [];
  const meetings: EmulatorModule = {
    name: 'meetings',
    seedOrder: 200,
    register(api) {
      api.graph({
        method: 'GET',
        path: '/me/events/{id}',
        permission: permissions.me,
        handler: (ctx) => {
          const event = ctx.store.collection<{ subject: string }>('meetings.events').get(ctx.params.id ?? '');
          if (!event) throw errors.itemNotFound();
          return ok({ '@odata.context': ctx.odataContext('users/events/$entity'), id: event.id, subject: event.data.subject });
        },
      });
      api.admin({
        method: 'POST',
        path: '/meetings/took-place',
        handler: (ctx) => {
          const subject = (ctx.body as { subject?: unknown } | undefined)?.subject;
          if (typeof subject !== 'string') throw errors.badRequest('subject: a string is required');
          const event = ctx.store.collection<{ subject: string }>('meetings.events').insert({ subject });
          return ok({ id: event.id });
        },
      });
      api.public({ method: 'GET', path: '/_files/{name}', handler: (ctx) => raw(Buffer.from(`file ${ctx.params.name}`), 'text/plain') });
    },
    seed: ({ store }) => {
      seeded.push(`meetings after ${store.collection('directory.users').count()} users`);
    },
  };

  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-custom-'));
    emulator = await createEmulator({ port: 0, dataDir: dir, reset: true, modules: [meetings, identity] });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds after identity, whatever the module order', () => {
    expect(seeded).toEqual(['meetings after 25 users']);
  });

  it('adds admin actions and Graph routes that see the same store', async () => {
    const created = await fetch(`${emulator.url}/_admin/meetings/took-place`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...adminHeaders(emulator) },
      body: JSON.stringify({ subject: 'Managementbewertung 2026' }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const tokenRes = await fetch(`${emulator.url}/_admin/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...adminHeaders(emulator) },
      body: JSON.stringify({ user: 'katrin.berger@mustergmbh.onmicrosoft.com', scopes: ['User.Read'] }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const event = await fetch(`${emulator.url}/v1.0/me/events/${id}`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(await event.json()).toMatchObject({ id, subject: 'Managementbewertung 2026' });
    const missing = await fetch(`${emulator.url}/v1.0/me/events/nope`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(missing.status).toBe(404);
  });

  it('answers admin validation errors with 400 and public routes on the file host without a token', async () => {
    const bad = await fetch(`${emulator.url}/_admin/meetings/took-place`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...adminHeaders(emulator) }, body: '{}' });
    expect(bad.status).toBe(400);
    const file = await fetch(`${emulator.filesUrl}/_files/plan.txt`);
    expect(await file.text()).toBe('file plan.txt');
  });

  it('refuses public routes under /v1.0', async () => {
    const sneaky: EmulatorModule = { name: 'sneaky', register: (api) => api.public({ method: 'GET', path: '/v1.0/x', handler: () => ok({}) }) };
    await expect(createEmulator({ port: 0, dataDir: ':memory:', modules: [sneaky] })).rejects.toThrow(/must not live under/);
  });
});
