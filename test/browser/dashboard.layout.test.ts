/**
 * The readiness page reads well: in German and English, 1280 and 1024 px wide, light and dark, no
 * checklist item or clause name runs under the state badge next to it or out of its cell.
 * Screenshots: test-results/dashboard-layout-<lang>-<width>-<theme>.png.
 */
import type { Page } from 'playwright-core';
import { readyCompanyEvidence } from '../../src/features/dashboard/testing/readyCompany';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot } from './support/chromium';
import { captureAll, DEMO, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, UI_TIMEOUT_MS, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(240_000);

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startAppEmulator();
  // Evidence waiting for review: the longest badge ("Wartet auf Prüfung", "Waiting for review").
  await captureAll(storeAs(emulator, 'jonas'), readyCompanyEvidence(new Date(), { ceo: DEMO.katrin, isb: DEMO.jonas }));
});

afterAll(async () => {
  await emulator?.stop();
});

interface Collision {
  row: string;
  problem: string;
}

/** Per table row: the name's rendered text (a Range, so overflowing glyphs count) against the badge and the cell edges. */
function collisions(page: Page, tableName: string): Promise<Collision[]> {
  return page.getByRole('table', { name: tableName }).evaluate((table) => {
    const found: { row: string; problem: string }[] = [];
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
      const cells = Array.from(row.querySelectorAll('td'));
      const nameCell = cells[0];
      const badge = row.querySelector('[data-state]');
      const badgeCell = badge?.closest('td');
      const label = (nameCell?.textContent ?? '').trim();
      if (!nameCell || !badge || !badgeCell) {
        found.push({ row: label, problem: 'row without name cell or badge' });
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(nameCell);
      const textRects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const badgeRect = badge.getBoundingClientRect();
      const cellRect = nameCell.getBoundingClientRect();
      const badgeCellRect = badgeCell.getBoundingClientRect();
      if (textRects.some((r) => overlap(r, badgeRect))) found.push({ row: label, problem: 'name overlaps the badge' });
      if (textRects.some((r) => r.right > cellRect.right + 0.5)) found.push({ row: label, problem: 'name runs out of its cell' });
      if (badgeRect.right > badgeCellRect.right + 0.5) found.push({ row: label, problem: 'badge runs out of its cell' });
    }
    return found;
  });
}

const LANGUAGES = [
  { lang: 'de', locale: 'de-DE', user: 'Demo-Benutzer', dark: 'Dunkles Design', checklist: 'Checkliste für auditfeste Nachweise', clauses: 'ISO/IEC 27001 – Abschnitte', waiting: 'Wartet auf Prüfung' },
  { lang: 'en', locale: 'en-US', user: 'Demo user', dark: 'Dark theme', checklist: 'Checklist for audit-proof evidence', clauses: 'ISO/IEC 27001 clauses', waiting: 'Waiting for review' },
] as const;

describe.each(LANGUAGES)('readiness page layout ($lang)', (language) => {
  it.each([1280, 1024])('%i px wide, light and dark: no name under a badge', async (width) => {
    const browser = await launchBrowser({ locale: language.locale });
    try {
      const { page } = browser;
      const errors = collectPageErrors(page);
      await page.setViewportSize({ width, height: 900 });
      await warmUp(page, emulator.url);
      await page.goto(pageUrl('/teams/?view=dashboard', emulator.url));
      await pickDemoUser(page, language.user, /Katrin Berger/);
      const checklist = await visible(page.getByRole('table', { name: language.checklist }));
      await checklist.getByText(language.waiting, { exact: true }).first().waitFor({ state: 'visible', timeout: 3 * UI_TIMEOUT_MS });
      await visible(page.getByRole('table', { name: language.clauses }));

      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') {
          await page.getByRole('switch', { name: language.dark }).click();
          await visible(page.getByRole('switch', { name: language.dark, checked: true }));
        }
        await saveScreenshot(page, `dashboard-layout-${language.lang}-${width}-${theme}`);
        expect(await collisions(page, language.checklist)).toEqual([]);
        expect(await collisions(page, language.clauses)).toEqual([]);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
