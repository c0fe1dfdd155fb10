/**
 * Management reviews in the Teams tab (en-US) when the organizer's Outlook calendar may not create
 * Teams meetings (allowedOnlineMeetingProviders on GET /me/calendar is empty; emulator admin setting):
 * Outlook creates the series without a join link, so the tab withdraws it and names the problem
 * instead of showing a booked series without a link.
 */
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { collectPageErrors, pickDemoUser, visible } from './support/page';

jest.setTimeout(120_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'en-US' });
  pageErrors = collectPageErrors(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('management review without Teams meetings, en-US', () => {
  it('tells the ISB that the calendar cannot create Teams meetings and books nothing', async () => {
    await emulator.admin('PATCH', '/calendar/mailboxes/jonas.weber@mustergmbh.onmicrosoft.com', { allowedOnlineMeetingProviders: [] });
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=reviews', emulator.url));
    await pickDemoUser(page, 'Demo user', /Jonas Weber/);
    await visible(page.getByRole('heading', { name: 'Management review', level: 1 }));
    const form = await visible(page.getByRole('form', { name: 'Book the quarterly review' }));
    await form.getByLabel('First date').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Book series' }).click();

    const alert = await visible(form.getByRole('alert'));
    expect(await alert.textContent()).toContain('Your Outlook calendar may not create Teams meetings (allowed providers: –).');
    await saveScreenshot(page, 'reviews-no-teams-en');
    expect(await page.getByRole('group', { name: 'Booked series' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
