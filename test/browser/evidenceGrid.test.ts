/**
 * Ten years of evidence (issue 14) in Chromium: the ISB panel's grid with 20,000 items renders only
 * the rows in view while the ISB scrolls to the middle and to the end, and still tells assistive
 * technology the whole size (table with aria-rowcount, rows with aria-rowindex).
 */
import { DEFAULT_FRESHNESS_SETTINGS, expiresAtIso, mailSourceKey } from '../../src/domain';
import { materializeCapture } from '../../src/features/evidence/captureItem';
import { EVIDENCE_LIST_NAME, toEvidenceFields } from '../../src/graph';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, type TestBrowser } from './support/chromium';
import { ceoMail, DEMO, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(300_000);

const ITEMS = 20_000;
/** The grid's viewport shows about 11 rows; with the overscan of 8 above and below, far fewer than 50 are in the DOM. */
const MAX_RENDERED_ROWS = 50;

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

/** 20,000 metadata-only CEO mails, one per hour from 2020, through the emulator's bulk admin call. */
async function seed(): Promise<void> {
  await storeAs(emulator, 'katrin').provision();
  const { content: _none, ...input } = ceoMail('grid', 'Vorlage', '');
  const template = materializeCapture(input, { now: new Date(), capturedBy: DEMO.katrin });
  for (let start = 0; start < ITEMS; start += 2000) {
    const items = Array.from({ length: 2000 }, (_, k) => {
      const i = start + k;
      const item = { ...template, title: `Mail der Geschäftsführung ${i}`, sourceKey: mailSourceKey(`<grid-${i}@mustergmbh.onmicrosoft.com>`), effectiveDate: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString() };
      return { fields: toEvidenceFields({ ...item, expiresAt: expiresAtIso(item, DEFAULT_FRESHNESS_SETTINGS) }, { writeId: `grid-${i}` }) };
    });
    await emulator.admin('POST', '/sharepoint/items', { site: 'mustergmbh.sharepoint.com:/sites/ISMS', list: EVIDENCE_LIST_NAME, user: DEMO.katrin.upn, items });
  }
}

beforeAll(async () => {
  emulator = await startAppEmulator();
  await seed();
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

it('scrolls through 20,000 items rendering only the rows in view, and announces the full size', async () => {
  const { page } = browser;
  await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
  await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
  // The first sync of 20,000 items takes a while on a busy machine.
  await page.getByText(/^20\.?000 von 20\.?000 Nachweisen$/).waitFor({ state: 'visible', timeout: 120_000 });
  const grid = await visible(page.getByRole('table', { name: 'Nachweisliste' }));
  expect(await grid.getAttribute('aria-rowcount')).toBe(String(ITEMS + 1));

  const rows = grid.getByRole('row'); // the header row and the rendered item rows (spacers are aria-hidden)
  expect(await rows.count()).toBeLessThanOrEqual(MAX_RENDERED_ROWS);
  expect(await rows.nth(1).getAttribute('aria-rowindex')).toBe('2');

  const scrollTo = (fraction: number) => grid.evaluate((table, f) => {
    const scroller = table.parentElement!;
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
  }, fraction);

  await scrollTo(0.5);
  await visible(grid.locator('[aria-rowindex="10001"]'));
  expect(await rows.count()).toBeLessThanOrEqual(MAX_RENDERED_ROWS);
  await expect(grid.locator('[aria-rowindex="2"]').count()).resolves.toBe(0); // the first rows left the DOM

  await scrollTo(1);
  const last = await visible(grid.locator(`[aria-rowindex="${ITEMS + 1}"]`));
  expect(await last.getByRole('button').textContent()).toMatch(/^Mail der Geschäftsführung \d+$/);
  expect(await rows.count()).toBeLessThanOrEqual(MAX_RENDERED_ROWS);
  expect(pageErrors).toEqual([]);
});
