/** Issue 15 in English: the ISB publishes, two staff members acknowledge, the dashboard shows 2 of N. */
import type { RunningEmulator } from '../support/emulator';
import { startAppEmulator } from './support/appServer';
import { runJourney } from './support/acknowledgementJourney';
import { launchBrowser, type TestBrowser } from './support/chromium';
import { collectPageErrors } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(240_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'en-US' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

it('the ISB publishes the policy, two staff members acknowledge, the dashboard shows 2 of all staff, the auditor finds the page in the binder', async () => {
  await runJourney(emulator, browser, {
    lang: 'en',
    demoUser: 'Demo user',
    objectivesLabel: 'Objectives (one per line)',
    distractorsLabel: 'Wrong answers for the self-check (one per line)',
    publish: 'Publish for acknowledgement',
    published: 'Published. The message went to all staff.',
    staffHeading: 'Our security policy and objectives',
    acknowledge: 'I have read and understood',
    thanks: /^Thank you: you confirmed this version on .*\.$/,
    count: /^2 of \d+ staff acknowledged the current version \(\d+ %\)\.$/,
    mine: 'Your acknowledgements',
    binderHeading: 'Auditor binder',
    binderExport: 'Create auditor binder',
    binderDownload: /^Download the auditor binder/,
    ackPageHeading: 'Policy acknowledgement: Informationssicherheitsleitlinie 2026',
    ackPageCount: 'Acknowledged by 2 staff',
  });
  expect(pageErrors).toEqual([]);
});
