import { GraphServiceUnavailableError, type ListItemsClient, type Site } from '../../src/graph';
import { EMULATOR_START_TIMEOUT_MS, type GraphHarness, SHAREPOINT_HOST, startGraphHarness } from './graphHarness';

/**
 * The pipeline against the emulator's fault injection: throttling with Retry-After, 503s, dropped
 * sockets and throttled inner requests of $batch. Waits are recorded, not slept.
 */
let h: GraphHarness;
let site: Site;
let items: ListItemsClient;

beforeAll(async () => {
  h = await startGraphHarness('jonas.weber');
  site = await h.graph.sites.byPath(SHAREPOINT_HOST, 'ISMS');
  const list = await h.graph.lists.create(site.id, {
    displayName: 'Nachweise',
    columns: [{ name: 'Key', type: 'text', indexed: true, enforceUniqueValues: true }],
  });
  items = h.graph.listItems.forList(site.id, list.id);
}, EMULATOR_START_TIMEOUT_MS);
afterEach(async () => {
  await h.emulator.clearFaults();
  h.clock.sleeps.length = 0;
});
afterAll(async () => {
  await h?.emulator.stop();
});

describe('recovery from emulator faults', () => {
  it('waits what Retry-After says after 429s and then succeeds', async () => {
    await h.emulator.setFaults([{ path: '^/me(\\?|$)', rate429: 1, retryAfterSeconds: 3, times: 2 }]);
    await expect(h.graph.users.me()).resolves.toMatchObject({ displayName: 'Jonas Weber' });
    expect(h.clock.sleeps).toEqual([3000, 3000]);
  });

  it('retries 503s with backoff and succeeds when the service is back', async () => {
    await h.emulator.setFaults([{ path: '^/sites/', method: 'GET', rate503: 1, times: 3 }]);
    await expect(h.graph.sites.byId(site.id)).resolves.toMatchObject({ displayName: 'ISMS Muster GmbH' });
    expect(h.clock.sleeps).toHaveLength(3);
    h.clock.sleeps.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(500 * 2 ** i));
  });

  it('gives up after 5 attempts of a lasting 503 and says so', async () => {
    await h.emulator.setFaults([{ path: '^/organization', rate503: 1 }]);
    const error = await h.graph.organization.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphServiceUnavailableError);
    const e = error as GraphServiceUnavailableError;
    expect(e.attempts).toBe(5);
    expect(e.message).toMatch(/^Gave up after 5 attempts/);
    expect(e.requestId).toBeTruthy();
  });

  it('repeats a GET whose connection was dropped', async () => {
    await h.emulator.setFaults([{ path: '^/me(\\?|$)', rateDrop: 1, times: 1 }]);
    await expect(h.graph.users.me()).resolves.toMatchObject({ displayName: 'Jonas Weber' });
    expect(h.clock.sleeps).toHaveLength(1);
  });

  it('re-sends only the throttled inner requests of a $batch and creates every item exactly once', async () => {
    // Throttle the first 7 inner item creates; the outer $batch itself goes through.
    await h.emulator.setFaults([{ path: '/items$', method: 'POST', rate429: 1, retryAfterSeconds: 2, times: 7 }]);
    await h.emulator.resetStats();
    const outcomes = await items.createMany(Array.from({ length: 30 }, (_, i) => ({ Title: `Nachweis ${i + 1}`, Key: `r-${i + 1}` })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(h.clock.sleeps).toEqual([2000]);
    const stats = await h.emulator.stats();
    const batchPosts = Object.entries(stats.byRoute)
      .filter(([route]) => route.includes('$batch'))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(batchPosts).toBe(3);
    const all = await items.queryAll();
    expect(all.filter((i) => String(i.fields.Key).startsWith('r-'))).toHaveLength(30);
  });
});
