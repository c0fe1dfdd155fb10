/**
 * The on-send handler as classic Outlook on Windows runs it: in a JavaScript-only runtime that has
 * no rendering engine (no window, document, DOMParser), no localStorage, sessionStorage or cookies,
 * and does not run Office.onReady / Office.initialize; fetch needs absolute URLs. Sources: "Runtimes
 * in Office Add-ins" (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes) and "Activate
 * add-ins with events" → "Event-based add-in limitations in ... classic Outlook on Windows"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation).
 * The runtime entry (src/outlook/runtime.ts) is loaded with those globals removed and handles two
 * sends against a real emulator.
 */
import { CAPTURE_CATEGORY, CAPTURE_HEADER, CAPTURE_PROPERTY } from '../../src/features/outlook/captureTag';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

jest.setTimeout(EMULATOR_START_TIMEOUT_MS);

/** What the JavaScript-only runtime does not have. */
const ABSENT = ['window', 'document', 'DOMParser', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'navigator'] as const;

type Handler = (event: { completed(options?: unknown): void }) => Promise<unknown>;

let emulator: RunningEmulator;
const ADDIN_ORIGIN = 'https://addin.mustergmbh.example';
const saved = new Map<string, PropertyDescriptor>();
const env = globalThis.__CHEFSACHE_ENV__;
const realFetch = globalThis.fetch;
const fetched: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ appOrigins: [ADDIN_ORIGIN] });
  for (const name of ABSENT) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    if (descriptor) {
      saved.set(name, descriptor);
      delete (globalThis as Record<string, unknown>)[name];
    }
  }
  globalThis.__CHEFSACHE_ENV__ = { graphBaseUrl: emulator.graphUrl, auth: 'emulator', emulatorUrl: emulator.url };
  // The runtime's requests carry the add-in's origin, as every CORS request from a JavaScript runtime does
  // (Node's fetch sends none): the emulated sign-in answers only app origins.
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    fetched.push(String(input));
    return realFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), Origin: ADDIN_ORIGIN } });
  };
});

afterAll(async () => {
  for (const [name, descriptor] of saved) Object.defineProperty(globalThis, name, descriptor);
  globalThis.__CHEFSACHE_ENV__ = env;
  globalThis.fetch = realFetch;
  await emulator?.stop();
});

const ok = <T>(value: T) => ({ status: 'succeeded', value });

/** Office.js as the runtime sees it: a compose item with the async APIs; onReady is never called. */
function classicOffice(item: { subject: string; categories: string[]; headers: Record<string, string>; customProperties?: Record<string, string> }) {
  const handlers = new Map<string, Handler>();
  const onReady = jest.fn();
  const get = <T>(value: T) => ({ getAsync: (cb: (r: unknown) => void) => cb(ok(value)) });
  const office = {
    onReady,
    actions: { associate: (id: string, handler: Handler) => handlers.set(id, handler) },
    context: {
      displayLanguage: 'de-DE',
      mailbox: {
        userProfile: { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' },
        item: {
          subject: get(item.subject),
          categories: get(item.categories.map((displayName) => ({ displayName, color: 'Preset4' }))),
          loadCustomPropertiesAsync: (cb: (r: unknown) => void) =>
            cb(ok({ get: (name: string) => item.customProperties?.[name], set: () => undefined, remove: () => undefined, saveAsync: (done: (r: unknown) => void) => done(ok(undefined)) })),
          internetHeaders: {
            getAsync: (names: string[], cb: (r: unknown) => void) => cb(ok(Object.fromEntries(names.filter((n) => n in item.headers).map((n) => [n, item.headers[n]])))),
            setAsync: (headers: Record<string, string>, cb: (r: unknown) => void) => cb(ok(Object.assign(item.headers, headers) && undefined)),
          },
          body: { getAsync: (type: string, cb: (r: unknown) => void) => cb(ok(type === 'html' ? '<p>Die Leitlinie gilt ab sofort.</p>' : 'Die Leitlinie gilt ab sofort.')) },
          to: get([{ displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', recipientType: 'distributionList' }]),
          cc: get([]),
          bcc: get([]),
        },
      },
    },
  };
  return { office, handlers, onReady };
}

function loadRuntimeWith(office: unknown): void {
  (globalThis as { Office?: unknown }).Office = office;
  jest.isolateModules(() => {
    require('../../src/outlook/runtime');
  });
}

describe('on-send handler in the classic Outlook JavaScript-only runtime', () => {
  it('captures a tagged mail without DOM, storage or Office.onReady, with absolute URLs only, and lets it go', async () => {
    for (const name of ABSENT) expect(typeof (globalThis as Record<string, unknown>)[name]).toBe('undefined');
    const captureId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    const { office, handlers, onReady } = classicOffice({
      subject: 'Leitlinie Informationssicherheit in Kraft',
      categories: [CAPTURE_CATEGORY],
      headers: { [CAPTURE_HEADER]: `id=${captureId}` },
      customProperties: { [CAPTURE_PROPERTY]: '{"kind":"policy"}' },
    });
    loadRuntimeWith(office);
    const completed = jest.fn();
    const outcome = await handlers.get('onMessageSendHandler')!({ completed });

    expect(completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(outcome).toMatchObject({ outcome: 'captured', result: { status: 'created', item: { title: 'Leitlinie Informationssicherheit in Kraft', type: 'ceoMail', source: 'outlook' } } });
    expect(onReady).not.toHaveBeenCalled();
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((url) => !/^https?:\/\//.test(url))).toEqual([]);
  });

  it('lets an untagged mail go at once, without a network call', async () => {
    fetched.length = 0;
    const { office, handlers } = classicOffice({ subject: 'Mittagessen', categories: [], headers: {} });
    loadRuntimeWith(office);
    const completed = jest.fn();
    expect(await handlers.get('onMessageSendHandler')!({ completed })).toEqual({ outcome: 'untagged' });
    expect(completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(fetched).toEqual([]);
  });
});
