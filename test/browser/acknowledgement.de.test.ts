/** Issue 15 in German: the ISB publishes, two staff members acknowledge, the dashboard shows 2 of N. */
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
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

it('the ISB publishes the policy, two staff members acknowledge, the dashboard shows 2 of all staff, the auditor finds the page in the binder', async () => {
  await runJourney(emulator, browser, {
    lang: 'de',
    demoUser: 'Demo-Benutzer',
    objectivesLabel: 'Ziele (eines pro Zeile)',
    distractorsLabel: 'Falsche Antworten für den Selbsttest (eine pro Zeile)',
    publish: 'Zur Kenntnisnahme veröffentlichen',
    published: 'Veröffentlicht. Die Nachricht ging an alle Mitarbeitenden.',
    staffHeading: 'Unsere Sicherheitsleitlinie und -ziele',
    acknowledge: 'Ich habe gelesen und verstanden',
    thanks: /^Danke: Sie haben diese Fassung am .* bestätigt\.$/,
    count: /^2 von \d+ Mitarbeitenden haben die aktuelle Fassung bestätigt \(\d+ %\)\.$/,
    mine: 'Ihre Bestätigungen',
    binderHeading: 'Auditordner',
    binderExport: 'Auditordner erstellen',
    binderDownload: /^Auditordner herunterladen/,
    ackPageHeading: 'Kenntnisnahme der Leitlinie:', // the policy title wraps to the next line at this size
    ackPageCount: 'Bestätigt von 2 Mitarbeitenden',
  });
  expect(pageErrors).toEqual([]);
});
