/**
 * Issue 15's staff acknowledgement in Chromium, one journey for the German and the English test: the ISB
 * publishes the accepted policy, two staff members acknowledge, the dashboard shows 2 of N, and SharePoint shows
 * a staff member only their own acknowledgement, and the auditor finds the acknowledgement page in the binder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { formatDayIn, uploadSourceKey } from '../../../src/domain';
import { createAcknowledgementLists } from '../../../src/features/acknowledgements/acknowledgementLists';
import { gatewaysFor, ISMS_SITE_URL } from '../../integration/evidenceHarness';
import type { RunningEmulator } from '../../support/emulator';
import { pageUrl } from './appServer';
import type { TestBrowser } from './chromium';
import { saveScreenshot } from './chromium';
import { captureAll, DEMO, storeAs } from './evidenceSeed';
import { pickDemoUser, visible } from './page';
import { pdfText, shown } from './pdfText';

export interface JourneyTexts {
  lang: 'de' | 'en';
  demoUser: string;
  objectivesLabel: string;
  distractorsLabel: string;
  publish: string;
  published: string;
  staffHeading: string;
  acknowledge: string;
  thanks: RegExp;
  count: RegExp;
  mine: string;
  binderHeading: string;
  binderExport: string;
  binderDownload: RegExp;
  /** The acknowledgement page's heading (its first line) and its count line for two staff members. */
  ackPageHeading: string;
  ackPageCount: string;
}

const html = '<html><body><h1>Informationssicherheitsleitlinie</h1><p>Wir schützen die Informationen unserer Kunden.</p></body></html>';

/** An accepted, signed policy (captured by the ISB, accepted by the CEO) to publish. */
export async function seedAcceptedPolicy(emulator: RunningEmulator): Promise<void> {
  const [policy] = await captureAll(storeAs(emulator, 'jonas'), [
    {
      title: 'Informationssicherheitsleitlinie 2026',
      type: 'securityPolicy',
      clauses: ['5.1a', '5.2', 'A.5.4'],
      source: 'upload',
      sourceKey: uploadSourceKey('leitlinie-2026'),
      effectiveDate: new Date(Date.now() - 86_400_000).toISOString(),
      summary: 'Version 3.0',
      signedBy: DEMO.katrin,
      content: { fileName: 'Leitlinie.html', contentType: 'text/html', bytes: new TextEncoder().encode(html) },
    },
  ]);
  await storeAs(emulator, 'katrin').review(policy!.id, policy!.etag, { status: 'accepted' }, DEMO.katrin);
}

export async function runJourney(emulator: RunningEmulator, browser: TestBrowser, x: JourneyTexts): Promise<void> {
  const { page } = browser;
  await seedAcceptedPolicy(emulator);

  // The ISB publishes.
  await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
  await pickDemoUser(page, x.demoUser, /Jonas Weber/);
  await page.getByRole('textbox', { name: x.objectivesLabel }).fill('Kundendaten sind vertraulich\nSysteme laufen zu 99,5 %');
  await page.getByRole('textbox', { name: x.distractorsLabel }).fill('Passwörter auf Zetteln notieren\nUpdates verschieben');
  await page.getByRole('button', { name: x.publish }).click();
  await visible(page.getByText(x.published));
  await saveScreenshot(page, `acknowledgement-publish-${x.lang}`);

  // Two staff members acknowledge; one answers the self-check.
  for (const [who, answer] of [[/Anna Müller/, 'Kundendaten sind vertraulich'], [/Julia Fischer/, undefined]] as const) {
    await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
    await pickDemoUser(page, x.demoUser, who);
    await visible(page.getByRole('heading', { name: x.staffHeading }));
    await visible(page.getByText('Wir schützen die Informationen unserer Kunden.'));
    if (answer) await page.getByRole('radio', { name: answer }).check();
    await page.getByRole('button', { name: x.acknowledge }).click();
    await visible(page.getByText(x.thanks));
  }
  await visible(page.getByRole('region', { name: x.mine }).getByRole('listitem'));
  await saveScreenshot(page, `acknowledgement-staff-${x.lang}`);
  expect(await page.getByRole('region', { name: x.mine }).getByRole('listitem').count()).toBe(1);

  // The dashboard shows 2 of N.
  await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
  await pickDemoUser(page, x.demoUser, /Jonas Weber/);
  await visible(page.getByText(x.count));
  await saveScreenshot(page, `acknowledgement-dashboard-${x.lang}`);

  // SharePoint shows a staff member only their own acknowledgement, refuses others', and shows the auditor all.
  const anna = createAcknowledgementLists(gatewaysFor(emulator, 'anna.mueller@mustergmbh.onmicrosoft.com'), ISMS_SITE_URL);
  const own = (await anna.read())!;
  expect(own.acknowledgements.map((a) => a.person.displayName)).toEqual(['Anna Müller']);
  const auditor = (await createAcknowledgementLists(gatewaysFor(emulator, DEMO.petra.upn!), ISMS_SITE_URL).read())!;
  expect(auditor.acknowledgements.map((a) => a.person.displayName).sort()).toEqual(['Anna Müller', 'Julia Fischer']);
  const julias = auditor.acknowledgements.find((a) => a.person.displayName === 'Julia Fischer')!;
  const annaGraph = gatewaysFor(emulator, 'anna.mueller@mustergmbh.onmicrosoft.com');
  const site = await annaGraph.sites.fromWebUrl(ISMS_SITE_URL);
  const list = await annaGraph.lists.get(site.id, 'Chefsache Kenntnisnahmen');
  await expect(annaGraph.listItems.forList(site.id, list.id).get(julias.id)).rejects.toMatchObject({ status: 404 });
  // Staff may not publish.
  await expect(anna.publish({ policyEvidenceId: 'x', policyTitle: 'x', policySha256: 'a'.repeat(64), policyPreview: '', objectives: ['x'], distractors: [], dueDate: '2030-01-01', message: '' })).rejects.toMatchObject({ status: 403 });

  await auditorFindsBinderPage(browser, emulator, x);
}

/** The auditor exports the binder from the evidence panel; its PDF has the policy version's page with count and names. */
async function auditorFindsBinderPage(browser: TestBrowser, emulator: RunningEmulator, x: JourneyTexts): Promise<void> {
  const { page } = browser;
  await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
  await pickDemoUser(page, x.demoUser, /Petra Prüfer/);
  const binder = page.getByRole('region', { name: x.binderHeading });
  await binder.getByRole('button', { name: x.binderExport }).click();
  const link = await visible(binder.getByRole('link', { name: x.binderDownload }));
  const work = mkdtempSync(join(tmpdir(), 'chefsache-ack-binder-'));
  try {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = unzipSync(readFileSync(zipPath));
    const text = pdfText(files['binder.pdf']!);
    const today = formatDayIn(new Date(), 'Europe/Berlin', x.lang);
    expect(text).toContain(shown(x.ackPageHeading));
    expect(text).toContain(shown(x.ackPageCount));
    expect(text).toContain(shown(`Anna Müller – ${today}`));
    expect(text).toContain(shown(`Julia Fischer – ${today}`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await saveScreenshot(page, `acknowledgement-binder-${x.lang}`);
}
