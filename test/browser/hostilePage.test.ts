/**
 * While the emulator runs, any website open in the same browser must not get a token or reset the
 * demo company: a page from another origin tries the admin API and the demo sign-in; the app's own
 * page still signs in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningEmulator } from '../support/emulator';
import { startAppEmulator } from './support/appServer';
import { launchBrowser, type TestBrowser } from './support/chromium';
import { warmUp } from './support/warmUp';

jest.setTimeout(180_000);

const KATRIN = 'katrin.berger@mustergmbh.onmicrosoft.com';

let emulator: RunningEmulator;
let browser: TestBrowser;
let hostile: Server;
let hostileUrl: string;

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  hostile = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="de"><title>Gewinnspiel</title><h1>Sie haben gewonnen!</h1></html>');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  await new Promise((resolve) => hostile?.close(resolve));
});

interface Attempt {
  status?: number;
  body?: string;
  failed?: string;
}

interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  mode?: 'cors' | 'no-cors';
}

/** Runs fetch() inside the page; a CORS refusal shows up as `failed`. */
function attempt(url: string, init: Init): Promise<Attempt> {
  return browser.page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, init);
        return { status: response.status, body: await response.text() };
      } catch (error) {
        return { failed: String(error) };
      }
    },
    { url, init },
  );
}

const tokenRequest = (): Init => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: KATRIN }) });

describe('a page from another origin, same browser', () => {
  it('cannot mint a token through the admin API or the demo sign-in, nor list the users', async () => {
    await browser.page.goto(hostileUrl);
    await browser.page.getByRole('heading', { name: 'Sie haben gewonnen!' }).waitFor();
    const admin = await attempt(`${emulator.url}/_admin/token`, tokenRequest());
    const signIn = await attempt(`${emulator.url}/_signin/token`, tokenRequest());
    const users = await attempt(`${emulator.url}/_signin/users`, {});
    expect(admin).toEqual({ failed: expect.stringContaining('Failed to fetch') });
    expect(signIn).toEqual({ failed: expect.stringContaining('Failed to fetch') });
    expect(users).toEqual({ failed: expect.stringContaining('Failed to fetch') });
  });

  it('cannot reset the demo company with a blind (no-cors) POST', async () => {
    await emulator.setFaults([{ path: '^/never-called$', rate503: 1 }]);
    await browser.page.goto(hostileUrl);
    await attempt(`${emulator.url}/_admin/reset`, { method: 'POST', mode: 'no-cors' });
    const faults = await emulator.admin<{ rules: unknown[] }>('GET', '/faults');
    expect(faults.rules).toHaveLength(1);
    await emulator.clearFaults();
  });
});

describe("the app's own page", () => {
  it('still signs a demo user in', async () => {
    await warmUp(browser.page, emulator.url);
    const signIn = await attempt(`${emulator.url}/_signin/token`, tokenRequest());
    expect(signIn.status).toBe(200);
    expect(JSON.parse(signIn.body ?? '{}')).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    const admin = await attempt(`${emulator.url}/_admin/token`, tokenRequest());
    expect(admin.failed).toContain('Failed to fetch');
  });
});
