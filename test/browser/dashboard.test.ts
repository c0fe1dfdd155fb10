/**
 * The readiness dashboard in Chromium against the emulator: red for a new company, one click from
 * a first step to the upload form, green once the evidence is on file and accepted. Screenshots
 * of dashboard and panel in light and dark theme, in German and English.
 */
import type { Page } from 'playwright-core';
import { readyCompanyEvidence } from '../../src/features/dashboard/testing/readyCompany';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { captureAll, DEMO, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(180_000);

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

async function darkScreenshot(page: Page, switchName: string, name: string) {
  await page.getByRole('switch', { name: switchName }).click();
  await visible(page.getByRole('switch', { name: switchName, checked: true }));
  await saveScreenshot(page, name);
  await page.getByRole('switch', { name: switchName }).click();
}

describe('readiness dashboard, de-DE', () => {
  it('shows a new company as not ready, with the alarms and how to fix them', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Katrin Berger/);
    await visible(page.getByText('Noch nicht auditbereit'));
    await visible(page.getByText('0 von 100 Punkten'));
    const alarms = page.getByRole('list', { name: 'Auditor-Alarm' });
    await visible(alarms.getByText('Es liegt keine unterschriebene Informationssicherheitsleitlinie vor.'));
    await visible(alarms.getByText('Niemand ist als Informationssicherheitsbeauftragte/r (ISB) ernannt.'));
    await visible(alarms.getByText(/^So beheben: ISB schriftlich ernennen/));
    const checklist = page.getByRole('table', { name: 'Checkliste für auditfeste Nachweise' });
    expect(await checklist.getByText('Fehlt', { exact: true }).count()).toBe(9);
    await visible(page.getByRole('img', { name: /^Kreislauf der fünf Handlungen/ }));
    await saveScreenshot(page, 'dashboard-light-de');
    await darkScreenshot(page, 'Dunkles Design', 'dashboard-dark-de');
  });

  it('takes the CEO from the first step to the policy upload in one click, and the step is done', async () => {
    const { page } = browser;
    const steps = page.getByRole('list', { name: 'Erste Schritte' });
    await steps.getByRole('link', { name: 'Leitlinie hochladen' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Dokument als Nachweis hochladen' }));
    await visible(dialog.getByRole('combobox', { name: 'Art des Dokuments' }).filter({ hasText: 'Unterschriebene und datierte Sicherheitsleitlinie' }));
    await dialog.getByRole('button', { name: 'Hochladen' }).click();
    await visible(dialog.getByText('Bitte eine Datei wählen.'));

    const today = new Date().toISOString().slice(0, 10);
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Informationssicherheitsleitlinie 2026');
    await dialog.getByRole('textbox', { name: 'Version' }).fill('3.0');
    await dialog.getByRole('combobox', { name: 'Unterschrieben von' }).click();
    await page.getByRole('option', { name: 'Katrin Berger' }).click();
    await dialog.getByLabel(/^Datum/).fill(today);
    await dialog.getByLabel(/^Nächste Überprüfung/).fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await dialog.getByLabel('Datei').setInputFiles({ name: 'Leitlinie 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Leitlinie') });
    await dialog.getByRole('button', { name: 'Hochladen' }).click();
    await visible(dialog.getByText('„Informationssicherheitsleitlinie 2026“ ist abgelegt und wartet auf Prüfung.'));
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();

    const stored = (await storeAs(emulator, 'jonas').sync()).find((i) => i.title === 'Informationssicherheitsleitlinie 2026');
    expect(stored).toMatchObject({ type: 'securityPolicy', source: 'upload', signedBy: { displayName: 'Katrin Berger' }, reviewStatus: 'pending' });
    expect(stored!.summary).toContain('Version: 3.0');

    await page.getByRole('tab', { name: 'Bereitschaft' }).click();
    const policyRow = page.getByRole('table', { name: 'Checkliste für auditfeste Nachweise' }).locator('[data-item="policy"]');
    await visible(policyRow.getByText('Wartet auf Prüfung'));
    await visible(page.locator('[data-step="checkPolicy"][data-done="true"]'));
    await visible(page.getByRole('list', { name: 'Erste Schritte' }).getByText('Erledigt'));
  });

  it('turns green once every piece of evidence is on file and accepted', async () => {
    const { page } = browser;
    const jonas = storeAs(emulator, 'jonas');
    await captureAll(jonas, readyCompanyEvidence(new Date(), { ceo: DEMO.katrin, isb: DEMO.jonas }));
    const katrin = storeAs(emulator, 'katrin');
    for (const item of await katrin.sync()) {
      if (item.reviewStatus === 'pending' && item.capturedBy.upn !== DEMO.katrin.upn) await katrin.review(item.id, item.etag, { status: 'accepted' }, DEMO.katrin);
    }
    await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
    await visible(page.getByText('Auditbereit', { exact: true }));
    await visible(page.getByText('100 von 100 Punkten'));
    await visible(page.getByText('Keine Warnungen – ein Auditor fände hier heute nichts zu beanstanden.'));
    expect(await page.getByRole('table', { name: 'Checkliste für auditfeste Nachweise' }).getByText('Angenommen', { exact: true }).count()).toBe(9);
    expect(await page.locator('[data-action][data-state="evidenced"]').count()).toBe(5);
    await visible(page.getByText(/^Nächstes Management-Review: /));
    await saveScreenshot(page, 'dashboard-green-de');
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('dashboard and panel, en-US', () => {
  it('speaks English in light and dark theme', async () => {
    const english = await launchBrowser({ locale: 'en-US' });
    try {
      const { page } = english;
      const errors = collectPageErrors(page);
      await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
      await pickDemoUser(page, 'Demo user', /Jonas Weber/);
      await visible(page.getByText('Ready for the audit', { exact: true }));
      await visible(page.getByRole('table', { name: 'Checklist for audit-proof evidence' }));
      await saveScreenshot(page, 'dashboard-light-en');
      await darkScreenshot(page, 'Dark theme', 'dashboard-dark-en');

      await page.getByRole('tab', { name: 'Review evidence' }).click();
      await (await visible(page.getByRole('table', { name: 'Evidence list' }).getByRole('button', { name: 'Warum Informationssicherheit Chefsache ist' }))).click();
      await visible(page.getByRole('region', { name: 'Evidence details' }).getByText('Chain of custody'));
      await saveScreenshot(page, 'panel-light-en');
      await darkScreenshot(page, 'Dark theme', 'panel-dark-en');
      expect(errors).toEqual([]);
    } finally {
      await english.close();
    }
  });
});
